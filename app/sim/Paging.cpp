#include "app/sim/Paging.h"

namespace Sim::Paging {

namespace {

QByteArray url(const QByteArray& base, const QByteArray& keptQuery, const QByteArray& name, qint64 value)
{
    QByteArray result = base;
    result += '?';
    if (!keptQuery.isEmpty()) {
        result += keptQuery;
        result += '&';
    }
    result += name;
    result += '=';
    result += QByteArray::number(value);
    return result;
}

void appendLink(QByteArray* header, const QByteArray& target, const char* rel)
{
    if (!header->isEmpty()) {
        header->append(", ");
    }
    header->append('<');
    header->append(target);
    header->append(">; rel=\"");
    header->append(rel);
    header->append('"');
}

} // namespace

QByteArray queryWithout(const QByteArray& rawQuery, const QByteArray& dropA, const QByteArray& dropB)
{
    QByteArray kept;
    for (const QByteArray& item : rawQuery.split('&')) {
        if (item.isEmpty()) {
            continue;
        }
        const QByteArray name = item.left(item.indexOf('=') < 0 ? item.size() : item.indexOf('='));
        if (name.compare(dropA, Qt::CaseInsensitive) == 0 ||
            (!dropB.isEmpty() && name.compare(dropB, Qt::CaseInsensitive) == 0)) {
            continue;
        }
        if (!kept.isEmpty()) {
            kept += '&';
        }
        kept += item;
    }
    return kept;
}

QByteArray navigableLinks(const QByteArray& base, const QByteArray& keptQuery, int page, int lastPage)
{
    QByteArray header;
    if (page > 1) {
        appendLink(&header, url(base, keptQuery, "page", 1), "first");
        appendLink(&header, url(base, keptQuery, "page", qMin(page - 1, lastPage)), "prev");
    }
    if (page < lastPage) {
        appendLink(&header, url(base, keptQuery, "page", page + 1), "next");
        appendLink(&header, url(base, keptQuery, "page", lastPage), "last");
    }
    return header;
}

QByteArray forwardLink(const QByteArray& base, const QByteArray& keptQuery, qint64 lastId)
{
    QByteArray header;
    appendLink(&header, url(base, keptQuery, "pageId", lastId), "next");
    return header;
}

QString param(const QUrlQuery& query, const char* name)
{
    const QLatin1String key(name);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto& item : items) {
        if (item.first.compare(key, Qt::CaseInsensitive) == 0) {
            return item.second.isNull() ? QStringLiteral("") : item.second;
        }
    }
    return {};
}

} // namespace Sim::Paging
