#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/PageQuery.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMetaType>
#include <QObject>
#include <QPointer>

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
};

struct PagerResult
{
    ApiError error; // Cancelled after cancel()
    qint64 records = 0; // records delivered
    int pages = 0; // pages delivered
    qint64 elapsedMs = 0;
    bool ok() const { return error.isOk(); }
};

// Pulls a list page by page and hands each page over through pageReady(), never holding more than the
// page being consumed, one page received but not yet handed over and one request in flight — memory stays
// bounded by about one page whatever the total. The next page is fetched while the consumer works on the
// current one.
//
// Auto mode (default): a page counts as consumed when the slot connected to pageReady() returns.
// Manual mode (setAutoAdvance(false)): the consumer calls next() when done, e.g. after an asynchronous
// database write; until then no further page is requested beyond the one prefetched.
// finished() comes once, after the last page was consumed, on the first error, or after cancel().
// The pager does not delete itself; parent it or delete it after finished().
class Pager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pager)

public:
    Pager(ApiClient* client, PageQuery query, QObject* parent = nullptr);
    ~Pager() override;

    void setAutoAdvance(bool autoAdvance) { m_autoAdvance = autoAdvance; }
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
    void fetch();
    void onPageFetched(const ApiResult& result);
    void deliver();
    void finish(const ApiError& error);

    ApiClient* m_client;
    PageQuery m_query;
    QPointer<ApiCall> m_call;
    std::optional<Page> m_pending;
    QElapsedTimer m_elapsed;
    int m_nextPageNumber = 1;
    QString m_nextPageId;
    qint64 m_fetchedRecords = 0;
    qint64 m_records = 0;
    int m_pages = 0;
    bool m_moreToFetch = true;
    bool m_consumerBusy = false;
    bool m_lastDelivered = false;
    bool m_autoAdvance = true;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::Page)
Q_DECLARE_METATYPE(Cw::PagerResult)
