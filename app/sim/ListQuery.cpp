#include "app/sim/ListQuery.h"

#include "app/sim/ApiError.h"
#include "app/sim/Conditions.h"
#include "app/sim/FieldProjection.h"
#include "app/sim/JsonScan.h"
#include "app/sim/Paging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace Sim {

namespace {

HttpResponse invalid(const QString& message)
{
    return ApiError::reply(400, QStringLiteral("InvalidObject"), message);
}

QStringList fieldList(const HttpRequest& request)
{
    QStringList fields;
    const QStringList parts = Paging::param(request.query, "fields").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        if (!part.trimmed().isEmpty()) {
            fields.append(part.trimmed());
        }
    }
    return fields;
}

int compareValues(const QJsonValue& a, const QJsonValue& b)
{
    const bool aMissing = a.isUndefined() || a.isNull();
    const bool bMissing = b.isUndefined() || b.isNull();
    if (aMissing || bMissing) {
        return aMissing == bMissing ? 0 : (aMissing ? -1 : 1);
    }
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    }
    if (a.isBool() && b.isBool()) {
        return int(a.toBool()) - int(b.toBool());
    }
    return a.toVariant().toString().compare(b.toVariant().toString(), Qt::CaseInsensitive);
}

// A field for conditions and orderBy. Like the real service, the _info timestamps can be named without
// the prefix: "lastUpdated > [...]" means _info/lastUpdated when the record has no such top-level field.
QJsonValue fieldValue(const Record& record, const QStringList& path)
{
    // The incremental-pull field: served from the record's cache as seconds (Conditions compares a number with
    // a [datetime] as seconds since the epoch), not scanned and parsed again for every record and request.
    const bool lastUpdated = (path.size() == 1 && path.first() == QLatin1String("lastUpdated")) ||
        (path.size() == 2 && path.first() == QLatin1String("_info") && path.at(1) == QLatin1String("lastUpdated"));
    if (lastUpdated) {
        const double secs = record.lastUpdatedSecs();
        if (!std::isnan(secs) && (path.size() == 2 || !record.hasTopLevelLastUpdated())) {
            return QJsonValue(secs);
        }
    }
    const QJsonValue value = record.value(path);
    if (value.isUndefined() && path.size() == 1) {
        return record.value({QStringLiteral("_info"), path.first()});
    }
    return value;
}

struct SortKey
{
    QStringList path;
    bool descending = false;
};

bool parseOrderBy(const QString& text, std::vector<SortKey>* keys, QString* error)
{
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QStringList words = part.simplified().split(QLatin1Char(' '));
        if (words.isEmpty() || words.size() > 2 || words.first().isEmpty()) {
            *error = QStringLiteral("orderBy '%1' is invalid: use 'field asc' or 'field desc'").arg(part.trimmed());
            return false;
        }
        SortKey key;
        key.path = words.first().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (words.size() == 2) {
            if (words.at(1).compare(QLatin1String("desc"), Qt::CaseInsensitive) == 0) {
                key.descending = true;
            } else if (words.at(1).compare(QLatin1String("asc"), Qt::CaseInsensitive) != 0) {
                *error = QStringLiteral("orderBy direction '%1' is invalid: use asc or desc").arg(words.at(1));
                return false;
            }
        }
        keys->push_back(key);
    }
    return true;
}

bool parsePositive(const QString& text, int* value)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok) {
        return false;
    }
    *value = v;
    return true;
}

QByteArray joinPage(const std::vector<const Record*>& records, std::size_t from, std::size_t to,
                    const QStringList& fields)
{
    QByteArray body;
    const FieldProjection projection(fields); // the plan, once for the page
    qsizetype size = 2;
    for (std::size_t i = from; i < to; ++i) {
        size += records[i]->json.size() + 1;
    }
    body.reserve(size); // an upper bound with fields=: one allocation for the page
    body += '[';
    for (std::size_t i = from; i < to; ++i) {
        if (i > from) {
            body += ',';
        }
        if (projection.isEmpty()) {
            body += records[i]->json;
        } else {
            projection.appendTo(records[i]->json, &body);
        }
    }
    body += ']';
    return body;
}

// The records whose id lies in [low, high], from records sorted by id: a binary search, not a scan.
std::pair<std::size_t, std::size_t> idSpan(const std::vector<const Record*>& records, qint64 low, qint64 high)
{
    const auto begin = std::lower_bound(records.begin(), records.end(), low,
                                        [](const Record* r, qint64 value) { return r->id < value; });
    const auto end =
        std::upper_bound(begin, records.end(), high, [](qint64 value, const Record* r) { return value < r->id; });
    return {static_cast<std::size_t>(begin - records.begin()), static_cast<std::size_t>(end - records.begin())};
}

bool isIdOnly(const std::vector<SortKey>& keys)
{
    return keys.size() == 1 && keys.front().path == QStringList {QStringLiteral("id")};
}

} // namespace

bool ListQuery::filter(const std::vector<const Record*>& records, const HttpRequest& request,
                       std::vector<const Record*>* out, HttpResponse* error)
{
    QString message;
    const Conditions conditions = Conditions::parse(Paging::param(request.query, "conditions"), &message);
    if (!conditions.isValid()) {
        *error = invalid(QStringLiteral("The condition is invalid: %1.").arg(message));
        return false;
    }
    if (conditions.isEmpty()) {
        *out = records;
        return true;
    }
    // Like the real service's index on id: the records an id range allows are found by binary search (records are
    // sorted by id, and every record's "id" member is its Record::id); the whole condition is then evaluated on
    // those only. An id range pull asks `id > a and id <= b` for every page.
    const Conditions::IntegerRange ids = conditions.integerRange(QStringLiteral("id"));
    const auto [from, to] = idSpan(records, ids.low, ids.high);
    out->reserve(to - from);
    for (std::size_t i = from; i < to; ++i) {
        const Record* record = records[i];
        if (conditions.matches([record](const QStringList& path) { return fieldValue(*record, path); })) {
            out->push_back(record);
        }
    }
    return true;
}

HttpResponse ListQuery::count(const std::vector<const Record*>& records, const HttpRequest& request)
{
    std::vector<const Record*> matching;
    HttpResponse error;
    if (!filter(records, request, &matching, &error)) {
        return error;
    }
    return HttpResponse::json(200, "{\"count\":" + QByteArray::number(static_cast<qint64>(matching.size())) + '}');
}

HttpResponse ListQuery::single(const Record& record, const HttpRequest& request)
{
    const QStringList fields = fieldList(request);
    return HttpResponse::json(200, fields.isEmpty() ? record.json : FieldProjection(fields).apply(record.json));
}

HttpResponse ListQuery::list(const std::vector<const Record*>& records, const HttpRequest& request,
                             const QByteArray& linkBase)
{
    const bool forwardOnly =
        request.header("pagination-type").trimmed().compare("forward-only", Qt::CaseInsensitive) == 0;
    int pageSize = Paging::kDefaultPageSize;
    const QString pageSizeText = Paging::param(request.query, "pageSize");
    if (!pageSizeText.isNull() && !parsePositive(pageSizeText, &pageSize)) {
        return invalid(QStringLiteral("pageSize must be a number."));
    }
    if (pageSize <= 0) {
        pageSize = Paging::kDefaultPageSize;
    }
    pageSize = qMin(pageSize, Paging::kMaxPageSize);
    const QString orderBy = Paging::param(request.query, "orderBy");
    const QString pageText = Paging::param(request.query, "page"); // forward-only ignores it
    if (forwardOnly && !orderBy.trimmed().isEmpty()) {
        return invalid(QStringLiteral("orderBy cannot be used with forward-only pagination."));
    }
    std::vector<SortKey> keys;
    QString orderError;
    if (!parseOrderBy(orderBy, &keys, &orderError)) {
        return invalid(orderError);
    }

    std::vector<const Record*> matching;
    HttpResponse error;
    if (!filter(records, request, &matching, &error)) {
        return error;
    }
    const QStringList fields = fieldList(request);
    const qsizetype question = request.target.indexOf('?');
    const QByteArray rawQuery = question < 0 ? QByteArray() : request.target.mid(question + 1);

    if (forwardOnly) {
        qint64 pageId = 0;
        const QString pageIdText = Paging::param(request.query, "pageId");
        bool ok = true;
        if (!pageIdText.isNull()) {
            pageId = pageIdText.trimmed().toLongLong(&ok);
        }
        if (!ok) {
            return invalid(QStringLiteral("pageId must be a number."));
        }
        const auto begin = std::upper_bound(matching.begin(), matching.end(), pageId,
                                            [](qint64 value, const Record* r) { return value < r->id; });
        const std::size_t from = static_cast<std::size_t>(begin - matching.begin());
        const std::size_t to = qMin(matching.size(), from + static_cast<std::size_t>(pageSize));
        HttpResponse response = HttpResponse::json(200, joinPage(matching, from, to, fields));
        // Always a Link header: rel="next" with the last id of this page while records remain, empty at the end.
        response.setHeader(
            "Link",
            to < matching.size()
                ? Paging::forwardLink(linkBase, Paging::queryWithout(rawQuery, "pageId", "page"), matching[to - 1]->id)
                : QByteArray());
        return response;
    }

    int page = 1;
    if (!pageText.isNull() && (!parsePositive(pageText, &page) || page < 1)) {
        return invalid(QStringLiteral("page must be a number of 1 or more."));
    }
    if (isIdOnly(keys)) {
        if (keys.front().descending) { // the records are in id order already, and ids are unique
            std::reverse(matching.begin(), matching.end());
        }
    } else if (!keys.empty()) {
        // Read each record's sort values once, then sort (stable: ties stay in id order).
        std::vector<std::pair<const Record*, std::vector<QJsonValue>>> rows;
        rows.reserve(matching.size());
        for (const Record* record : matching) {
            std::vector<QJsonValue> values;
            for (const SortKey& key : keys) {
                values.push_back(fieldValue(*record, key.path));
            }
            rows.emplace_back(record, std::move(values));
        }
        std::stable_sort(rows.begin(), rows.end(), [&keys](const auto& a, const auto& b) {
            for (std::size_t i = 0; i < keys.size(); ++i) {
                const int c = compareValues(a.second[i], b.second[i]);
                if (c != 0) {
                    return keys[i].descending ? c > 0 : c < 0;
                }
            }
            return false;
        });
        for (std::size_t i = 0; i < rows.size(); ++i) {
            matching[i] = rows[i].first;
        }
    }
    const std::size_t total = matching.size();
    const int lastPage = qMax(
        1, static_cast<int>((total + static_cast<std::size_t>(pageSize) - 1) / static_cast<std::size_t>(pageSize)));
    const std::size_t from = qMin(total, static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(pageSize));
    const std::size_t to = qMin(total, from + static_cast<std::size_t>(pageSize));
    HttpResponse response = HttpResponse::json(200, joinPage(matching, from, to, fields));
    const QByteArray links = Paging::navigableLinks(linkBase, Paging::queryWithout(rawQuery, "page"), page, lastPage);
    if (!links.isEmpty()) {
        response.setHeader("Link", links);
    }
    return response;
}

} // namespace Sim
