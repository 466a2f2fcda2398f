#include "core/connectwise/Pager.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/BackgroundJson.h"
#include "core/connectwise/ConnectWiseLog.h"
#include "core/connectwise/LinkHeader.h"

#include <utility>

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
    pump();
}

void Pager::setStartAfter(const QString& pageId, int pageNumber, qint64 firstIndex)
{
    if (m_started) {
        return;
    }
    m_nextPageId = pageId;
    m_nextPageNumber = std::max(1, pageNumber);
    m_parsedRecords = firstIndex;
}

int Pager::pagesAhead() const
{
    return (m_call ? 1 : 0) + int(m_raw.size()) + (m_parsing ? 1 : 0) + int(m_ready.size());
}

// The one place that moves pages along: parse, hand over, fetch, finish — as far as the state allows. Parsing
// starts before the hand-over, so that a large page is parsed on the pool while the consumer works on the previous one.
void Pager::pump()
{
    while (!m_finished) {
        if (!m_parsing && !m_raw.isEmpty()) {
            const RawPage raw = m_raw.takeFirst();
            m_parsing = true;
            if (m_rawPrepare) {
                BackgroundJson::process(
                    raw.body, this,
                    [fn = m_rawPrepare](const QByteArray& body, QString* error) -> std::shared_ptr<const void> {
                        auto prepared = std::make_shared<Prepared>();
                        prepared->user = fn(body, &prepared->count, error);
                        return error->isEmpty() ? prepared : nullptr;
                    },
                    [this, number = raw.number](const std::shared_ptr<const void>& result, const QString& error) {
                        onPageProcessed(number, result, error);
                    });
                continue;
            }
            BackgroundJson::parse(raw.body, this,
                                  [this, number = raw.number](const QJsonDocument& doc, const QJsonParseError& e) {
                                      onPageParsed(number, doc, e);
                                  });
            continue; // a small page was parsed synchronously and may be ready now
        }
        if (!m_consumerBusy && !m_ready.isEmpty()) {
            const Page page = m_ready.takeFirst();
            m_consumerBusy = true;
            m_records += page.count;
            ++m_pages;
            m_lastDelivered = page.isLast;
            fetch(); // keep the transfer going while the consumer works
            emit pageReady(page);
            if (m_finished) {
                return; // the consumer cancelled
            }
            if (!m_autoAdvance) {
                return; // next() continues
            }
            m_consumerBusy = false;
            continue;
        }
        if (!m_consumerBusy && m_lastDelivered) {
            finish(ApiError());
            return;
        }
        fetch();
        return;
    }
}

void Pager::fetch()
{
    if (m_finished || m_call || !m_moreToFetch || m_decisionPending || pagesAhead() >= m_maxAhead) {
        return;
    }
    ApiRequest request = m_query.pageRequest(m_nextPageNumber, m_nextPageId);
    request.expectJson = false; // parsed here, so the next request can start before parsing ends
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
    m_host = result.url.host();
    const int number = m_nextPageNumber++;
    const LinkHeader links = LinkHeader::parse(result.header("Link"));
    const bool firstForwardReply = m_query.mode == PageQuery::Mode::ForwardOnly && !m_forwardChecked;
    m_forwardChecked = true;
    if (firstForwardReply && m_nextPageId.isEmpty()) {
        // Some endpoints do not support forward-only paging: they ignore the header and answer a navigable page, with
        // a Link without pageId, or without a Link when it is their only page. A forward-only pull's last page has an
        // empty Link too, so without one a full page decides: then page 2 is asked for (empty if it was the end).
        const bool navigableLink = links.has(QStringLiteral("next")) &&
            links.parameter(QStringLiteral("next"), QStringLiteral("pageId")).isEmpty();
        if (navigableLink || links.isEmpty()) {
            m_query.mode = PageQuery::Mode::Navigable;
            m_navigableUnsure = !navigableLink;
            if (navigableLink) {
                logFallBack();
            }
        }
    }
    if (m_query.mode == PageQuery::Mode::ForwardOnly) {
        const QString pageId = links.parameter(QStringLiteral("next"), QStringLiteral("pageId"));
        // The pageId must move forward, or a server ignoring it would make us loop over one page forever.
        m_moreToFetch = !pageId.isEmpty() && pageId != m_nextPageId;
        m_nextPageId = pageId;
    } else if (!links.isEmpty()) {
        m_moreToFetch = links.has(QStringLiteral("next"));
    } else {
        m_decisionPending = true; // a full page means "maybe more": known after parsing
    }
    if (!m_moreToFetch) {
        m_lastPageNumber = number;
    }
    m_raw.append(RawPage {result.body, number});
    pump();
}

void Pager::onPageParsed(int number, const QJsonDocument& document, const QJsonParseError& error)
{
    m_parsing = false;
    if (m_finished) {
        return;
    }
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        malformed(error.error != QJsonParseError::NoError ? error.errorString()
                                                          : ApiError::tr("A list page was not a JSON array."));
        return;
    }
    Page page;
    page.records = document.array();
    page.count = page.records.size();
    deliver(number, std::move(page));
}

void Pager::onPageProcessed(int number, const std::shared_ptr<const void>& result, const QString& error)
{
    m_parsing = false;
    if (m_finished) {
        return;
    }
    const auto p = std::static_pointer_cast<const Prepared>(result);
    if (!error.isEmpty() || !p) {
        malformed(error.isEmpty() ? ApiError::tr("A list page was not a JSON array.") : error);
        return;
    }
    Page page;
    page.count = p->count;
    page.prepared = p->user;
    deliver(number, std::move(page));
}

void Pager::logFallBack() const
{
    qCInfo(lcConnectWise).noquote() << m_query.path
                                    << "does not support forward-only paging; going on with navigable pages";
}

void Pager::malformed(const QString& detail)
{
    ApiError e;
    e.kind = ApiError::Kind::MalformedResponse;
    e.endpoint = m_query.path;
    e.host = m_host;
    e.detail = detail;
    finish(e);
}

void Pager::deliver(int number, Page page)
{
    page.number = number;
    page.firstIndex = m_parsedRecords;
    m_parsedRecords += page.count;
    const bool shortPage = page.count < m_query.effectivePageSize();
    if (m_decisionPending) {
        m_decisionPending = false;
        m_moreToFetch = !shortPage;
        if (m_navigableUnsure && m_moreToFetch) {
            logFallBack();
        }
        m_navigableUnsure = false;
    } else if (m_query.mode == PageQuery::Mode::ForwardOnly && page.count == 0) {
        m_moreToFetch = false; // an empty page ends a forward-only pull whatever the Link says
    }
    if (!m_moreToFetch && m_lastPageNumber < 0) {
        m_lastPageNumber = number;
    }
    page.isLast = number == m_lastPageNumber;
    m_ready.append(page);
    pump();
}

void Pager::next()
{
    if (m_finished || !m_consumerBusy) {
        return;
    }
    m_consumerBusy = false;
    pump();
}

void Pager::cancel()
{
    if (m_finished) {
        return;
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
    m_raw.clear();
    m_ready.clear();
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
