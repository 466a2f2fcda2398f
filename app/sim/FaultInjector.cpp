#include "app/sim/FaultInjector.h"

#include "app/sim/ApiError.h"

#include <QJsonArray>

namespace Sim {

QJsonObject FaultSettings::toJson() const
{
    return QJsonObject {
        {QStringLiteral("rateLimit"), rateLimit},
        {QStringLiteral("rateWindowMs"), rateWindowMs},
        {QStringLiteral("retryAfter"), retryAfter},
        {QStringLiteral("failEvery"), failEvery},
        {QStringLiteral("failRepeat"), failRepeat},
        {QStringLiteral("delayMs"), delayMs},
        {QStringLiteral("linkMbps"), linkMbps},
        {QStringLiteral("truncateEvery"), truncateEvery},
        {QStringLiteral("dropEvery"), dropEvery},
        {QStringLiteral("denyModules"), QJsonArray::fromStringList(denyModules)},
        {QStringLiteral("rateLimitBody"), rateLimitBody},
        {QStringLiteral("noForwardOnly"), QJsonArray::fromStringList(noForwardOnly)},
    };
}

bool FaultSettings::isRateLimitBody(const QString& value)
{
    return value == QLatin1String("json") || value == QLatin1String("cloudflare");
}

bool FaultSettings::fromJson(const QJsonObject& json, FaultSettings* settings, QString* error)
{
    FaultSettings s;
    struct IntField
    {
        const char* name;
        int* target;
    };
    const IntField ints[] = {
        {"rateLimit", &s.rateLimit},         {"rateWindowMs", &s.rateWindowMs}, {"retryAfter", &s.retryAfter},
        {"failEvery", &s.failEvery},         {"failRepeat", &s.failRepeat},     {"delayMs", &s.delayMs},
        {"truncateEvery", &s.truncateEvery}, {"dropEvery", &s.dropEvery},       {"linkMbps", &s.linkMbps}};
    for (const IntField& field : ints) {
        const QJsonValue value = json.value(QLatin1String(field.name));
        if (value.isUndefined() || value.isNull()) {
            continue;
        }
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1e9) {
            *error = QStringLiteral("%1 must be a number of 0 or more").arg(QLatin1String(field.name));
            return false;
        }
        *field.target = value.toInt();
    }
    for (const auto& [name, target] :
         {std::pair {"denyModules", &s.denyModules}, std::pair {"noForwardOnly", &s.noForwardOnly}}) {
        const QJsonValue list = json.value(QLatin1String(name));
        if (list.isUndefined() || list.isNull()) {
            continue;
        }
        const QJsonArray entries = list.toArray();
        if (!list.isArray() ||
            std::any_of(entries.begin(), entries.end(), [](const QJsonValue& v) { return !v.isString(); })) {
            *error = QStringLiteral("%1 must be an array of path prefixes").arg(QLatin1String(name));
            return false;
        }
        for (const QJsonValue& entry : entries) {
            target->append(entry.toString());
        }
    }
    const QJsonValue body = json.value(QLatin1String("rateLimitBody"));
    if (!body.isUndefined() && !body.isNull()) {
        if (!isRateLimitBody(body.toString())) {
            *error = QStringLiteral("rateLimitBody must be \"json\" or \"cloudflare\"");
            return false;
        }
        s.rateLimitBody = body.toString();
    }
    if (s.rateWindowMs <= 0) {
        s.rateWindowMs = 1000;
    }
    *settings = s;
    return true;
}

FaultInjector::FaultInjector(FaultSettings settings)
{
    setSettings(settings);
}

void FaultInjector::setSettings(const FaultSettings& settings)
{
    m_settings = settings;
    for (QStringList* list : {&m_settings.denyModules, &m_settings.noForwardOnly}) {
        for (QString& prefix : *list) {
            while (prefix.startsWith(QLatin1Char('/'))) {
                prefix.remove(0, 1);
            }
            while (prefix.endsWith(QLatin1Char('/'))) {
                prefix.chop(1);
            }
        }
    }
    m_count = 0;
    m_failures = 0;
    m_repeats.clear();
    m_inWindow = 0;
    m_window.invalidate();
    m_truncateCurrent = false;
}

std::optional<HttpResponse> FaultInjector::beforeRequest(const HttpRequest& request)
{
    m_truncateCurrent = false;
    if (m_settings.rateLimit > 0) {
        if (!m_window.isValid() || m_window.elapsed() >= m_settings.rateWindowMs) {
            m_window.start();
            m_inWindow = 0;
        }
        if (++m_inWindow > m_settings.rateLimit) {
            return rateLimited();
        }
    }
    const qint64 n = ++m_count;
    const QByteArray key = request.method + ' ' + request.target;
    if (const auto repeat = m_repeats.find(key); repeat != m_repeats.end()) { // a failed query, asked again
        if (--repeat.value() <= 0) {
            m_repeats.erase(repeat);
        }
        return queryTimeout();
    }
    if (m_settings.dropEvery > 0 && n % m_settings.dropEvery == 0) {
        HttpResponse reply;
        reply.delivery = HttpResponse::Delivery::Drop;
        reply.status = 0;
        return reply;
    }
    if (m_settings.failEvery > 0 && n % m_settings.failEvery == 0) {
        if (m_settings.failRepeat > 0 && request.method == "GET") {
            m_repeats.insert(key, m_settings.failRepeat);
        }
        const bool odd = (++m_failures % 2) == 1;
        return odd ? ApiError::reply(503, QStringLiteral("ServiceUnavailable"),
                                     QStringLiteral("The service is temporarily unavailable. Please try again later."))
                   : queryTimeout();
    }
    m_truncateCurrent = m_settings.truncateEvery > 0 && n % m_settings.truncateEvery == 0;
    return std::nullopt;
}

HttpResponse FaultInjector::queryTimeout()
{
    return ApiError::reply(500, QStringLiteral("ConnectWiseApi"),
                           QStringLiteral("An unexpected error has occurred: Query read timeout."));
}

QString FaultInjector::moduleName(const QString& apiPath)
{
    const QString top = apiPath.section(QLatin1Char('/'), 0, 0);
    const QString second = apiPath.section(QLatin1Char('/'), 1, 1);
    static const QHash<QString, QString> modules = {
        {QStringLiteral("company"), QStringLiteral("Companies")},
        {QStringLiteral("finance"), QStringLiteral("Finance")},
        {QStringLiteral("procurement"), QStringLiteral("Procurement")},
        {QStringLiteral("sales"), QStringLiteral("Sales")},
        {QStringLiteral("system"), QStringLiteral("System")},
    };
    static const QHash<QString, QString> areas = {
        {QStringLiteral("companies"), QStringLiteral("Company Maintenance")},
        {QStringLiteral("invoices"), QStringLiteral("Invoicing")},
        {QStringLiteral("currencies"), QStringLiteral("Currency")},
        {QStringLiteral("billingStatuses"), QStringLiteral("Billing Status")},
        {QStringLiteral("catalog"), QStringLiteral("Product Catalog")},
        {QStringLiteral("types"), QStringLiteral("Product Types")},
        {QStringLiteral("categories"), QStringLiteral("Product Categories")},
        {QStringLiteral("subcategories"), QStringLiteral("Product Subcategories")},
        {QStringLiteral("unitOfMeasures"), QStringLiteral("Units of Measure")},
        {QStringLiteral("orders"), QStringLiteral("Sales Orders")},
        {QStringLiteral("members"), QStringLiteral("Member Maintenance")},
        {QStringLiteral("info"), QStringLiteral("System Info")},
    };
    const QString module = modules.value(top, top);
    const QString area = areas.value(second);
    return area.isEmpty() ? module : module + QStringLiteral(" module (") + area + QLatin1Char(')');
}

HttpResponse FaultInjector::rateLimited() const
{
    const QByteArray seconds = QByteArray::number(m_settings.retryAfter);
    HttpResponse reply;
    if (m_settings.rateLimitBody == QLatin1String("cloudflare")) {
        // ConnectWise's Cloudflare edge answers before the API does, with an HTML page (error 1015).
        reply = ApiError::plainText(429,
                                    "<!DOCTYPE html>\n<html><head><title>Access denied | api-na.myconnectwise.net "
                                    "used Cloudflare to restrict access</title></head>\n<body><h1>Error 1015</h1>"
                                    "<h2>You are being rate limited</h2></body></html>\n");
        reply.setHeader("Content-Type", "text/html; charset=UTF-8");
        reply.setHeader("Server", "cloudflare");
    } else {
        reply =
            HttpResponse::json(429,
                               "{\"error\":\"ConnectWiseAPI\",\"message\":\"Too many requests. Please try again in " +
                                   seconds + " seconds.\"}");
    }
    reply.setHeader("Retry-After", seconds);
    return reply;
}

bool FaultInjector::underAny(const QStringList& prefixes, const QString& apiPath)
{
    return std::any_of(prefixes.cbegin(), prefixes.cend(), [&apiPath](const QString& prefix) {
        return !prefix.isEmpty() && (apiPath == prefix || apiPath.startsWith(prefix + QLatin1Char('/')));
    });
}

bool FaultInjector::ignoresForwardOnly(const QString& apiPath) const
{
    return underAny(m_settings.noForwardOnly, apiPath);
}

std::optional<HttpResponse> FaultInjector::checkModule(const QString& apiPath) const
{
    if (!underAny(m_settings.denyModules, apiPath)) {
        return std::nullopt;
    }
    QString name = moduleName(apiPath);
    if (!name.contains(QLatin1String(" module"))) {
        name += QStringLiteral(" module");
    }
    return ApiError::reply(
        403, QStringLiteral("Security"),
        QStringLiteral("You do not have permission to access the %1. Please contact your administrator.").arg(name));
}

void FaultInjector::shapeReply(HttpResponse* reply) const
{
    if (m_settings.delayMs > 0) {
        reply->delayMs = m_settings.delayMs;
    }
    if (m_truncateCurrent && reply->delivery == HttpResponse::Delivery::Normal) {
        reply->delivery = HttpResponse::Delivery::Truncated;
    }
}

} // namespace Sim
