// A sync killed with SIGKILL at random points (the command-line tool as a process, several rounds), then
// rerun to the end: no duplicate in ConnectWise (checked through the simulator's API) or locally.
#include "tests/support/KillRounds.h"
#include "tests/support/SyncFixture.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using CwTest::ProcessResult;
using CwTest::runProcess;

class TestCliSyncKill final : public QObject
{
    Q_OBJECT

private slots:
    void killedSyncsResumeWithoutDuplicates();
    void interruptStopsCleanlyThenResumes(); // uses the connector the first test set up

private:
    QStringList baseArgs() const { return {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))}; }
    QTemporaryDir m_dir;
    CwTest::SyncFixture f;
};

void TestCliSyncKill::killedSyncsResumeWithoutDuplicates()
{
    const int remoteSeeded = 250;
    const int localAccounts = 150;
    QVERIFY(m_dir.isValid());
    QVERIFY2(f.start({QStringLiteral("--records"), QString::number(remoteSeeded), QStringLiteral("--delay-ms"),
                      QStringLiteral("8")}),
             qPrintable(f.error));
    QString error;
    const auto location = CwTest::cliConnectorFor(f, m_dir.filePath(QStringLiteral("data")), &error);
    QVERIFY2(location, qPrintable(error));
    QVERIFY(f.instanceId > 100000);
    const QStringList noKeys {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")};
    QList<QVariantHash> accounts;
    for (int i = 0; i < localAccounts; ++i) {
        accounts.append({{QStringLiteral("id"), QStringLiteral("K%1").arg(i)},
                         {QStringLiteral("name"), QStringLiteral("Killed Account %1").arg(i)},
                         {QStringLiteral("city"), QStringLiteral("City %1").arg(i)}});
    }
    QVERIFY(f.addLocal(Cw::Entity::Accounts, accounts));
    f.db->close();

    const QStringList syncArgs = baseArgs() + QStringList {QStringLiteral("sync"),        QStringLiteral("Sim"),
                                                           QStringLiteral("--entities"),  QStringLiteral("accounts"),
                                                           QStringLiteral("--page-size"), QStringLiteral("20")};
    // Killed at random points of the run: after 5 to 44 of its 180-odd requests (150 creates with their look-ups,
    // 13 pages, the checks), so that every run before the sync's end is killed, mid-push or mid-pull.
    const int killed =
        CwTest::killAfterRandomRequests(QStringLiteral(CW_CLI_EXECUTABLE), syncArgs, f.sim.baseUrl(), 6, 5, 40);
    QVERIFY2(killed >= 3, qPrintable(QString::number(killed)));

    const ProcessResult r = runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                                       QStringList {QStringLiteral("--json")} + syncArgs, {}, noKeys, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // ConnectWise: every local account exactly once, nothing else created.
    const QJsonArray companies = f.list(QStringLiteral("company/companies"));
    QCOMPARE(companies.size(), remoteSeeded + localAccounts);
    QSet<QString> identifiers;
    for (const QJsonValue& c : companies) {
        identifiers.insert(c.toObject().value(QStringLiteral("identifier")).toString().toUpper());
    }
    QCOMPARE(identifiers.size(), companies.size());
    // Locally: every remote company exactly once, every link complete and distinct.
    QVERIFY2(f.attach(*location, f.instanceId), qPrintable(f.error));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), remoteSeeded + localAccounts);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE entity = 'accounts'")),
             remoteSeeded + localAccounts);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(DISTINCT remote_id) FROM sync_links WHERE entity = 'accounts'")),
             remoteSeeded + localAccounts);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE remote_id IS NULL")), 0);
    // The killed runs are in the history as interrupted, the last one succeeded.
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'interrupted'")) >= 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'"
                                        " AND id = (SELECT MAX(id) FROM sync_runs)")),
             1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'running'")), 0);
}

void TestCliSyncKill::interruptStopsCleanlyThenResumes()
{
    QVERIFY(f.instanceId > 0);
    const int before = f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts"));
    QList<QVariantHash> accounts;
    for (int i = 0; i < 200; ++i) {
        accounts.append({{QStringLiteral("id"), QStringLiteral("INT%1").arg(i)},
                         {QStringLiteral("name"), QStringLiteral("Interrupted Account %1").arg(i)},
                         {QStringLiteral("city"), QStringLiteral("City %1").arg(i)}}); // ConnectWise needs an address
    }
    QVERIFY(f.addLocal(Cw::Entity::Accounts, accounts));
    const int runsBefore = f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs"));
    f.db->close();

    const QStringList syncArgs = baseArgs() +
        QStringList {QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--entities"),
                     QStringLiteral("accounts"), QStringLiteral("--push")};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CW_PUBLIC_KEY"));
    environment.remove(QStringLiteral("CW_PRIVATE_KEY"));
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(QStringLiteral(CW_CLI_EXECUTABLE), syncArgs);
    QVERIFY(p.waitForStarted(30000));
    // Ctrl+C once the first records went out (progress lines come every 50 records).
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("push accounts: "), 60000);
    QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGINT), 0);
    QVERIFY(p.waitForFinished(60000));
    err += p.readAllStandardError();
    const QByteArray all = p.readAllStandardOutput() + err;
    QCOMPARE(p.exitStatus(), QProcess::NormalExit); // stopped by itself, not killed by the signal
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains("Interrupted"), err.constData());
    QVERIFY2(all.contains("The sync was cancelled."), all.constData());

    QVERIFY2(f.attach(f.location(), f.instanceId), qPrintable(f.error));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), runsBefore + 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'failed'"
                                        " AND message LIKE '%cancelled%' AND id = (SELECT MAX(id) FROM sync_runs)")),
             1);
    const int linkedAfterInterrupt = f.countRows(
        QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id LIKE 'INT%' AND remote_id IS NOT NULL"));
    QVERIFY2(linkedAfterInterrupt < 200, qPrintable(QString::number(linkedAfterInterrupt)));
    f.db->close();

    // The rerun sends the rest: every account exactly once in ConnectWise.
    const ProcessResult r = runProcess(QStringLiteral(CW_CLI_EXECUTABLE), syncArgs, {},
                                       {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")}, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(f.attach(f.location(), f.instanceId), qPrintable(f.error));
    const QJsonArray companies = f.list(QStringLiteral("company/companies"));
    QCOMPARE(companies.size(), before + 200);
    QSet<QString> identifiers;
    for (const QJsonValue& c : companies) {
        identifiers.insert(c.toObject().value(QStringLiteral("identifier")).toString().toUpper());
    }
    QCOMPARE(identifiers.size(), companies.size());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'running'")), 0);
}

QTEST_GUILESS_MAIN(TestCliSyncKill)
#include "tst_cli_sync_kill.moc"
