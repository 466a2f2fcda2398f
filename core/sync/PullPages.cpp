#include "core/sync/PullPages.h"

#include "core/connectwise/LinkHeader.h"
#include "core/connectwise/ThreadedPager.h"
#include "core/sync/SyncRun.h"

#include <QEventLoop>

namespace Cw {

ApiError PullPages::firstPage(const PageQuery& query, const Pager::RawPrepare& prepare,
                              const std::function<ApiResult(const ApiRequest&)>& call, Page* page, QString* nextPageId)
{
    ApiRequest request = query.pageRequest(1, QString());
    request.expectJson = false;
    const ApiResult reply = call(request);
    if (!reply.ok()) {
        return reply.error;
    }
    page->number = 1;
    QString detail;
    page->prepared = prepare(reply.body, &page->count, &detail);
    if (!detail.isEmpty() || !page->prepared) {
        ApiError error;
        error.kind = ApiError::Kind::MalformedResponse;
        error.endpoint = query.path;
        error.host = reply.url.host();
        error.detail = detail.isEmpty() ? ApiError::tr("A list page was not a JSON array.") : detail;
        return error;
    }
    const QString next =
        LinkHeader::parse(reply.header("Link")).parameter(QStringLiteral("next"), QStringLiteral("pageId"));
    page->isLast = next.isEmpty() || page->count == 0; // as Pager: an empty page ends a forward-only pull
    *nextPageId = page->isLast ? QString() : next;
    return ApiError();
}

PagerResult PullPages::drive(ThreadedPager& pager, const SyncRun* run, const Page& first, const Store& store)
{
    QEventLoop loop;
    PagerResult outcome;
    QObject::connect(run, &SyncRun::cancelRequested, &pager, &ThreadedPager::cancel);
    QObject::connect(&pager, &ThreadedPager::pageReady, &loop, [&](const Page& page) {
        if (!store(page)) {
            pager.cancel();
        }
    });
    QObject::connect(&pager, &ThreadedPager::finished, &loop, [&](const PagerResult& r) {
        outcome = r;
        loop.quit();
    });
    pager.start();
    if (!store(first)) {
        pager.cancel(); // its finished() (Cancelled) ends the loop below
    }
    loop.exec();
    return outcome;
}

} // namespace Cw
