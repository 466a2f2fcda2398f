#pragma once

#include <QElapsedTimer>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

class QObject;

namespace Cw {

// The gate every request of one connection passes, shared by all ApiClients of that connection (also across
// threads: it is thread-safe, and it never blocks an event loop).
//
// - Slots: at most limit() requests are on the wire. A call holds a slot from its send until its reply is in, never
//   while it waits for a retry. Waiting calls are served in the order of their ticket (FIFO); a call keeps its
//   ticket, so its retries keep its place.
// - Rate limits: a 429 on any request pauses all of them until its Retry-After and halves the limit (at least 1;
//   once per burst: 429s of requests sent before the cut do not cut again). The limit grows back by one after as
//   many answers in a row as the current limit (additive increase), up to maxInFlight().
// - A waiting call is not held in a pause its budget cannot take (longer than its maxPauseMs, or ending after its
//   deadline): it is refused at once, so a permanent limit ends with a clear error.
// Every pause (how long, why), limit change (from -> to) and resumption is logged at info level in
// cwconnector.core.connectwise.
//
// Callbacks run queued in the thread of the context object given to acquire(); the owner of a ticket must
// release() it before that context is destroyed (ApiCall does in its destructor). Owned by shared_ptr (create()).
//
//   auto governor = Cw::RateGovernor::create(connection.maxInFlight, connection.companyId);
//   auto* a = new Cw::ApiClient(network, connection, governor, this); // every client of the connection (the
//                                                                     // session builds them: ConnectorSession)
//   auto b = std::make_unique<Cw::ClientThread>(*a);                // shares a->governor() in its thread
class RateGovernor final : public std::enable_shared_from_this<RateGovernor>
{
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds
    using Ticket = quint64;
    static constexpr int kDefaultMaxInFlight = 4;

    // How a request that held a slot ended (a 429 goes to rateLimited() instead).
    enum class Outcome {
        Answered, // the server processed it (any status but 429 and 5xx): counts towards growing back
        Failed, // 5xx, network failure, timeout: ends a run of successes, does not cut the limit
        Abandoned, // cancelled before the answer (or never sent): counts for nothing
    };
    // What a call can afford to wait in a rate-limit pause.
    struct Budget
    {
        qint64 maxPauseMs = -1; // refuse a pause longer than this (-1: any)
        qint64 deadline = -1; // refuse a pause ending after this clock time (-1: none)
    };
    enum class Admission { Granted, Queued, Refused };
    struct Decision
    {
        Admission admission = Admission::Queued;
        qint64 pauseRemainingMs = 0; // Refused: how long the pause still lasts
    };
    using Done = std::function<void(const Decision&)>; // Granted or Refused

    // maxInFlight < 1 counts as 1. `name` identifies the connection in the log. Without a clock, a monotonic one.
    static std::shared_ptr<RateGovernor> create(int maxInFlight = kDefaultMaxInFlight, const QString& name = QString(),
                                                Clock clock = Clock());
    RateGovernor(const RateGovernor&) = delete;
    RateGovernor& operator=(const RateGovernor&) = delete;

    // A place in the queue; a call takes one and keeps it for all its sends.
    Ticket newTicket();
    // Asks for a slot. Granted: the caller holds it now. Refused: a pause beyond `budget`. Queued: `done` follows
    // (Granted or Refused) in context's thread.
    Decision acquire(Ticket ticket, QObject* context, const Budget& budget, Done done);
    // Frees the ticket's slot, or takes it out of the queue; nothing if it has neither.
    void release(Ticket ticket, Outcome outcome);
    // The request holding `ticket` was answered 429: frees its slot, cuts the limit, pauses every request for
    // pauseMs from now (a later end extends the pause, an earlier one changes nothing). `why` goes to the log.
    void rateLimited(Ticket ticket, qint64 pauseMs, const QString& why);
    // Serves the queue if the pause is over. The governor arranges this itself; for tests with a manual clock.
    void wake();

    qint64 now() const { return m_clock(); }
    int maxInFlight() const { return m_max; }
    int limit() const;
    int inFlight() const;
    int peakInFlight() const; // the most slots held at once so far
    int waiting() const;
    qint64 pauseRemainingMs() const; // 0 when not paused
    int rateLimitStreak() const; // 429s since the last answered request

private:
    RateGovernor(int maxInFlight, QString name, Clock clock);

    struct Waiter
    {
        Ticket ticket = 0;
        QObject* context = nullptr;
        Budget budget;
        Done done;
    };

    // All below with m_mutex held.
    QString who() const;
    bool fits(const Budget& budget, qint64 now) const;
    void enqueue(Waiter waiter);
    bool dispatch(qint64 now, Ticket synchronous); // true when `synchronous` got its slot (not posted)
    void grant(Ticket ticket);
    void setLimit(int limit, const char* why);
    void refuseUnaffordable(qint64 now);
    void scheduleWake();

    const int m_max;
    const QString m_name;
    QElapsedTimer m_monotonic;
    Clock m_clock;

    mutable std::mutex m_mutex;
    std::deque<Waiter> m_waiting; // by ticket
    std::unordered_map<Ticket, int> m_holding; // ticket -> the cut generation it was granted in
    Ticket m_nextTicket = 1;
    int m_limit;
    int m_inFlight = 0;
    int m_peak = 0;
    int m_successes = 0; // answers in a row since the limit last changed
    int m_streak = 0; // 429s since the last answer
    int m_generation = 0; // bumped by each cut
    qint64 m_pauseStart = 0;
    qint64 m_pauseUntil = 0;
    bool m_pauseLogged = false; // a pause was announced and its end not yet
    Ticket m_wakeTicket = 0; // whose context carries the wake-up timer, for m_wakeAt
    qint64 m_wakeAt = 0;
};

} // namespace Cw
