#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/PageQuery.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace Cw {

class ApiCall;
class ApiClient;
struct ApiResult;

struct Page
{
    QJsonArray records;
    int number = 0; // 1-based
    qint64 firstIndex = 0; // index of records[0] in the whole pull
    bool isLast = false;
    qsizetype count = 0; // records in the page (also when records is left empty, see Pager::setRawPrepare)
    std::shared_ptr<void> prepared; // what the Pager's RawPrepare function made of the page, if one is set
};

struct PagerResult
{
    ApiError error; // Cancelled after cancel()
    qint64 records = 0; // records delivered
    int pages = 0; // pages delivered
    qint64 elapsedMs = 0;
    bool ok() const { return error.isOk(); }
};

// Pulls a list page by page and hands each page over through pageReady(). Memory stays bounded by a few
// pages whatever the total: besides the page the consumer holds, at most pagesAheadLimit() pages are in flight,
// being parsed or waiting to be handed over. The next page is fetched while the current one is parsed
// and consumed (forward-only takes the next pageId from the Link header as soon as the headers arrive).
// Every request is built from the PageQuery (pageSize, conditions, orderBy, fields), never from the
// Link URL. Some ConnectWise endpoints do not support forward-only paging and answer a navigable page instead:
// when the first forward-only reply has a Link without pageId, or no Link and a full page, the pager goes on with
// navigable pages (page=2, 3...) and logs it once in the connectwise category.
//
// Auto mode (default): a page counts as consumed when the slot connected to pageReady() returns.
// Manual mode (setAutoAdvance(false)): the consumer calls next() when done, e.g. after an asynchronous
// database write; nothing beyond pagesAheadLimit() pages is requested until then.
// finished() comes once, after the last page was consumed, on the first error, or after cancel().
// The pager does not delete itself; parent it or deleteLater() it after finished() (never delete it
// from inside a slot connected to its own signals). The ApiClient must outlive it.
class Pager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pager)

public:
    static constexpr int kDefaultAhead = 2; // pages in flight or waiting beyond the consumer's

    Pager(ApiClient* client, PageQuery query, QObject* parent = nullptr);
    ~Pager() override;

    void setAutoAdvance(bool autoAdvance) { m_autoAdvance = autoAdvance; }
    // How many pages may be in flight, being parsed or waiting beyond the one the consumer holds (1..4).
    // 1 keeps memory lowest; 2 (the default) lets the next transfer overlap parsing and consuming.
    void setPagesAhead(int pages) { m_maxAhead = std::clamp(pages, 1, 4); }
    // Work on each page done on the parsing thread (a pool thread for large pages) instead of QJsonDocument: the
    // function reads the page's raw bytes, sets *count (records in the page) or *error (the page is malformed:
    // the pull ends with MalformedResponse), and returns what arrives as Page::prepared (Page::records is then
    // empty). Must be thread-safe. Lets a consumer map one page while it stores the previous one.
    using RawPrepare = std::function<std::shared_ptr<void>(const QByteArray& body, qsizetype* count, QString* error)>;
    void setRawPrepare(RawPrepare prepare) { m_rawPrepare = std::move(prepare); }
    // Forward-only: go on after a page the caller fetched itself, from the pageId its Link header gave; pages are
    // numbered from pageNumber and records counted from firstIndex (Page::number, Page::firstIndex). Before start().
    void setStartAfter(const QString& pageId, int pageNumber, qint64 firstIndex);
    int pagesAheadLimit() const { return m_maxAhead; }
    const PageQuery& query() const { return m_query; }

    void start();
    void next(); // manual mode: the current page is consumed
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    qint64 recordsDelivered() const { return m_records; }
    int pagesDelivered() const { return m_pages; }

signals:
    void pageReady(const Cw::Page& page);
    void finished(const Cw::PagerResult& result);

private:
    struct RawPage
    {
        QByteArray body;
        int number = 0;
    };

    void pump();
    void fetch();
    void onPageFetched(const ApiResult& result);
    void onPageParsed(int number, const QJsonDocument& document, const QJsonParseError& error);
    void onPageProcessed(int number, const std::shared_ptr<const void>& result, const QString& error);
    void malformed(const QString& detail);
    void logFallBack() const;
    void deliver(int number, Page page);
    void finish(const ApiError& error);
    int pagesAhead() const;

    ApiClient* m_client;
    PageQuery m_query;
    QPointer<ApiCall> m_call;
    QList<RawPage> m_raw; // received, waiting to be parsed (parsed one at a time, in order)
    QList<Page> m_ready; // parsed, waiting for the consumer
    QElapsedTimer m_elapsed;
    QString m_host;
    struct Prepared
    {
        qsizetype count = 0;
        std::shared_ptr<void> user;
    };
    RawPrepare m_rawPrepare;
    int m_maxAhead = kDefaultAhead;
    int m_nextPageNumber = 1;
    int m_lastPageNumber = -1; // known once a page says there is no next one
    QString m_nextPageId;
    qint64 m_parsedRecords = 0;
    qint64 m_records = 0;
    int m_pages = 0;
    bool m_parsing = false;
    bool m_moreToFetch = true;
    bool m_decisionPending = false; // navigable page without Link: whether more follow is known after parsing
    bool m_forwardChecked = false; // the first forward-only reply was looked at (it may turn the pull navigable)
    bool m_navigableUnsure = false; // turned navigable on a first reply without Link: a full page confirms it
    bool m_consumerBusy = false;
    bool m_lastDelivered = false;
    bool m_autoAdvance = true;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::Page)
Q_DECLARE_METATYPE(Cw::PagerResult)
