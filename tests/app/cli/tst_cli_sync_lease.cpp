// One sync of a connector at a time, through the command-line tool as real processes against cwconnector-sim, on a
// SQLite file and (tst_cli_sync_lease_pg) on one PostgreSQL server: two syncs started together create every record
// once and one of them is refused naming the other; a killed holder is taken over at once; a lease of another host
// is refused while fresh and taken over once stale; a dry run needs no lease.
#include "core/sync/SyncLease.h"
#include "tests/support/SyncFixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using CwTest::ProcessResult;
using CwTest::runProcess;

class TestCliSyncLease final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twoSyncsAtOnceCreateEveryRecordOnce();
    void killedHolderIsTakenOverAtOnce();
    void leaseOfAnotherHostRefusedWhileFreshTakenOverWhenStale();

private:
    QStringList base() const;
    ProcessResult cli(const QStringList& args, const QByteArray& input = {});
    std::unique_ptr<QProcess> startCli(const QStringList& args);
    bool addAccounts(const QString& prefix, int count);
    // The records of path whose field (name, description) starts with prefix: how often each value is there.
    QHash<QString, int> remoteNames(const QString& path, const QString& prefix,
                                    const QString& field = QStringLiteral("name"));

    QTemporaryDir m_dir;
    CwTest::SyncFixture f;
};

QStringList TestCliSyncLease::base() const
{
    const Cw::DatabaseLocation location = f.location();
    return {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("--database"),
            location.kind == Cw::DatabaseLocation::Kind::Sqlite ? location.filePath : location.displayName()};
}

ProcessResult TestCliSyncLease::cli(const QStringList& args, const QByteArray& input)
{
    return runProcess(QStringLiteral(CW_CLI_EXECUTABLE), base() + args, input,
                      {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")}, 120000);
}

std::unique_ptr<QProcess> TestCliSyncLease::startCli(const QStringList& args)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CW_PUBLIC_KEY"));
    environment.remove(QStringLiteral("CW_PRIVATE_KEY"));
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(environment);
    p->start(QStringLiteral(CW_CLI_EXECUTABLE), base() + args);
    return p;
}

bool TestCliSyncLease::addAccounts(const QString& prefix, int count)
{
    QList<QVariantHash> accounts;
    for (int i = 0; i < count; ++i) {
        accounts.append(
            QVariantHash {{QStringLiteral("id"), QString(prefix + QString::number(i))},
                          {QStringLiteral("name"), QStringLiteral("%1 Account %2").arg(prefix).arg(i)},
                          {QStringLiteral("city"), QStringLiteral("Tampa")}}); // ConnectWise needs an address
    }
    return f.addLocal(Cw::Entity::Accounts, accounts);
}

QHash<QString, int> TestCliSyncLease::remoteNames(const QString& path, const QString& prefix, const QString& field)
{
    QHash<QString, int> seen;
    const QHash<qint64, QString> names = f.remoteValues(path, field);
    for (const QString& name : names) {
        if (name.startsWith(prefix)) {
            ++seen[name];
        }
    }
    return seen;
}

void TestCliSyncLease::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Every reply 20 ms late: a push of a hundred records spans seconds, so syncs started together overlap.
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("10"), QStringLiteral("--delay-ms"),
                      QStringLiteral("20")}),
             qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
    const ProcessResult r = cli({QStringLiteral("instance"), QStringLiteral("set-keys"), QStringLiteral("Sim"),
                                 QStringLiteral("--keys-from-stdin")},
                                QByteArrayLiteral("demopublickey0001\ndemoprivatekey0001\n"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCliSyncLease::twoSyncsAtOnceCreateEveryRecordOnce()
{
    QVERIFY2(addAccounts(QStringLiteral("Twin"), 60), qPrintable(f.error));
    QList<QVariantHash> products;
    for (int i = 0; i < 30; ++i) {
        products.append({{QStringLiteral("id"), QStringLiteral("TP%1").arg(i)},
                         {QStringLiteral("name"), QStringLiteral("Twin Product %1").arg(i)},
                         {QStringLiteral("product_type"), QStringLiteral("L0")},
                         {QStringLiteral("price"), QStringLiteral("10")}});
    }
    QVERIFY2(f.addLocal(Cw::Entity::Products, products), qPrintable(f.error));

    const QStringList args {QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim"),
                            QStringLiteral("--push")};
    auto a = startCli(args);
    auto b = startCli(args);
    QVERIFY(a->waitForStarted(30000) && b->waitForStarted(30000));
    const qint64 pids[] = {a->processId(), b->processId()};
    QVERIFY(a->waitForFinished(120000) && b->waitForFinished(120000));
    QCOMPARE(a->exitStatus(), QProcess::NormalExit);
    QCOMPARE(b->exitStatus(), QProcess::NormalExit);
    const QByteArray out[] = {a->readAllStandardOutput(), b->readAllStandardOutput()};
    const int codes[] = {a->exitCode(), b->exitCode()};
    QVERIFY2((codes[0] == 0 && codes[1] == 1) || (codes[0] == 1 && codes[1] == 0),
             qPrintable(QStringLiteral("exit codes %1 and %2").arg(codes[0]).arg(codes[1])));
    const int won = codes[0] == 0 ? 0 : 1;
    const int lost = 1 - won;

    // The refused one names the one that runs, at once, and wrote nothing.
    const QJsonObject refused = QJsonDocument::fromJson(out[lost]).object();
    QVERIFY2(!refused.value(QStringLiteral("ok")).toBool(), out[lost].constData());
    const QJsonObject busy = refused.value(QStringLiteral("busy")).toObject();
    QCOMPARE(busy.value(QStringLiteral("program")).toString(), QStringLiteral("cwconnector-cli"));
    QCOMPARE(busy.value(QStringLiteral("processId")).toInteger(), pids[won]);
    QCOMPARE(busy.value(QStringLiteral("host")).toString(), QSysInfo::machineHostName());
    const QString expected = QStringLiteral("Sim is being synced by cwconnector-cli (process %1) on host %2 since ")
                                 .arg(pids[won])
                                 .arg(QSysInfo::machineHostName());
    QVERIFY2(refused.value(QStringLiteral("error")).toString().startsWith(expected), out[lost].constData());
    QCOMPARE(refused.value(QStringLiteral("totals")).toObject().value(QStringLiteral("created")).toInt(), 0);
    QVERIFY(!refused.contains(QStringLiteral("runId")));

    const QJsonObject done = QJsonDocument::fromJson(out[won]).object();
    QVERIFY2(done.value(QStringLiteral("ok")).toBool(), out[won].constData());
    QCOMPARE(done.value(QStringLiteral("totals")).toObject().value(QStringLiteral("created")).toInt(), 90);

    // ConnectWise: every record exactly once.
    const QHash<QString, int> companies = remoteNames(QStringLiteral("company/companies"), QStringLiteral("Twin "));
    QCOMPARE(companies.size(), 60);
    const QHash<QString, int> items =
        remoteNames(QStringLiteral("procurement/catalog"), QStringLiteral("Twin "), QStringLiteral("description"));
    QCOMPARE(items.size(), 30);
    for (auto it = companies.cbegin(); it != companies.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_leases")), 0);
    QVERIFY2(f.sim.modelViolations().isEmpty(), qPrintable(CwTest::SimProcess::describe(f.sim.modelViolations())));
}

void TestCliSyncLease::killedHolderIsTakenOverAtOnce()
{
    QVERIFY2(addAccounts(QStringLiteral("Killed"), 80), qPrintable(f.error));
    const QStringList args {QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--push"),
                            QStringLiteral("--entities"), QStringLiteral("accounts")};
    auto holder = startCli(args);
    QVERIFY(holder->waitForStarted(30000));
    const qint64 pid = holder->processId();
    // SIGKILL in the middle of the push: some accounts are in ConnectWise, the lease is left behind.
    QTRY_VERIFY_WITH_TIMEOUT(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id LIKE "
                                                        "'Killed%' AND remote_id IS NOT NULL")) >= 5,
                             60000);
    holder->kill();
    QVERIFY(holder->waitForFinished(30000));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_leases WHERE process_id = ?"), {pid}), 1);
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id LIKE 'Killed%' AND remote_id "
                                       "IS NOT NULL")) < 80);

    // The next sync starts at once (its holder's process is gone) and completes.
    QElapsedTimer timer;
    timer.start();
    const ProcessResult r = cli(QStringList {QStringLiteral("--json")} + args);
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY(!QJsonDocument::fromJson(r.out).object().contains(QStringLiteral("busy")));
    QVERIFY2(timer.elapsed() < 60000, qPrintable(QString::number(timer.elapsed())));
    const QHash<QString, int> companies = remoteNames(QStringLiteral("company/companies"), QStringLiteral("Killed "));
    QCOMPARE(companies.size(), 80);
    for (auto it = companies.cbegin(); it != companies.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'interrupted'")), 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded' AND id = (SELECT "
                                        "MAX(id) FROM sync_runs)")),
             1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_leases")), 0);
}

void TestCliSyncLease::leaseOfAnotherHostRefusedWhileFreshTakenOverWhenStale()
{
    QVERIFY2(addAccounts(QStringLiteral("Host"), 3), qPrintable(f.error));
    // A sync of another desktop, as its lease says (this test holds it, without renewing it).
    Cw::SyncLease other(f.location(), f.instanceId, CwTest::anotherDesktop());
    Cw::SyncHolder holder;
    QCOMPARE(other.acquire(&holder, nullptr), Cw::SyncLease::Outcome::Acquired);
    const int runs = f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs"));
    const QString message =
        CwTest::busyText(QStringLiteral("Sim"), holder) + QStringLiteral("; it was not started again.");
    QVERIFY(
        message.startsWith(QStringLiteral("Sim is being synced by cwconnector-cli (process 4242) on host h1 since ")));

    ProcessResult r = cli({QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--push")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(message.toUtf8()), QByteArray(r.out + r.err).constData());
    r = cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--push")});
    QCOMPARE(r.exitCode, 1);
    QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc.value(QStringLiteral("error")).toString(), message);
    const QJsonObject busy = doc.value(QStringLiteral("busy")).toObject();
    QCOMPARE(busy.value(QStringLiteral("host")).toString(), QStringLiteral("h1"));
    QCOMPARE(busy.value(QStringLiteral("processId")).toInteger(), 4242);
    QCOMPARE(QDateTime::fromString(busy.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs),
             holder.startedAt);

    // A dry run writes nothing and needs no lease.
    r = cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--push"),
             QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    doc = QJsonDocument::fromJson(r.out).object();
    QVERIFY(doc.value(QStringLiteral("dryRun")).toBool());
    QCOMPARE(doc.value(QStringLiteral("push"))
                 .toObject()
                 .value(QStringLiteral("accounts"))
                 .toObject()
                 .value(QStringLiteral("created")),
             3);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), runs);
    QCOMPARE(remoteNames(QStringLiteral("company/companies"), QStringLiteral("Host ")).size(), 0);

    // Ten minutes without a heartbeat: that desktop is taken for gone, and its lease is taken over.
    QVERIFY(f.db->exec(QStringLiteral("UPDATE sync_leases SET heartbeat_at = heartbeat_at - 600000")));
    r = cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--push")});
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QCOMPARE(remoteNames(QStringLiteral("company/companies"), QStringLiteral("Host ")).size(), 3);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), runs + 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_leases")), 0);
}

QTEST_GUILESS_MAIN(TestCliSyncLease)
#include "tst_cli_sync_lease.moc"
