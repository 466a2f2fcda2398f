#include "core/sync/RangePuller.h"

#include "core/connectwise/ApiCall.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/CountQuery.h"
#include "core/connectwise/RateGovernor.h"
#include "core/connectwise/ThreadedPager.h"
#include "core/sync/PulledPage.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

#include <algorithm>

namespace Cw {

namespace {

qint64 lastIdOf(const Page& page)
{
    const auto records = std::static_pointer_cast<PulledPage>(page.prepared);
    return records && !records->empty() ? records->back().remoteId : 0;
}

} // namespace

RangePuller::RangePuller(SyncRun& run, PageQuery query, Pager::RawPrepare prepare, Store store)
    : m_run(run), m_query(std::move(query)), m_prepare(std::move(prepare)), m_store(std::move(store))
{ }

RangePuller::~RangePuller() = default;

bool RangePuller::plan(const Page& first)
{
    const qint64 afterId = lastIdOf(first);
    const qint64 firstPageCount = first.count;
    const int maxRanges = m_run.client()->governor()->maxInFlight();
    if (maxRanges < 2 || afterId <= 0) {
        return false;
    }
    // The count and the last id, side by side.
    QEventLoop loop;
    int pending = 2;
    CountResult counted;
    ApiResult last;
    QPointer<CountQuery> counter = CountQuery::start(m_run.client(), m_query);
    QObject::connect(counter, &CountQuery::finished, &loop, [&](const CountResult& r) {
        counted = r;
        if (--pending == 0) {
            loop.quit();
        }
    });
    ApiRequest request = ApiRequest::get(m_query.path);
    if (!m_query.conditions.isEmpty()) {
        request.addQuery(QStringLiteral("conditions"), m_query.conditions.toString());
    }
    request.addQuery(QStringLiteral("orderBy"), QStringLiteral("id desc"));
    request.addQuery(QStringLiteral("pageSize"), QStringLiteral("1"));
    request.addQuery(QStringLiteral("fields"), QStringLiteral("id"));
    QObject::connect(m_run.send(request), &ApiCall::finished, &loop, [&](const ApiResult& r) {
        last = r;
        if (--pending == 0) {
            loop.quit();
        }
    });
    loop.exec();
    if (!counted.ok() || !last.ok() || last.array().isEmpty() || m_run.isCancelled()) {
        return false;
    }
    m_count = counted.count;
    const qint64 maxId = last.array().first().toObject().value(QLatin1String("id")).toInteger();
    const qint64 remaining = m_count - firstPageCount;
    const int pageSize = std::max(1, m_query.pageSize);
    if (maxId <= afterId || remaining < qint64(kMinPages) * pageSize) {
        return false;
    }
    // Ranges of about 90 % of a page each (by the ids' density), so that most are one request.
    const double density = double(remaining) / double(maxId - afterId);
    const qint64 span = std::max<qint64>(1, qint64(0.9 * pageSize / std::max(density, 1e-9)));
    const qint64 n = (maxId - afterId + span - 1) / span;
    for (qint64 i = 0; i < n; ++i) {
        Range r;
        r.after = afterId + i * span;
        r.upTo = std::min(maxId, afterId + (i + 1) * span);
        m_ranges.push_back(std::move(r));
    }
    m_window = maxRanges;
    qCInfo(lcSync).noquote() << QStringLiteral("pull of %1: %2 records after id %3 in %4 id ranges up to id %5")
                                    .arg(m_query.path)
                                    .arg(remaining)
                                    .arg(afterId)
                                    .arg(n)
                                    .arg(maxId);
    qCInfo(lcSync).noquote() << QStringLiteral("%1 ranges at a time").arg(m_window);
    return true;
}

void RangePuller::start(int index)
{
    Range& r = m_ranges[static_cast<std::size_t>(index)];
    PageQuery query = m_query;
    query.conditions = query.conditions &&
        Conditions::compare(QStringLiteral("id"), Conditions::Op::Greater, r.after) &&
        Conditions::compare(QStringLiteral("id"), Conditions::Op::LessOrEqual, r.upTo);
    ++m_running;
    r.pager = std::make_unique<ThreadedPager>(m_run.networkThread(), query);
    r.pager->setRawPrepare(m_prepare);
    ThreadedPager* pager = r.pager.get();
    QObject::connect(pager, &ThreadedPager::pageReady, pager, [this, index](const Page& page) { onPage(index, page); });
    QObject::connect(pager, &ThreadedPager::finished, pager,
                     [this, index](const PagerResult& result) { onFinished(index, result); });
    QObject::connect(&m_run, &SyncRun::cancelRequested, pager, &ThreadedPager::cancel);
    pager->start();
}

PagerResult RangePuller::run()
{
    QEventLoop loop;
    m_quit = [&loop] { loop.quit(); };
    m_run.startCheckpointer();
    startMore();
    if (!m_finished) {
        loop.exec();
    }
    m_quit = nullptr;
    for (Range& r : m_ranges) { // a pager still running after an error: stopped, its pages dropped
        if (r.pager) {
            r.pager->cancel();
        }
    }
    return m_result;
}

void RangePuller::startMore()
{
    // At most m_window ranges on the wire (the governor holds the kQueued others until a slot is free), and none
    // further than that many ranges (plus kBuffered) beyond the first one not yet stored: what waits stays bounded.
    const int started = m_window + kQueued;
    while (!m_stopped && m_running < started && m_next < ranges() && m_next < m_head + started + kBuffered) {
        start(m_next++);
    }
}

void RangePuller::onPage(int index, const Page& page)
{
    if (m_stopped) {
        return;
    }
    m_ranges[static_cast<std::size_t>(index)].waiting.push_back(page);
    if (index == m_head) {
        advance();
    }
}

void RangePuller::onFinished(int index, const PagerResult& result)
{
    if (m_stopped) {
        return;
    }
    Range& r = m_ranges[static_cast<std::size_t>(index)];
    --m_running;
    m_finishedPagers.push_back(std::move(r.pager)); // not deleted here: it is emitting; with this object
    if (!result.ok()) {
        stop(result);
        return;
    }
    r.done = true;
    startMore(); // the freed place on the wire first: storing the waiting pages can take a while (a commit each)
    advance();
}

void RangePuller::advance()
{
    while (!m_stopped && m_head < ranges()) {
        Range& r = m_ranges[static_cast<std::size_t>(m_head)];
        while (!r.waiting.empty() && !m_stopped) {
            const Page page = r.waiting.front();
            r.waiting.pop_front();
            if (!m_store(page)) {
                PagerResult stopped;
                stopped.error.kind = ApiError::Kind::Cancelled;
                stop(stopped);
                return;
            }
        }
        if (!r.done) {
            break;
        }
        ++m_head;
        startMore(); // the window moves on before the next range's pages are stored
    }
    if (m_stopped) {
        return;
    }
    if (m_head >= ranges()) {
        m_finished = true;
        if (m_quit) {
            m_quit();
        }
        return;
    }
    startMore();
}

void RangePuller::stop(const PagerResult& result)
{
    m_stopped = true;
    m_finished = true;
    m_result = result;
    for (Range& r : m_ranges) {
        if (r.pager) {
            r.pager->cancel();
        }
    }
    if (m_quit) {
        m_quit();
    }
}

} // namespace Cw
