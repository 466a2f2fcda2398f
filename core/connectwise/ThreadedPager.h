#pragma once

#include "core/connectwise/Pager.h"

#include <QObject>

#include <atomic>

namespace Cw {

class ClientThread;

// A Pager that runs in a ClientThread, for a consumer that blocks its own thread while it handles a page (a
// database write): the next transfer and the parsing (or the RawPrepare function) go on meanwhile, because the
// replies are handled in the network thread, not in the consumer's. Same contract as Pager in auto mode: a page
// counts as consumed when the slot connected to pageReady() returns, and besides it at most pagesAheadLimit()
// pages are in flight, being parsed or waiting; finished() comes once. Signals arrive in the thread this object
// lives in. The ClientThread must outlive it.
class ThreadedPager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadedPager)

public:
    ThreadedPager(ClientThread& network, PageQuery query, QObject* parent = nullptr);
    ~ThreadedPager() override; // stops the pull and deletes the Pager in the network thread

    // Before start(): see Pager.
    void setPagesAhead(int pages) { m_ahead = pages; }
    void setRawPrepare(Pager::RawPrepare prepare) { m_prepare = std::move(prepare); }
    void setStartAfter(const QString& pageId, int pageNumber, qint64 firstIndex)
    {
        m_startAfter = {pageId, pageNumber, firstIndex};
    }

    void start();
    // Thread-safe. No page is handed over after it returns; finished() follows with Kind::Cancelled.
    void cancel();

    qint64 recordsDelivered() const { return m_records; }
    int pagesDelivered() const { return m_pages; }

signals:
    void pageReady(const Cw::Page& page);
    void finished(const Cw::PagerResult& result);

private:
    void onPage(const Page& page);
    void onFinished(PagerResult result);

    ClientThread& m_network;
    PageQuery m_query;
    Pager::RawPrepare m_prepare;
    int m_ahead = Pager::kDefaultAhead;
    struct StartAfter
    {
        QString pageId;
        int pageNumber = 1;
        qint64 firstIndex = 0;
    } m_startAfter;
    std::atomic<Pager*> m_pager {nullptr}; // lives in the network thread
    std::atomic_bool m_cancelled {false};
    qint64 m_records = 0;
    int m_pages = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Cw
