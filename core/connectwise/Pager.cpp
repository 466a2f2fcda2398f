#include "core/connectwise/Pager.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/ConnectWiseLog.h"
#include "core/connectwise/LinkHeader.h"

namespace Cw {

Pager::Pager(ApiClient* client, PageQuery query, QObject* parent)
    : QObject(parent), m_client(client), m_query(std::move(query))
{ }

Pager::~Pager()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
}

void Pager::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    m_elapsed.start();
    if (m_query.mode == PageQuery::Mode::ForwardOnly && !m_query.orderBy.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::Configuration;
        error.endpoint = m_query.path;
        error.detail = ApiError::tr("Forward-only paging is always ordered by id; orderBy cannot be used with it.");
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
        return;
    }
    fetch();
}

void Pager::fetch()
{
    if (m_finished || m_call || !m_moreToFetch) {
        return;
    }
    const ApiRequest request = m_query.pageRequest(m_nextPageNumber, m_nextPageId);
    m_call = m_client->send(request);
    connect(m_call, &ApiCall::finished, this, &Pager::onPageFetched);
}

void Pager::onPageFetched(const ApiResult& result)
{
    m_call = nullptr;
    if (m_finished) {
        return;
    }
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    if (!result.json.isArray()) {
        ApiError error;
        error.kind = ApiError::Kind::MalformedResponse;
        error.endpoint = m_query.path;
        error.host = result.url.host();
        error.detail = ApiError::tr("A list page was not a JSON array.");
        finish(error);
        return;
    }
    Page page;
    page.records = result.json.array();
    page.number = m_nextPageNumber;
    page.firstIndex = m_fetchedRecords;
    m_fetchedRecords += page.records.size();

    const LinkHeader links = LinkHeader::parse(result.header("Link"));
    if (m_query.mode == PageQuery::Mode::ForwardOnly) {
        const QString pageId = links.parameter(QStringLiteral("next"), QStringLiteral("pageId"));
        // The pageId must move forward, or a server ignoring it would make us loop over one page forever.
        m_moreToFetch = !page.records.isEmpty() && !pageId.isEmpty() && pageId != m_nextPageId;
        m_nextPageId = pageId;
    } else {
        const bool full = page.records.size() >= m_query.effectivePageSize();
        m_moreToFetch = full && (links.isEmpty() || links.has(QStringLiteral("next")));
    }
    ++m_nextPageNumber;
    page.isLast = !m_moreToFetch;
    m_pending = std::move(page);
    deliver();
}

void Pager::deliver()
{
    if (m_finished || m_consumerBusy || !m_pending) {
        return;
    }
    Page page = std::move(*m_pending);
    m_pending.reset();
    fetch(); // prefetch the next page while this one is consumed
    m_consumerBusy = true;
    m_records += page.records.size();
    ++m_pages;
    m_lastDelivered = page.isLast;
    emit pageReady(page);
    if (m_finished) {
        return; // the consumer cancelled
    }
    if (m_autoAdvance) {
        next();
    }
}

void Pager::next()
{
    if (m_finished || !m_consumerBusy) {
        return;
    }
    m_consumerBusy = false;
    if (m_lastDelivered) {
        finish(ApiError());
        return;
    }
    if (m_pending) {
        deliver();
    } else {
        fetch();
    }
}

void Pager::cancel()
{
    if (m_finished) {
        return;
    }
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call = nullptr;
    }
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    finish(error);
}

void Pager::finish(const ApiError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_pending.reset();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call = nullptr;
    }
    PagerResult result;
    result.error = error;
    result.records = m_records;
    result.pages = m_pages;
    result.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    qCDebug(lcConnectWise).noquote() << "pager" << m_query.path << "done:" << result.records << "records in"
                                     << result.pages << "pages," << result.elapsedMs << "ms"
                                     << (error.isOk() ? QString() : error.summary());
    emit finished(result);
}

} // namespace Cw
