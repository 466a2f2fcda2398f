#include "core/connectwise/RateGovernor.h"

#include "core/connectwise/ConnectWiseLog.h"

#include <QMetaObject>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace Cw {

std::shared_ptr<RateGovernor> RateGovernor::create(int maxInFlight, const QString& name, Clock clock)
{
    return std::shared_ptr<RateGovernor>(new RateGovernor(maxInFlight, name, std::move(clock)));
}

RateGovernor::RateGovernor(int maxInFlight, QString name, Clock clock)
    : m_max(std::max(1, maxInFlight)), m_name(std::move(name)), m_clock(std::move(clock)), m_limit(m_max)
{
    if (!m_clock) {
        m_monotonic.start();
        m_clock = [this] { return m_monotonic.elapsed(); };
    }
}

RateGovernor::Ticket RateGovernor::newTicket()
{
    const std::lock_guard lock(m_mutex);
    return m_nextTicket++;
}

RateGovernor::Decision RateGovernor::acquire(Ticket ticket, QObject* context, const Budget& budget, Done done)
{
    const std::lock_guard lock(m_mutex);
    const qint64 now = m_clock();
    if (now < m_pauseUntil && !fits(budget, now)) {
        return Decision {Admission::Refused, m_pauseUntil - now};
    }
    enqueue(Waiter {ticket, context, budget, std::move(done)});
    return Decision {dispatch(now, ticket) ? Admission::Granted : Admission::Queued, 0};
}

void RateGovernor::release(Ticket ticket, Outcome outcome)
{
    const std::lock_guard lock(m_mutex);
    const auto held = m_holding.find(ticket);
    if (held == m_holding.end()) {
        const auto it =
            std::find_if(m_waiting.begin(), m_waiting.end(), [ticket](const Waiter& w) { return w.ticket == ticket; });
        if (it != m_waiting.end()) {
            m_waiting.erase(it); // withdrawn while waiting; a wake-up it carried moves to the new first
            dispatch(m_clock(), 0);
        }
        return;
    }
    // Only requests sent since the last cut tell how the current limit fares.
    const bool current = held->second == m_generation;
    m_holding.erase(held);
    --m_inFlight;
    if (outcome == Outcome::Answered) {
        m_streak = 0;
        // Additive increase: one more slot after a full round of answers at the current limit.
        if (current && m_limit < m_max && ++m_successes >= m_limit) {
            setLimit(m_limit + 1, "after answers in a row");
        }
    } else if (outcome == Outcome::Failed) {
        m_successes = 0;
    }
    dispatch(m_clock(), 0);
}

void RateGovernor::rateLimited(Ticket ticket, qint64 pauseMs, const QString& why)
{
    const std::lock_guard lock(m_mutex);
    const qint64 now = m_clock();
    const auto held = m_holding.find(ticket);
    if (held != m_holding.end()) {
        // A request sent before the last cut says nothing new about the current limit.
        const bool current = held->second == m_generation;
        m_holding.erase(held);
        --m_inFlight;
        if (current) {
            ++m_generation;
            setLimit(std::max(1, m_limit / 2), "after a 429");
        }
    }
    ++m_streak;
    m_successes = 0;
    const qint64 until = now + std::max<qint64>(0, pauseMs);
    if (pauseMs > 0 && until > m_pauseUntil) {
        const bool extended = now < m_pauseUntil;
        if (!extended) {
            m_pauseStart = now;
        }
        m_pauseUntil = until;
        m_pauseLogged = true;
        const QString text = extended
            ? QStringLiteral("rate limited (%1): the pause of every request of %2 now ends in %3 ms; %4 waiting, %5 "
                             "in flight")
            : QStringLiteral("rate limited (%1): pausing every request of %2 for %3 ms; %4 waiting, %5 in flight");
        qCInfo(lcConnectWise).noquote() << text.arg(why, who()).arg(pauseMs).arg(m_waiting.size()).arg(m_inFlight);
        refuseUnaffordable(now);
    }
    dispatch(now, 0);
}

void RateGovernor::wake()
{
    const std::lock_guard lock(m_mutex);
    m_wakeTicket = 0; // this wake-up is spent; dispatch() arranges the next one if still paused
    dispatch(m_clock(), 0);
}

int RateGovernor::limit() const
{
    const std::lock_guard lock(m_mutex);
    return m_limit;
}

int RateGovernor::inFlight() const
{
    const std::lock_guard lock(m_mutex);
    return m_inFlight;
}

int RateGovernor::peakInFlight() const
{
    const std::lock_guard lock(m_mutex);
    return m_peak;
}

int RateGovernor::waiting() const
{
    const std::lock_guard lock(m_mutex);
    return int(m_waiting.size());
}

qint64 RateGovernor::pauseRemainingMs() const
{
    const std::lock_guard lock(m_mutex);
    return std::max<qint64>(0, m_pauseUntil - m_clock());
}

int RateGovernor::rateLimitStreak() const
{
    const std::lock_guard lock(m_mutex);
    return m_streak;
}

QString RateGovernor::who() const
{
    return m_name.isEmpty() ? QStringLiteral("this connection") : m_name;
}

bool RateGovernor::fits(const Budget& budget, qint64 now) const
{
    return (budget.maxPauseMs < 0 || m_pauseUntil - now <= budget.maxPauseMs) &&
        (budget.deadline < 0 || m_pauseUntil <= budget.deadline);
}

void RateGovernor::enqueue(Waiter waiter)
{
    const auto at = std::upper_bound(m_waiting.begin(), m_waiting.end(), waiter.ticket,
                                     [](Ticket ticket, const Waiter& w) { return ticket < w.ticket; });
    m_waiting.insert(at, std::move(waiter));
}

bool RateGovernor::dispatch(qint64 now, Ticket synchronous)
{
    if (now < m_pauseUntil) {
        scheduleWake();
        return false;
    }
    if (m_pauseLogged) {
        m_pauseLogged = false;
        qCInfo(lcConnectWise).noquote() << QStringLiteral(
                                               "resuming %1 after a %2 ms pause: concurrency %3 of %4, %5 waiting")
                                               .arg(who())
                                               .arg(m_pauseUntil - m_pauseStart)
                                               .arg(m_limit)
                                               .arg(m_max)
                                               .arg(m_waiting.size());
    }
    bool grantedSynchronous = false;
    while (!m_waiting.empty() && m_inFlight < m_limit) {
        Waiter w = std::move(m_waiting.front());
        m_waiting.pop_front();
        grant(w.ticket);
        if (w.ticket == synchronous) {
            grantedSynchronous = true;
            continue;
        }
        // Posted while the lock is held: the context cannot finish destroying itself (it releases its ticket
        // first, which waits for the lock), so the event reaches it or is dropped with it.
        QMetaObject::invokeMethod(
            w.context,
            [done = std::move(w.done)] {
                done(Decision {Admission::Granted, 0});
            },
            Qt::QueuedConnection);
    }
    return grantedSynchronous;
}

void RateGovernor::grant(Ticket ticket)
{
    m_holding[ticket] = m_generation;
    ++m_inFlight;
    m_peak = std::max(m_peak, m_inFlight);
}

void RateGovernor::setLimit(int limit, const char* why)
{
    if (limit != m_limit) {
        qCInfo(lcConnectWise).noquote() << QStringLiteral("concurrency of %1: %2 -> %3 %4")
                                               .arg(who())
                                               .arg(m_limit)
                                               .arg(limit)
                                               .arg(QLatin1String(why));
        m_limit = limit;
    }
    m_successes = 0;
}

void RateGovernor::refuseUnaffordable(qint64 now)
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (fits(it->budget, now)) {
            ++it;
            continue;
        }
        QMetaObject::invokeMethod(
            it->context,
            [done = std::move(it->done), remaining = m_pauseUntil - now] {
                done(Decision {Admission::Refused, remaining});
            },
            Qt::QueuedConnection);
        it = m_waiting.erase(it);
    }
}

void RateGovernor::scheduleWake()
{
    if (m_waiting.empty()) {
        return;
    }
    const Waiter& first = m_waiting.front();
    if (m_wakeTicket == first.ticket && m_wakeAt == m_pauseUntil) {
        return;
    }
    m_wakeTicket = first.ticket;
    m_wakeAt = m_pauseUntil;
    // The timer runs in the first waiter's thread; if that waiter leaves, release() moves it to the next one.
    QObject* context = first.context;
    QMetaObject::invokeMethod(
        context,
        [self = weak_from_this(), context, at = m_pauseUntil] {
            const std::shared_ptr<RateGovernor> governor = self.lock();
            if (!governor) {
                return;
            }
            const qint64 ms = std::max<qint64>(0, at - governor->now());
            QTimer::singleShot(int(std::min<qint64>(ms, std::numeric_limits<int>::max())), Qt::PreciseTimer, context,
                               [self] {
                                   if (const std::shared_ptr<RateGovernor> g = self.lock()) {
                                       g->wake();
                                   }
                               });
        },
        Qt::QueuedConnection);
}

} // namespace Cw
