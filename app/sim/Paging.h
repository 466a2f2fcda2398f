#pragma once

#include <QByteArray>
#include <QUrlQuery>

namespace Sim {

// Link headers for both ConnectWise paging modes. URLs are absolute (scheme://Host/path) and keep
// every query parameter of the request exactly as the client encoded it (conditions, orderBy, fields,
// pageSize...), replacing only page / pageId.
namespace Paging {

constexpr int kDefaultPageSize = 25;
constexpr int kMaxPageSize = 1000;

// The raw query with the named parameters (case-insensitive) removed, e.g. "pageSize=50&conditions=...".
QByteArray queryWithout(const QByteArray& rawQuery, const QByteArray& dropA, const QByteArray& dropB = {});

// rel="first"/"prev" when page > 1, rel="next"/"last" when page < lastPage.
QByteArray navigableLinks(const QByteArray& base, const QByteArray& keptQuery, int page, int lastPage);
// <base?kept&pageId=lastId>; rel="next"
QByteArray forwardLink(const QByteArray& base, const QByteArray& keptQuery, qint64 lastId);

// A query parameter by case-insensitive name, fully decoded; isNull() when absent.
QString param(const QUrlQuery& query, const char* name);

} // namespace Paging

} // namespace Sim
