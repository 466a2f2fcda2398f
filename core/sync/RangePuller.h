#pragma once

#include "core/connectwise/PageQuery.h"
#include "core/connectwise/Pager.h"

#include <QObject>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace Cw {

class SyncRun;
class ThreadedPager;

// A large pull split into id ranges fetched side by side and stored in id order, so that the resume point (the
// last id committed) stays exact. After the first page (PullJob fetched it), it asks the count and the last id
// (orderBy=id desc, pageSize=1) side by side and cuts the ids that follow into ranges of about one page each.
// Up to maxInFlight ranges are on the wire at once (each forward-only, through the run's network thread, whose
// manager opens a connection per transfer running): kQueued more are started and wait in the connection's
// RateGovernor, which sends one the moment a reply is in (in the network thread), not once that reply's page is
// parsed and the main thread is free to start a range. A range's pages are stored once every range before it is
// stored, and no range starts further than maxInFlight + kQueued + kBuffered ranges beyond the first one not yet
// stored (bounded memory).
class RangePuller final
{
public:
    using Store = std::function<bool(const Page&)>; // false stops the pull
    static constexpr int kQueued = 2; // ranges started beyond maxInFlight: they wait for a slot in the governor
    static constexpr int kBuffered = 2; // ranges that may wait, stored, beyond those on the wire
    static constexpr int kMinPages = 4; // fewer pages after the first: paged on as usual

    RangePuller(SyncRun& run, PageQuery query, Pager::RawPrepare prepare, Store store);
    ~RangePuller();
    RangePuller(const RangePuller&) = delete;
    RangePuller& operator=(const RangePuller&) = delete;

    // Asks the count and the last id, then decides the ranges after the first page (mapped: its last id). False:
    // too little for more than one range (or the questions failed), the caller pages on as usual.
    bool plan(const Page& first);
    qint64 count() const { return m_count; } // the records of the whole query, once plan() asked
    int ranges() const { return static_cast<int>(m_ranges.size()); }
    // Fetches and stores every range; the first error (or cancel) stops them all.
    PagerResult run();

private:
    struct Range
    {
        qint64 after = 0; // ids > after ...
        qint64 upTo = 0; // ... and <= upTo
        std::unique_ptr<ThreadedPager> pager;
        std::deque<Page> waiting;
        bool done = false;
    };

    void start(int index);
    void onPage(int index, const Page& page);
    void onFinished(int index, const PagerResult& result);
    void startMore();
    void advance(); // stores what the first unfinished range has waiting, starts what may start
    void stop(const PagerResult& result);

    SyncRun& m_run;
    PageQuery m_query;
    Pager::RawPrepare m_prepare;
    Store m_store;
    std::vector<Range> m_ranges;
    std::vector<std::unique_ptr<ThreadedPager>> m_finishedPagers; // before the run's network thread ends
    qint64 m_count = -1;
    int m_head = 0; // the first range not stored to its end
    int m_next = 0; // the next range to start
    int m_running = 0;
    int m_window = 1;
    bool m_stopped = false;
    bool m_finished = false;
    PagerResult m_result;
    std::function<void()> m_quit;
};

} // namespace Cw
