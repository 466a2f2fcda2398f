// SyncLease: one sync of a connector at a time, on SQLite files and (tst_synclease_pg) on a PostgreSQL server.
// Leases are taken in this process and by cw_lease_holder processes, which are killed to leave a dead holder.
#include "core/config/InstanceRepository.h"
#include "core/store/Database.h"
#include "core/sync/ProcessProbe.h"
#include "core/sync/SyncLease.h"
#include "tests/support/SyncFixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>

#include <atomic>
#include <memory>

class TestSyncLease final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void secondLeaseIsRefusedWithTheHolder();
    void heartbeatRenewsAndReleaseDeletes();
    void staleLeaseIsTakenOverFreshIsNot();
    void takenOverHolderNoticesAtItsHeartbeat();
    void killedHolderOnThisHostIsTakenOverAtOnce();
    void killedHolderOfAnotherHost();
    void holdersStartedTogetherOneWins();
    void processProbe();

private:
    std::unique_ptr<QProcess> startHolder(const QString& host = QString());
    int leaseRows();
    qint64 heartbeatAt();
    void age(qint64 ms); // moves the lease's heartbeat ms into the past

    CwTest::TestDatabase m_testDb;
    Cw::DatabaseLocation m_location;
    std::unique_ptr<Cw::Database> m_db;
    qint64 m_instanceId = 0;
};

void TestSyncLease::initTestCase()
{
    QString error;
    QVERIFY2(m_testDb.init(&error), qPrintable(error));
}

void TestSyncLease::init()
{
    QString error;
    m_location = m_testDb.fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = std::make_unique<Cw::Database>(m_location);
    Cw::StoreError storeError;
    QVERIFY2(m_db->open(&storeError), qPrintable(storeError.message));
    Cw::Instance i;
    i.name = QStringLiteral("Production");
    i.deployment = Cw::nameOf(Cw::Deployment::OnPremise);
    i.site = QStringLiteral("http://127.0.0.1:9");
    i.companyId = QStringLiteral("acme");
    QVERIFY2(Cw::InstanceRepository(*m_db).create(&i, &storeError), qPrintable(storeError.message));
    m_instanceId = i.id;
}

void TestSyncLease::cleanup()
{
    m_db.reset();
}

std::unique_ptr<QProcess> TestSyncLease::startHolder(const QString& host)
{
    auto p = std::make_unique<QProcess>();
    QStringList args {m_location.kind == Cw::DatabaseLocation::Kind::Sqlite ? m_location.filePath
                                                                            : m_location.displayName(),
                      QString::number(m_instanceId)};
    if (!host.isEmpty()) {
        args.append(host);
    }
    p->start(QStringLiteral(CW_LEASE_HOLDER), args);
    return p;
}

int TestSyncLease::leaseRows()
{
    QSqlQuery q(m_db->connection());
    if (!m_db->exec(QStringLiteral("SELECT COUNT(*) FROM sync_leases WHERE instance_id = ?"), {m_instanceId}, nullptr,
                    &q) ||
        !q.next()) {
        return -1;
    }
    return q.value(0).toInt();
}

qint64 TestSyncLease::heartbeatAt()
{
    QSqlQuery q(m_db->connection());
    if (!m_db->exec(QStringLiteral("SELECT heartbeat_at FROM sync_leases WHERE instance_id = ?"), {m_instanceId},
                    nullptr, &q) ||
        !q.next()) {
        return -1;
    }
    return q.value(0).toLongLong();
}

void TestSyncLease::age(qint64 ms)
{
    QVERIFY(m_db->exec(QStringLiteral("UPDATE sync_leases SET heartbeat_at = heartbeat_at - ? WHERE instance_id = ?"),
                       {ms, m_instanceId}));
}

void TestSyncLease::secondLeaseIsRefusedWithTheHolder()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    Cw::SyncLease first(m_location, m_instanceId, CwTest::anotherDesktop());
    Cw::SyncHolder holder;
    QCOMPARE(first.acquire(&holder, nullptr), Cw::SyncLease::Outcome::Acquired);
    QCOMPARE(holder.host, QStringLiteral("h1"));
    QCOMPARE(leaseRows(), 1);

    Cw::SyncLease second(m_location, m_instanceId);
    Cw::SyncHolder busy;
    QCOMPARE(second.acquire(&busy, nullptr), Cw::SyncLease::Outcome::Held);
    QCOMPARE(busy.holderId, holder.holderId);
    QCOMPARE(busy.startedAt, holder.startedAt); // the database's clock, as the holder read it back
    QCOMPARE(busy.program, QStringLiteral("cwconnector-cli"));
    QCOMPARE(busy.processId, 4242);
    QCOMPARE(busy.host, QStringLiteral("h1"));
    QVERIFY2(busy.startedAt >= before && busy.startedAt <= QDateTime::currentDateTimeUtc().addSecs(2),
             qPrintable(busy.startedAt.toString(Qt::ISODateWithMs)));
    const QString message = Cw::SyncLease::busyMessage(QStringLiteral("Production"), busy);
    QCOMPARE(message,
             CwTest::busyText(QStringLiteral("Production"), busy) + QStringLiteral("; it was not started again."));
    QVERIFY(message.startsWith(QStringLiteral("Production is being synced by cwconnector-cli (process 4242) on host h1 "
                                              "since ")));
    // The probe the sync window uses names the same holder; it is not this process.
    const auto live = Cw::SyncLease::holder(*m_db, m_instanceId);
    QVERIFY(live);
    QCOMPARE(live->holderId, holder.holderId);
    QVERIFY(!Cw::SyncLease::isThisProcess(*live));

    first.release();
    QCOMPARE(leaseRows(), 0);
    QVERIFY(!Cw::SyncLease::holder(*m_db, m_instanceId));
    Cw::SyncLease third(m_location, m_instanceId);
    Cw::SyncHolder mine;
    QCOMPARE(third.acquire(&mine, nullptr), Cw::SyncLease::Outcome::Acquired);
    QCOMPARE(mine.processId, QCoreApplication::applicationPid());
    QCOMPARE(mine.host, QSysInfo::machineHostName());
    QVERIFY(Cw::SyncLease::isThisProcess(*Cw::SyncLease::holder(*m_db, m_instanceId)));
}

void TestSyncLease::heartbeatRenewsAndReleaseDeletes()
{
    {
        Cw::SyncLease lease(m_location, m_instanceId, CwTest::anotherDesktop(100));
        Cw::SyncHolder holder;
        QCOMPARE(lease.acquire(&holder, nullptr), Cw::SyncLease::Outcome::Acquired);
        age(30000);
        const qint64 aged = heartbeatAt();
        QTRY_VERIFY_WITH_TIMEOUT(heartbeatAt() > aged + 20000, 10000); // renewed by its own thread and connection
        QVERIFY(!lease.wasLost());
    } // destroyed: released
    QCOMPARE(leaseRows(), 0);
}

void TestSyncLease::staleLeaseIsTakenOverFreshIsNot()
{
    Cw::SyncLease stuck(m_location, m_instanceId, CwTest::anotherDesktop()); // never renews it during the test
    Cw::SyncHolder holder;
    QCOMPARE(stuck.acquire(&holder, nullptr), Cw::SyncLease::Outcome::Acquired);
    {
        Cw::SyncLease fresh(m_location, m_instanceId);
        Cw::SyncHolder busy;
        QCOMPARE(fresh.acquire(&busy, nullptr), Cw::SyncLease::Outcome::Held);
    }
    age(59000); // under the default 60 s
    {
        Cw::SyncLease almost(m_location, m_instanceId);
        Cw::SyncHolder busy;
        QCOMPARE(almost.acquire(&busy, nullptr), Cw::SyncLease::Outcome::Held);
    }
    age(2000);
    Cw::SyncLease taker(m_location, m_instanceId);
    Cw::SyncHolder mine;
    QCOMPARE(taker.acquire(&mine, nullptr), Cw::SyncLease::Outcome::Acquired);
    const auto live = Cw::SyncLease::holder(*m_db, m_instanceId);
    QVERIFY(live);
    QCOMPARE(live->holderId, mine.holderId);
    stuck.release(); // deletes nothing: the row is the taker's now
    QCOMPARE(leaseRows(), 1);
    taker.release();
    QCOMPARE(leaseRows(), 0);
}

void TestSyncLease::takenOverHolderNoticesAtItsHeartbeat()
{
    Cw::SyncLease lease(m_location, m_instanceId, CwTest::anotherDesktop(100));
    std::atomic_int lost {0};
    lease.setOnLost([&lost] { ++lost; });
    Cw::SyncHolder holder;
    QCOMPARE(lease.acquire(&holder, nullptr), Cw::SyncLease::Outcome::Acquired);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE sync_leases SET holder_id = 'another' WHERE instance_id = ?"),
                       {m_instanceId}));
    QTRY_VERIFY_WITH_TIMEOUT(lease.wasLost(), 10000);
    QCOMPARE(lost.load(), 1);
    lease.release();
    QCOMPARE(leaseRows(), 1); // the other holder's row stays
}

void TestSyncLease::killedHolderOnThisHostIsTakenOverAtOnce()
{
    auto holder = startHolder();
    QVERIFY(holder->waitForStarted(30000));
    const qint64 pid = holder->processId();
    QVERIFY(holder->waitForReadyRead(30000));
    QCOMPARE(holder->readLine().trimmed(), QByteArray("held"));
    {
        Cw::SyncLease refused(m_location, m_instanceId);
        Cw::SyncHolder busy;
        QCOMPARE(refused.acquire(&busy, nullptr), Cw::SyncLease::Outcome::Held);
        QCOMPARE(busy.processId, pid);
        QCOMPARE(busy.program, QStringLiteral("cw_lease_holder"));
    }
    holder->kill(); // SIGKILL: nothing released
    QVERIFY(holder->waitForFinished(30000));
    QCOMPARE(leaseRows(), 1);
    QVERIFY(!Cw::ProcessProbe::isRunning(pid));
    QVERIFY(!Cw::SyncLease::holder(*m_db, m_instanceId)); // the window sees no live holder
    QElapsedTimer timer;
    timer.start();
    Cw::SyncLease next(m_location, m_instanceId);
    Cw::SyncHolder mine;
    QCOMPARE(next.acquire(&mine, nullptr), Cw::SyncLease::Outcome::Acquired);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

// A holder that claims another host and is killed: on PostgreSQL its advisory lock went with its connection, so
// the lease is taken over at once; a SQLite file has no such witness, so it waits for the heartbeat to go stale.
void TestSyncLease::killedHolderOfAnotherHost()
{
    auto holder = startHolder(QStringLiteral("elsewhere"));
    QVERIFY(holder->waitForReadyRead(30000));
    QCOMPARE(holder->readLine().trimmed(), QByteArray("held"));
    holder->kill();
    QVERIFY(holder->waitForFinished(30000));
    Cw::SyncLease next(m_location, m_instanceId);
    Cw::SyncHolder found;
    if (m_testDb.isPostgres()) {
        QTRY_VERIFY_WITH_TIMEOUT(!Cw::SyncLease::holder(*m_db, m_instanceId), 10000); // the server saw it close
        QCOMPARE(next.acquire(&found, nullptr), Cw::SyncLease::Outcome::Acquired);
    } else {
        QCOMPARE(next.acquire(&found, nullptr), Cw::SyncLease::Outcome::Held);
        QCOMPARE(found.host, QStringLiteral("elsewhere"));
        age(61000);
        Cw::SyncLease later(m_location, m_instanceId);
        QCOMPARE(later.acquire(&found, nullptr), Cw::SyncLease::Outcome::Acquired);
    }
}

void TestSyncLease::holdersStartedTogetherOneWins()
{
    std::vector<std::unique_ptr<QProcess>> holders;
    for (int i = 0; i < 4; ++i) {
        holders.push_back(startHolder());
    }
    int held = 0;
    int refused = 0;
    QProcess* winner = nullptr;
    qint64 winnerPid = 0;
    for (auto& p : holders) {
        QVERIFY(p->waitForStarted(30000));
        const qint64 pid = p->processId();
        QVERIFY(p->waitForReadyRead(30000));
        const QByteArray line = p->readLine().trimmed();
        if (line == "held") {
            ++held;
            winner = p.get();
            winnerPid = pid;
        } else {
            QVERIFY2(line.startsWith("refused cw_lease_holder "), line.constData());
            ++refused;
        }
    }
    QCOMPARE(held, 1);
    QCOMPARE(refused, 3);
    const auto live = Cw::SyncLease::holder(*m_db, m_instanceId);
    QVERIFY(live);
    QCOMPARE(live->processId, winnerPid);
    for (auto& p : holders) {
        p->closeWriteChannel(); // the winner releases and exits 0
        QVERIFY(p->waitForFinished(30000));
        QCOMPARE(p->exitCode(), p.get() == winner ? 0 : 1);
    }
    QCOMPARE(leaseRows(), 0);
}

void TestSyncLease::processProbe()
{
    QVERIFY(Cw::ProcessProbe::isRunning(QCoreApplication::applicationPid()));
    QVERIFY(!Cw::ProcessProbe::isRunning(0));
    QProcess p;
    p.start(QStringLiteral(CW_LEASE_HOLDER), QStringList()); // usage error: exits at once
    QVERIFY(p.waitForStarted(30000));
    const qint64 pid = p.processId();
    QVERIFY(pid > 0);
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(!Cw::ProcessProbe::isRunning(pid));
}

QTEST_GUILESS_MAIN(TestSyncLease)
#include "tst_synclease.moc"
