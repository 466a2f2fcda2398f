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

// A large pull split into id ranges fetched side by side (each range forward-only, through the run's network
// thread, whose manager opens a connection per transfer running), and stored in id order so that the resume
// point (the last id committed) stays exact: a page of a later range waits until every range before it is stored.
// A range that is ahead stops after kBuffered pages waiting and goes on from its last waiting id once it is the
// first (bounded memory). The first page of the pull is already in (PullJob fetched it); the ranges cover what
// follows it up to the last id there is (asked with orderBy=id desc, pageSize=1 beside /count).
class RangePuller final
{
public:
    using Store = std::function<bool(const Page&)>; // false stops the pull
    static constexpr int kBuffered = 2;
    static constexpr int kMinPagesPerRange = 2;

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
        bool paused = false; // stopped with pages waiting; goes on after the last waiting id
    };

    void start(int index);
    void onPage(int index, const Page& page);
    void onFinished(int index, const PagerResult& result);
    void advance(); // stores what the first unfinished range has waiting, starts what may start
    void stop(const PagerResult& result);

    SyncRun& m_run;
    PageQuery m_query;
    Pager::RawPrepare m_prepare;
    Store m_store;
    std::vector<Range> m_ranges;
    qint64 m_count = -1;
    int m_head = 0; // the first range not stored to its end
    bool m_stopped = false;
    bool m_finished = false;
    PagerResult m_result;
    std::function<void()> m_quit;
};

} // namespace Cw
