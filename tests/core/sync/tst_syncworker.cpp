// SyncWorker: a sync in a thread of its own, with its own database connection, against cwconnector-sim.
#include "core/sync/SyncWorker.h"
#include "tests/support/SyncFixture.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>

using CwTest::SyncFixture;

namespace {
constexpr int kWait = 90000;
} // namespace

class TestSyncWorker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void runsInItsOwnThreadAndForwardsProgress();
    void cancelKeepsWhatWasDoneAndARerunCompletes();
    void destroyingARunningWorkerCancelsAndWaits();
    void unreachableServerEndsWithTheFix();

private:
    Cw::SyncRequest pullAccounts() const;
    SyncFixture f;
};

void TestSyncWorker::initTestCase()
{
    // Slow replies (delay) and small pages make a run long enough to cancel in the middle.
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("120"), QStringLiteral("--delay-ms"),
                      QStringLiteral("40")}),
             qPrintable(f.error));
}

void TestSyncWorker::init()
{
    QVERIFY2(f.reopen(true), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

Cw::SyncRequest TestSyncWorker::pullAccounts() const
{
    Cw::SyncRequest request;
    request.instanceId = f.instanceId;
    request.entities = {Cw::Entity::Accounts};
    request.push = false;
    request.pull = true;
    return request;
}

void TestSyncWorker::runsInItsOwnThreadAndForwardsProgress()
{
    Cw::SyncWorker worker(f.location(), CwTest::session(CwTest::syncSimConnection(f.sim.baseUrl())));
    worker.setPageSize(25);
    QThread* emittingThread = nullptr;
    QList<QThread*> receivingThreads;
    int lastProcessed = -1;
    int lastTotal = -2;
    connect(
        &worker, &Cw::SyncWorker::progress, &worker,
        [&emittingThread](Cw::Direction, Cw::Entity, int, int) { emittingThread = QThread::currentThread(); },
        Qt::DirectConnection);
    QObject receiver; // lives in this (the GUI) thread
    connect(&worker, &Cw::SyncWorker::progress, &receiver, [&](Cw::Direction, Cw::Entity, int processed, int total) {
        receivingThreads.append(QThread::currentThread());
        lastProcessed = processed;
        lastTotal = total;
    });
    QSignalSpy finished(&worker, &Cw::SyncWorker::finished);
    QVERIFY(worker.start(pullAccounts()));
    QVERIFY(worker.isRunning());
    QVERIFY(!worker.start(pullAccounts())); // one run at a time
    QVERIFY(finished.wait(kWait));
    QVERIFY(!worker.isRunning());

    const auto summary = finished.first().first().value<Cw::SyncSummary>();
    QVERIFY2(summary.ok(), qPrintable(summary.fatalError));
    QCOMPARE(summary.pullCounts.value(Cw::Entity::Accounts).created, 120);
    QVERIFY(summary.runId > 0);
    QVERIFY(emittingThread && emittingThread != QThread::currentThread());
    QVERIFY(!receivingThreads.isEmpty());
    for (QThread* thread : receivingThreads) {
        QCOMPARE(thread, QThread::currentThread());
    }
    QCOMPARE(lastProcessed, 120);
    QCOMPARE(lastTotal, 120);
    // The worker's own connection wrote to the same database this thread reads.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), 120);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'")), 1);
}

void TestSyncWorker::cancelKeepsWhatWasDoneAndARerunCompletes()
{
    Cw::SyncWorker worker(f.location(), CwTest::session(CwTest::syncSimConnection(f.sim.baseUrl())));
    worker.setPageSize(10);
    bool cancelled = false;
    connect(&worker, &Cw::SyncWorker::progress, &worker, [&](Cw::Direction, Cw::Entity, int processed, int) {
        if (processed >= 20 && !cancelled) {
            cancelled = true;
            worker.cancel();
        }
    });
    QSignalSpy finished(&worker, &Cw::SyncWorker::finished);
    QVERIFY(worker.start(pullAccounts()));
    QVERIFY(finished.wait(kWait));
    QVERIFY(cancelled);
    const auto summary = finished.first().first().value<Cw::SyncSummary>();
    QCOMPARE(summary.fatalError, QStringLiteral("The sync was cancelled."));
    const int kept = f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts"));
    QVERIFY2(kept >= 20 && kept < 120, qPrintable(QString::number(kept)));

    // The same worker runs again and completes: every company once, locally and in the links.
    finished.clear();
    QVERIFY(worker.start(pullAccounts()));
    QVERIFY(finished.wait(kWait));
    const auto rerun = finished.first().first().value<Cw::SyncSummary>();
    QVERIFY2(rerun.ok(), qPrintable(rerun.fatalError));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), 120);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(DISTINCT remote_id) FROM sync_links WHERE entity = 'accounts'")),
             120);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE entity = 'accounts'")), 120);
}

void TestSyncWorker::destroyingARunningWorkerCancelsAndWaits()
{
    auto worker =
        std::make_unique<Cw::SyncWorker>(f.location(), CwTest::session(CwTest::syncSimConnection(f.sim.baseUrl())));
    worker->setPageSize(10);
    bool started = false;
    // The worker itself is the context: queued calls still pending when it is destroyed are dropped with it.
    connect(worker.get(), &Cw::SyncWorker::progress, worker.get(),
            [&started](Cw::Direction, Cw::Entity, int processed, int) { started = started || processed > 0; });
    QVERIFY(worker->start(pullAccounts()));
    QTRY_VERIFY_WITH_TIMEOUT(started, kWait);
    worker.reset(); // cancels, waits for the thread; the run is closed in the history, not left "running"
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'running'")), 0);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'failed'")), 1);
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")) < 120);
}

void TestSyncWorker::unreachableServerEndsWithTheFix()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    QUrl url(QStringLiteral("http://127.0.0.1"));
    url.setPort(probe.serverPort());
    probe.close();
    Cw::Connection connection = CwTest::syncSimConnection(url);
    Cw::SyncWorker worker(f.location(), CwTest::session(connection));
    QSignalSpy finished(&worker, &Cw::SyncWorker::finished);
    QVERIFY(worker.start(pullAccounts()));
    QVERIFY(finished.wait(kWait));
    const auto summary = finished.first().first().value<Cw::SyncSummary>();
    QVERIFY(summary.unreachable);
    QVERIFY2(!summary.fatalError.isEmpty(), "no message");
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), 0);
}

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncworker.moc"
