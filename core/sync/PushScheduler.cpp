#include "core/sync/PushScheduler.h"

#include "core/connectwise/ApiCall.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"

#include <QEventLoop>
#include <QSet>

#include <algorithm>

namespace Cw {

PushScheduler::PushScheduler(SyncRun& run, PushJob& job, int maxInFlight)
    : m_run(run), m_job(job), m_max(std::max(1, maxInFlight))
{ }

void PushScheduler::run(const QList<LocalRecord>& records, const QString& chainColumn, const Landed& landed)
{
    std::list<Flight> flights; // the requests out, in the order they were sent
    QSet<QString> busy; // chains with a request out
    QEventLoop loop;
    qsizetype next = 0;
    for (;;) {
        // Start what fits. A record whose chain is busy waits, and so do the records after it (their order).
        while (static_cast<int>(flights.size()) < m_max && next < records.size() && !m_run.shouldStop()) {
            const LocalRecord& r = records.at(next);
            const QString chain = chainColumn.isEmpty() ? QString() : r.values.value(chainColumn).toString();
            if (!chain.isEmpty() && busy.contains(chain)) {
                break;
            }
            Flight f;
            f.index = next++;
            f.chain = chain;
            f.outcome.direction = Direction::Push;
            f.outcome.entity = m_job.entity();
            f.outcome.localId = r.id;
            if (m_job.prepare(r, &f.outcome, &f.send) != PushJob::Step::Send) {
                landed(r, f.outcome);
                continue;
            }
            flights.push_back(std::move(f));
            Flight* flight = &flights.back();
            if (!chain.isEmpty()) {
                busy.insert(chain);
            }
            QObject::connect(m_run.send(flight->send.request), &ApiCall::finished, &loop,
                             [flight, &loop](const ApiResult& result) {
                                 flight->result = result;
                                 flight->done = true;
                                 loop.quit();
                             });
            m_peak = std::max(m_peak, static_cast<int>(flights.size()));
        }
        if (flights.empty()) {
            if (next >= records.size() || m_run.shouldStop()) {
                break;
            }
            continue; // a chain freed up while nothing was out: start again
        }
        // Answers may already be in (they arrive whenever the event loop turns, also inside a landed() that
        // sends requests of its own): wait only when none is.
        if (std::none_of(flights.cbegin(), flights.cend(), [](const Flight& f) { return f.done; })) {
            loop.exec();
        }
        for (auto it = flights.begin(); it != flights.end();) {
            if (!it->done) {
                ++it;
                continue;
            }
            Flight f = std::move(*it);
            it = flights.erase(it);
            busy.remove(f.chain);
            m_job.complete(f.send, f.result, &f.outcome);
            landed(records.at(f.index), f.outcome);
        }
    }
    qCDebug(lcSync) << "pushed" << records.size() << nameOf(m_job.entity()) << "with up to" << m_peak
                    << "requests out at once";
}

} // namespace Cw
