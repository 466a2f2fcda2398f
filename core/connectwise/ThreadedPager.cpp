#include "core/connectwise/ThreadedPager.h"

#include "core/connectwise/ClientThread.h"

namespace Cw {

ThreadedPager::ThreadedPager(ClientThread& network, PageQuery query, QObject* parent)
    : QObject(parent), m_network(network), m_query(std::move(query))
{ }

ThreadedPager::~ThreadedPager()
{
    if (Pager* pager = m_pager.exchange(nullptr)) {
        // Deleted where it lives (its destructor aborts the request in flight); pages it already sent to this
        // object are dropped with it.
        QMetaObject::invokeMethod(
            m_network.context(), [pager] { delete pager; }, Qt::BlockingQueuedConnection);
    }
}

void ThreadedPager::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    if (m_cancelled) {
        QMetaObject::invokeMethod(
            this, [this] { onFinished(PagerResult()); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        m_network.context(),
        [this] {
            auto* pager = new Pager(m_network.client(), m_query);
            // The consumer is in another thread: a page is released (next()) once its slot has returned.
            pager->setAutoAdvance(false);
            pager->setPagesAhead(m_ahead);
            if (m_prepare) {
                pager->setRawPrepare(m_prepare);
            }
            if (!m_startAfter.pageId.isEmpty()) {
                pager->setStartAfter(m_startAfter.pageId, m_startAfter.pageNumber, m_startAfter.firstIndex);
            }
            connect(pager, &Pager::pageReady, this, &ThreadedPager::onPage);
            connect(pager, &Pager::finished, this, &ThreadedPager::onFinished);
            m_pager = pager;
            pager->start();
        },
        Qt::BlockingQueuedConnection);
    if (m_cancelled) {
        cancel(); // cancelled from another thread while the pager was being made
    }
}

void ThreadedPager::cancel()
{
    m_cancelled = true;
    if (Pager* pager = m_pager.load()) {
        QMetaObject::invokeMethod(pager, &Pager::cancel, Qt::QueuedConnection);
    }
}

void ThreadedPager::onPage(const Page& page)
{
    if (m_finished || m_cancelled) {
        return; // the Pager's finished() is on its way
    }
    ++m_pages;
    m_records += page.count;
    emit pageReady(page);
    if (Pager* pager = m_pager.load(); pager && !m_cancelled) {
        QMetaObject::invokeMethod(pager, &Pager::next, Qt::QueuedConnection);
    }
}

void ThreadedPager::onFinished(PagerResult result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_cancelled && result.error.isOk()) {
        result.error.kind = ApiError::Kind::Cancelled; // cancelled after the last page was on its way
    }
    // What this consumer was handed (pages that were on their way when it cancelled are not counted).
    result.records = m_records;
    result.pages = m_pages;
    emit finished(result);
}

} // namespace Cw
