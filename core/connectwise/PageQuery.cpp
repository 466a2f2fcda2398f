#include "core/connectwise/PageQuery.h"

#include <algorithm>

namespace Cw {

int PageQuery::effectivePageSize() const
{
    return std::clamp(pageSize, 1, kMaxPageSize);
}

ApiRequest PageQuery::pageRequest(int page, const QString& pageId) const
{
    ApiRequest request = ApiRequest::get(path);
    request.addQuery(QStringLiteral("pageSize"), QString::number(effectivePageSize()));
    if (!conditions.isEmpty()) {
        request.addQuery(QStringLiteral("conditions"), conditions.toString());
    }
    for (const auto& item : extraQuery) {
        request.addQuery(item.first, item.second);
    }
    if (!fields.isEmpty()) {
        request.addQuery(QStringLiteral("fields"), fields.join(QLatin1Char(',')));
    }
    if (mode == Mode::ForwardOnly) {
        request.setHeader(QByteArrayLiteral("pagination-type"), QByteArrayLiteral("forward-only"));
        if (!pageId.isEmpty()) {
            request.addQuery(QStringLiteral("pageId"), pageId);
        }
    } else {
        request.addQuery(QStringLiteral("page"), QString::number(std::max(1, page)));
        request.addQuery(QStringLiteral("orderBy"), orderBy.isEmpty() ? QStringLiteral("id asc") : orderBy);
    }
    return request;
}

ApiRequest PageQuery::countRequest() const
{
    QString countPath = path;
    while (countPath.endsWith(QLatin1Char('/'))) {
        countPath.chop(1);
    }
    ApiRequest request = ApiRequest::get(countPath + QStringLiteral("/count"));
    if (!conditions.isEmpty()) {
        request.addQuery(QStringLiteral("conditions"), conditions.toString());
    }
    for (const auto& item : extraQuery) {
        request.addQuery(item.first, item.second);
    }
    return request;
}

} // namespace Cw
