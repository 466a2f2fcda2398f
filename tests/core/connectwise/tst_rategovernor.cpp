// RateGovernor's arithmetic with a manual clock (slots, FIFO, pause, cut, regrowth, budgets), then its own wake-up
// with the real clock and its callbacks in another thread. ApiClient against the simulator: tst_apiclient_ratelimit.
#include "core/connectwise/RateGovernor.h"
#include "tests/support/LogCapture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using Cw::RateGovernor;
using Admission = RateGovernor::Admission;
using Outcome = RateGovernor::Outcome;

namespace {

// Records which tickets were granted or refused, in the order their callbacks ran.
struct Recorder
{
    QObject context;
    QList<RateGovernor::Ticket> granted;
    QList<RateGovernor::Ticket> refused;
    qint64 refusedPause = -1;

    Admission ask(RateGovernor& governor, RateGovernor::Ticket ticket, RateGovernor::Budget budget = {})
    {
        const RateGovernor::Decision d = governor.acquire(
            ticket, &context, budget, [this, ticket](const RateGovernor::Decision& later) { record(ticket, later); });
        if (d.admission != Admission::Queued) {
            record(ticket, d);
        }
        return d.admission;
    }
    void record(RateGovernor::Ticket ticket, const RateGovernor::Decision& d)
    {
        if (d.admission == Admission::Granted) {
            granted.append(ticket);
        } else {
            refused.append(ticket);
            refusedPause = d.pauseRemainingMs;
        }
    }
};

} // namespace

class TestRateGovernor final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_now = 0; }
    void slotsAreServedInTicketOrder();
    void aRetryKeepsItsPlace();
    void pauseHoldsEveryoneAndResumes();
    void cutOncePerBurstThenGrowBack();
    void neverBelowOneNorAboveMax();
    void failuresDoNotGrow();
    void pauseBeyondBudgetIsRefused();
    void withdrawnWaiterLeavesTheQueue();
    void wakesItselfWhenThePauseEnds();
    void callbacksRunInTheWaitersThread();

private:
    qint64 m_now = 0;
    RateGovernor::Clock clock()
    {
        return [this] { return m_now; };
    }
};

void TestRateGovernor::slotsAreServedInTicketOrder()
{
    auto g = RateGovernor::create(2, QStringLiteral("t"), clock());
    Recorder r;
    QList<RateGovernor::Ticket> t;
    for (int i = 0; i < 5; ++i) {
        t.append(g->newTicket());
    }
    QCOMPARE(r.ask(*g, t[0]), Admission::Granted);
    QCOMPARE(r.ask(*g, t[1]), Admission::Granted);
    QCOMPARE(r.ask(*g, t[4]), Admission::Queued);
    QCOMPARE(r.ask(*g, t[2]), Admission::Queued);
    QCOMPARE(r.ask(*g, t[3]), Admission::Queued);
    QCOMPARE(g->inFlight(), 2);
    QCOMPARE(g->waiting(), 3);
    g->release(t[0], Outcome::Answered);
    QCoreApplication::processEvents();
    g->release(t[1], Outcome::Answered);
    QCoreApplication::processEvents();
    g->release(t[2], Outcome::Answered);
    QCoreApplication::processEvents();
    // Granted by ticket, not by the order they asked in.
    QCOMPARE(r.granted, (QList<RateGovernor::Ticket> {t[0], t[1], t[2], t[3], t[4]}));
    QCOMPARE(g->peakInFlight(), 2);
}

void TestRateGovernor::aRetryKeepsItsPlace()
{
    auto g = RateGovernor::create(1, QString(), clock());
    Recorder r;
    const auto first = g->newTicket();
    const auto second = g->newTicket();
    const auto third = g->newTicket();
    QCOMPARE(r.ask(*g, second), Admission::Granted);
    QCOMPARE(r.ask(*g, third), Admission::Queued);
    g->release(second, Outcome::Failed); // `third` gets the slot
    QCOMPARE(r.ask(*g, first), Admission::Queued); // older than `second`'s retry...
    QCOMPARE(r.ask(*g, second), Admission::Queued); // ...and `second`'s retry before newer tickets
    const auto fourth = g->newTicket();
    QCOMPARE(r.ask(*g, fourth), Admission::Queued);
    QCoreApplication::processEvents();
    g->release(third, Outcome::Answered);
    QCoreApplication::processEvents();
    g->release(first, Outcome::Answered);
    QCoreApplication::processEvents();
    g->release(second, Outcome::Answered);
    QCoreApplication::processEvents();
    QCOMPARE(r.granted, (QList<RateGovernor::Ticket> {second, third, first, second, fourth}));
}

void TestRateGovernor::pauseHoldsEveryoneAndResumes()
{
    CwTest::LogCapture log;
    auto g = RateGovernor::create(4, QStringLiteral("acme@cw"), clock());
    Recorder r;
    const auto a = g->newTicket();
    const auto b = g->newTicket();
    const auto c = g->newTicket();
    QCOMPARE(r.ask(*g, a), Admission::Granted);
    QCOMPARE(r.ask(*g, b), Admission::Granted);
    g->rateLimited(a, 1000, QStringLiteral("429 on GET x"));
    QCOMPARE(g->pauseRemainingMs(), 1000);
    QCOMPARE(g->rateLimitStreak(), 1);
    QCOMPARE(g->inFlight(), 1);
    // Nobody gets a slot during the pause, although slots are free.
    QCOMPARE(r.ask(*g, c), Admission::Queued);
    QCOMPARE(r.ask(*g, a), Admission::Queued);
    g->release(b, Outcome::Answered);
    m_now = 999;
    g->wake();
    QCoreApplication::processEvents();
    QCOMPARE(r.granted.size(), 2); // a and b, before the pause
    QCOMPARE(g->waiting(), 2);
    m_now = 1000;
    g->wake();
    QCoreApplication::processEvents();
    QCOMPARE(r.granted, (QList<RateGovernor::Ticket> {a, b, a, c}));
    QCOMPARE(g->pauseRemainingMs(), 0);
    QCOMPARE(g->rateLimitStreak(), 0); // b's answer ended the streak
    const QString all = log.text();
    QVERIFY2(all.contains(QStringLiteral("pausing every request of acme@cw for 1000 ms")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("429 on GET x")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("concurrency of acme@cw: 4 -> 2")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("resuming acme@cw after a 1000 ms pause")), qPrintable(all));
}

void TestRateGovernor::cutOncePerBurstThenGrowBack()
{
    auto g = RateGovernor::create(4, QString(), clock());
    Recorder r;
    QList<RateGovernor::Ticket> t;
    for (int i = 0; i < 4; ++i) {
        t.append(g->newTicket());
        QCOMPARE(r.ask(*g, t[i]), Admission::Granted);
    }
    g->rateLimited(t[0], 1000, QString());
    QCOMPARE(g->limit(), 2);
    // Sent before the cut: their 429s extend the pause but do not cut again, their answers do not count.
    m_now = 10;
    g->rateLimited(t[1], 1000, QString());
    QCOMPARE(g->limit(), 2);
    QCOMPARE(g->pauseRemainingMs(), 1000); // extended to 1010
    g->release(t[2], Outcome::Answered);
    g->release(t[3], Outcome::Answered);
    QCOMPARE(g->limit(), 2);
    m_now = 1010;
    g->wake();
    // At 2: two answers in a row make 3; at 3, three more make 4.
    int answers = 0;
    QList<int> limits;
    while (g->limit() < 4 && answers < 20) {
        const auto ticket = g->newTicket();
        QCOMPARE(r.ask(*g, ticket), Admission::Granted);
        g->release(ticket, Outcome::Answered);
        ++answers;
        limits.append(g->limit());
    }
    QCOMPARE(limits, (QList<int> {2, 3, 3, 3, 4}));
    // A 429 after the regrowth cuts again.
    const auto late = g->newTicket();
    QCOMPARE(r.ask(*g, late), Admission::Granted);
    g->rateLimited(late, 0, QString());
    QCOMPARE(g->limit(), 2);
    QCOMPARE(g->pauseRemainingMs(), 0); // Retry-After: 0 cuts without pausing
}

void TestRateGovernor::neverBelowOneNorAboveMax()
{
    auto g = RateGovernor::create(0, QString(), clock()); // counts as 1
    QCOMPARE(g->maxInFlight(), 1);
    Recorder r;
    for (int i = 0; i < 3; ++i) {
        const auto ticket = g->newTicket();
        QCOMPARE(r.ask(*g, ticket), Admission::Granted);
        g->rateLimited(ticket, 0, QString());
        QCOMPARE(g->limit(), 1);
    }
    for (int i = 0; i < 5; ++i) {
        const auto ticket = g->newTicket();
        QCOMPARE(r.ask(*g, ticket), Admission::Granted);
        g->release(ticket, Outcome::Answered);
        QCOMPARE(g->limit(), 1);
    }
}

void TestRateGovernor::failuresDoNotGrow()
{
    auto g = RateGovernor::create(4, QString(), clock());
    Recorder r;
    const auto cut = g->newTicket();
    r.ask(*g, cut);
    g->rateLimited(cut, 0, QString());
    QCOMPARE(g->limit(), 2);
    // answer, 5xx, answer, 5xx...: never two answers in a row, so no growth; 5xx never cuts either.
    for (int i = 0; i < 6; ++i) {
        const auto ticket = g->newTicket();
        QCOMPARE(r.ask(*g, ticket), Admission::Granted);
        g->release(ticket, i % 2 == 0 ? Outcome::Answered : Outcome::Failed);
        QCOMPARE(g->limit(), 2);
    }
    // Abandoned requests count for nothing: one answer after it still completes a run of two.
    const auto a = g->newTicket();
    r.ask(*g, a);
    g->release(a, Outcome::Answered);
    const auto b = g->newTicket();
    r.ask(*g, b);
    g->release(b, Outcome::Abandoned);
    QCOMPARE(g->limit(), 2);
    const auto c = g->newTicket();
    r.ask(*g, c);
    g->release(c, Outcome::Answered);
    QCOMPARE(g->limit(), 3);
}

void TestRateGovernor::pauseBeyondBudgetIsRefused()
{
    auto g = RateGovernor::create(1, QString(), clock());
    Recorder r;
    const auto holder = g->newTicket();
    const auto patient = g->newTicket();
    const auto hurried = g->newTicket();
    const auto late = g->newTicket();
    QCOMPARE(r.ask(*g, holder), Admission::Granted);
    QCOMPARE(r.ask(*g, patient, {60000, -1}), Admission::Queued);
    QCOMPARE(r.ask(*g, hurried, {-1, 3000}), Admission::Queued); // must be sent by clock time 3000
    g->rateLimited(holder, 5000, QString());
    QCoreApplication::processEvents();
    QCOMPARE(r.refused, (QList<RateGovernor::Ticket> {hurried})); // the pause ends at 5000
    QCOMPARE(r.refusedPause, 5000);
    QCOMPARE(g->waiting(), 1);
    // Asking during the pause: refused at once when the pause is longer than the call may wait.
    m_now = 1000;
    QCOMPARE(r.ask(*g, late, {2000, -1}), Admission::Refused);
    QCOMPARE(r.refusedPause, 4000);
    QCOMPARE(r.ask(*g, late, {4000, -1}), Admission::Queued);
    m_now = 5000;
    g->wake();
    QCoreApplication::processEvents();
    QCOMPARE(r.granted, (QList<RateGovernor::Ticket> {holder, patient}));
}

void TestRateGovernor::withdrawnWaiterLeavesTheQueue()
{
    auto g = RateGovernor::create(1, QString(), clock());
    Recorder r;
    const auto a = g->newTicket();
    const auto b = g->newTicket();
    const auto c = g->newTicket();
    r.ask(*g, a);
    r.ask(*g, b);
    r.ask(*g, c);
    g->release(b, Outcome::Abandoned); // cancelled while waiting
    QCOMPARE(g->waiting(), 1);
    g->release(b, Outcome::Abandoned); // twice is harmless
    g->release(a, Outcome::Answered);
    QCoreApplication::processEvents();
    QCOMPARE(r.granted, (QList<RateGovernor::Ticket> {a, c}));
    QCOMPARE(g->inFlight(), 1);
    // A granted slot whose callback never ran is still freed by its release.
    const auto d = g->newTicket();
    {
        Recorder gone;
        QCOMPARE(gone.ask(*g, d), Admission::Queued);
        g->release(c, Outcome::Answered); // d granted, callback posted to `gone`
        g->release(d, Outcome::Abandoned); // what ~ApiCall does before its QObject goes
    }
    QCoreApplication::processEvents();
    QCOMPARE(g->inFlight(), 0);
}

void TestRateGovernor::wakesItselfWhenThePauseEnds()
{
    auto g = RateGovernor::create(2); // the real clock
    Recorder r;
    const auto a = g->newTicket();
    const auto b = g->newTicket();
    QCOMPARE(r.ask(*g, a), Admission::Granted);
    QElapsedTimer since;
    since.start();
    g->rateLimited(a, 300, QString());
    QCOMPARE(r.ask(*g, b), Admission::Queued);
    QTRY_COMPARE_WITH_TIMEOUT(r.granted.size(), 2, 5000);
    QVERIFY2(since.elapsed() >= 300, qPrintable(QString::number(since.elapsed())));
}

void TestRateGovernor::callbacksRunInTheWaitersThread()
{
    auto g = RateGovernor::create(1);
    const auto holder = g->newTicket();
    Recorder here;
    QCOMPARE(here.ask(*g, holder), Admission::Granted);
    QThread thread;
    thread.start();
    QObject context;
    context.moveToThread(&thread);
    std::atomic<QThread*> ranIn {nullptr};
    const auto waiter = g->newTicket();
    QMetaObject::invokeMethod(
        &context,
        [&] {
            g->acquire(waiter, &context, {}, [&](const RateGovernor::Decision&) { ranIn = QThread::currentThread(); });
        },
        Qt::BlockingQueuedConnection);
    QCOMPARE(g->waiting(), 1);
    g->release(holder, Outcome::Answered); // from this thread
    QTRY_VERIFY_WITH_TIMEOUT(ranIn.load() != nullptr, 5000);
    QCOMPARE(ranIn.load(), &thread);
    g->release(waiter, Outcome::Answered);
    QMetaObject::invokeMethod(
        &context, [&] { context.moveToThread(QCoreApplication::instance()->thread()); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

QTEST_GUILESS_MAIN(TestRateGovernor)
#include "tst_rategovernor.moc"
