#include "app/sim/ApiRouter.h"

#include "app/sim/ApiError.h"
#include "app/sim/ListQuery.h"
#include "app/sim/ModelTable.h"
#include "app/sim/RecordWriter.h"
#include "app/sim/SimConfig.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Sim {

namespace {

HttpResponse methodNotAllowed(const QByteArray& method)
{
    return ApiError::reply(
        405, QStringLiteral("MethodNotAllowed"),
        QStringLiteral("The requested resource does not support http method '%1'.").arg(QString::fromLatin1(method)));
}

std::vector<const Record*> all(const Collection& collection)
{
    const std::vector<Record>& records = collection.records();
    std::vector<const Record*> result;
    result.reserve(records.size());
    for (const Record& r : records) {
        result.push_back(&r);
    }
    return result;
}

} // namespace

ApiRouter::ApiRouter(Dataset& dataset, const SimConfig& config, const ModelTable& models, ViolationLog& violations)
    : m_dataset(dataset), m_config(config), m_models(models), m_violations(violations)
{ }

HttpResponse ApiRouter::route(const HttpRequest& request, const QString& apiPath, const QByteArray& linkBase)
{
    const QStringList segments = apiPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() == 2 && segments.at(0) == QLatin1String("system") && segments.at(1) == QLatin1String("info")) {
        return request.method == "GET" || request.method == "HEAD" ? systemInfo(request)
                                                                   : methodNotAllowed(request.method);
    }
    if (segments.size() >= 4 && segments.at(0) == QLatin1String("finance") &&
        segments.at(1) == QLatin1String("invoices") && segments.at(3) == QLatin1String("payments")) {
        return payments(request, segments, apiPath, linkBase);
    }
    for (qsizetype n = qMin<qsizetype>(3, segments.size()); n >= 1; --n) {
        Collection* found = m_dataset.collection(segments.mid(0, n).join(QLatin1Char('/')));
        if (found) {
            return collection(*found, all(*found), segments.mid(n), request, apiPath, linkBase);
        }
    }
    return ApiError::notFound();
}

HttpResponse ApiRouter::systemInfo(const HttpRequest&) const
{
    QJsonArray bits;
    static const char* const modules[] = {"Companies", "Finance", "Procurement", "Sales", "Service", "Project"};
    for (const char* module : modules) {
        bits.append(
            QJsonObject {{QStringLiteral("name"), QLatin1String(module)}, {QStringLiteral("activeFlag"), true}});
    }
    const QJsonObject info {
        {QStringLiteral("version"), m_config.versionCode},
        {QStringLiteral("isCloud"), m_config.isCloud},
        {QStringLiteral("serverTimeZone"), QStringLiteral("Eastern Standard Time")},
        {QStringLiteral("licenseBits"), bits},
        {QStringLiteral("cloudRegion"), m_config.isCloud ? QStringLiteral("NA") : QString()},
    };
    return HttpResponse::json(200, QJsonDocument(info).toJson(QJsonDocument::Compact));
}

HttpResponse ApiRouter::payments(const HttpRequest& request, const QStringList& segments, const QString& apiPath,
                                 const QByteArray& linkBase)
{
    bool ok = false;
    const qint64 invoiceId = segments.at(2).toLongLong(&ok);
    Collection* invoices = m_dataset.collection(QStringLiteral("finance/invoices"));
    const Record* invoice = ok ? invoices->find(invoiceId) : nullptr;
    if (!invoice) {
        return ApiError::notFound(QStringLiteral("invoice with id %1 was not found.").arg(segments.at(2)));
    }
    Collection& payments = m_dataset.payments();
    std::vector<const Record*> subset;
    static const QStringList invoiceIdPath = {QStringLiteral("invoice"), QStringLiteral("id")};
    for (const Record& payment : payments.records()) {
        if (payment.value(invoiceIdPath).toInteger() == invoiceId) {
            subset.push_back(&payment);
        }
    }
    const QJsonObject invoiceObject = invoice->object();
    const QJsonObject reference {{QStringLiteral("id"), invoiceId},
                                 {QStringLiteral("identifier"), invoiceObject.value(QLatin1String("invoiceNumber"))},
                                 {QStringLiteral("billingType"), invoiceObject.value(QLatin1String("type"))},
                                 {QStringLiteral("applyToType"), invoiceObject.value(QLatin1String("applyToType"))}};
    return collection(payments, subset, segments.mid(4), request, apiPath, linkBase, reference);
}

HttpResponse ApiRouter::collection(Collection& collection, const std::vector<const Record*>& records,
                                   const QStringList& rest, const HttpRequest& request, const QString& apiPath,
                                   const QByteArray& linkBase, const QJsonObject& parentReference)
{
    const QByteArray& method = request.method;
    const bool read = method == "GET" || method == "HEAD";
    const bool writable = collection.spec().writable;
    const WriteContext context {m_models, m_violations, &m_dataset.hooks(), method, apiPath};
    if (rest.isEmpty()) {
        if (read) {
            return ListQuery::list(records, request, linkBase);
        }
        if (method == "POST" && writable) {
            return RecordWriter(collection, context, parentReference).create(request.body);
        }
        return methodNotAllowed(method);
    }
    if (rest.size() != 1) {
        return ApiError::notFound();
    }
    if (rest.first() == QLatin1String("count") && m_models.pathTemplate(apiPath).endsWith(QLatin1String("/count"))) {
        return read ? ListQuery::count(records, request) : methodNotAllowed(method);
    }
    bool ok = false;
    const qint64 id = rest.first().toLongLong(&ok);
    const Record* record = nullptr;
    if (ok) {
        const auto it = std::lower_bound(records.begin(), records.end(), id,
                                         [](const Record* r, qint64 value) { return r->id < value; });
        record = it != records.end() && (*it)->id == id ? *it : nullptr;
    } else if (read) { // members and catalog items can also be fetched by identifier
        static const QStringList identifierPath = {QStringLiteral("identifier")};
        for (const Record* r : records) {
            if (r->value(identifierPath).toString().compare(rest.first(), Qt::CaseInsensitive) == 0) {
                record = r;
                break;
            }
        }
    }
    if (!record) {
        return ApiError::notFound(
            QStringLiteral("%1 with id %2 was not found.").arg(collection.spec().resource, rest.first()));
    }
    if (read) {
        return ListQuery::single(*record, request);
    }
    if (!writable) {
        return methodNotAllowed(method);
    }
    RecordWriter writer(collection, context, parentReference);
    if (method == "PATCH") {
        return writer.patch(record->id, request.body);
    }
    if (method == "PUT") {
        return writer.put(record->id, request.body);
    }
    if (method == "DELETE") {
        return writer.remove(record->id);
    }
    return methodNotAllowed(method);
}

} // namespace Sim
