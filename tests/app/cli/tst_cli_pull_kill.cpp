// A large pull split into id ranges (RangePuller), the command-line tool killed with SIGKILL at random points and
// rerun to the end: every ConnectWise record stored once, none missing, none pulled twice (ranges are committed in
// id order, so the resume point is exact).
#include "tests/support/KillRounds.h"
#include "tests/support/SyncFixture.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using CwTest::ProcessResult;
using CwTest::runProcess;

class TestCliPullKill final : public QObject
{
    Q_OBJECT

private slots:
    void killedRangedPullsResumeExactly();

private:
    QTemporaryDir m_dir;
    CwTest::SyncFixture f;
};

void TestCliPullKill::killedRangedPullsResumeExactly()
{
    constexpr int kRemote = 3000;
    QVERIFY(m_dir.isValid());
    QVERIFY2(f.start({QStringLiteral("--records"), QString::number(kRemote), QStringLiteral("--delay-ms"),
                      QStringLiteral("40")}),
             qPrintable(f.error));
    const QStringList base {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))};
    QString error;
    const auto location = CwTest::cliConnectorFor(f, m_dir.filePath(QStringLiteral("data")), &error);
    QVERIFY2(location, qPrintable(error));
    const QStringList noKeys {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")};
    f.db->close();

    const QStringList syncArgs =
        base + QStringList {QStringLiteral("sync"),     QStringLiteral("Sim"),    QStringLiteral("--entities"),
                            QStringLiteral("accounts"), QStringLiteral("--pull"), QStringLiteral("--page-size"),
                            QStringLiteral("50")};
    // Killed at random points: after 4 to 15 of the pull's 60-odd requests (60 pages of 50, the count and the last
    // id), so that every run before the pull's end is killed with pages in flight and some committed.
    const int killed =
        CwTest::killAfterRandomRequests(QStringLiteral(CW_CLI_EXECUTABLE), syncArgs, f.sim.baseUrl(), 6, 4, 12);
    QVERIFY2(killed >= 3, qPrintable(QString::number(killed)));
    const ProcessResult r = runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                                       QStringList {QStringLiteral("--json")} + syncArgs, {}, noKeys, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // The pulls were split into ranges: the last id was asked (orderBy=id desc) beside the count.
    int lastIdAsked = 0;
    for (const QJsonValue& v : f.simControl(QStringLiteral("requests")).array()) {
        const QString target = v.toObject().value(QLatin1String("target")).toString();
        lastIdAsked += target.contains(QLatin1String("company/companies?")) && target.contains(QLatin1String("desc"));
    }
    QVERIFY(lastIdAsked >= 1);

    // Every remote company exactly once locally, linked to its own id; none missing.
    QVERIFY2(f.attach(*location, f.instanceId), qPrintable(f.error));
    const QHash<qint64, QString> remote = f.remoteValues(QStringLiteral("company/companies"), QStringLiteral("name"));
    QCOMPARE(remote.size(), kRemote);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), kRemote);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(DISTINCT remote_id) FROM sync_links WHERE entity = 'accounts'")),
             kRemote);
    QSqlQuery q(f.db->connection());
    QVERIFY(f.db->exec(QStringLiteral("SELECT remote_id FROM sync_links WHERE entity = 'accounts'"), {}, nullptr, &q));
    QSet<qint64> linked;
    while (q.next()) {
        linked.insert(q.value(0).toLongLong());
    }
    for (auto it = remote.cbegin(); it != remote.cend(); ++it) {
        QVERIFY2(linked.contains(it.key()), qPrintable(QString::number(it.key())));
    }
    // No record was pulled twice: one "created" outcome each over all the runs (a killed run's uncommitted page
    // went with its outcomes), and the last run ended the pull.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_outcomes WHERE direction = 'pull' AND action = "
                                        "'created'")),
             kRemote);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(DISTINCT remote_id) FROM sync_outcomes WHERE direction = "
                                        "'pull' AND action = 'created'")),
             kRemote);
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'interrupted'")) >= 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'"
                                        " AND id = (SELECT MAX(id) FROM sync_runs)")),
             1);
}

QTEST_GUILESS_MAIN(TestCliPullKill)
#include "tst_cli_pull_kill.moc"
