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
        {QStringLiteral("delayMs"), delayMs},
        {QStringLiteral("truncateEvery"), truncateEvery},
        {QStringLiteral("dropEvery"), dropEvery},
        {QStringLiteral("denyModules"), QJsonArray::fromStringList(denyModules)},
    };
}

bool FaultSettings::fromJson(const QJsonObject& json, FaultSettings* settings, QString* error)
{
    FaultSettings s;
    struct IntField
    {
        const char* name;
        int* target;
    };
    const IntField ints[] = {{"rateLimit", &s.rateLimit},   {"rateWindowMs", &s.rateWindowMs},
                             {"retryAfter", &s.retryAfter}, {"failEvery", &s.failEvery},
                             {"delayMs", &s.delayMs},       {"truncateEvery", &s.truncateEvery},
                             {"dropEvery", &s.dropEvery}};
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
    const QJsonValue deny = json.value(QLatin1String("denyModules"));
    if (!deny.isUndefined() && !deny.isNull()) {
        if (!deny.isArray()) {
            *error = QStringLiteral("denyModules must be an array of path prefixes");
            return false;
        }
        for (const QJsonValue& entry : deny.toArray()) {
            if (!entry.isString()) {
                *error = QStringLiteral("denyModules must be an array of path prefixes");
                return false;
            }
            s.denyModules.append(entry.toString());
        }
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
    for (QString& prefix : m_settings.denyModules) {
        while (prefix.startsWith(QLatin1Char('/'))) {
            prefix.remove(0, 1);
        }
        while (prefix.endsWith(QLatin1Char('/'))) {
            prefix.chop(1);
        }
    }
    m_count = 0;
    m_failures = 0;
    m_inWindow = 0;
    m_window.invalidate();
    m_truncateCurrent = false;
}

std::optional<HttpResponse> FaultInjector::beforeRequest()
{
    m_truncateCurrent = false;
    if (m_settings.rateLimit > 0) {
        if (!m_window.isValid() || m_window.elapsed() >= m_settings.rateWindowMs) {
            m_window.start();
            m_inWindow = 0;
        }
        if (++m_inWindow > m_settings.rateLimit) {
            const QByteArray seconds = QByteArray::number(m_settings.retryAfter);
            HttpResponse reply =
                ApiError::plainText(429, "Too many requests. Please try again in " + seconds + " seconds.");
            reply.setHeader("Retry-After", seconds);
            return reply;
        }
    }
    const qint64 n = ++m_count;
    if (m_settings.dropEvery > 0 && n % m_settings.dropEvery == 0) {
        HttpResponse reply;
        reply.delivery = HttpResponse::Delivery::Drop;
        reply.status = 0;
        return reply;
    }
    if (m_settings.failEvery > 0 && n % m_settings.failEvery == 0) {
        const bool odd = (++m_failures % 2) == 1;
        return odd ? ApiError::reply(503, QStringLiteral("ServiceUnavailable"),
                                     QStringLiteral("The service is temporarily unavailable. Please try again later."))
                   : ApiError::reply(500, QStringLiteral("ConnectWiseApi"),
                                     QStringLiteral("An unexpected error has occurred: Query read timeout."));
    }
    m_truncateCurrent = m_settings.truncateEvery > 0 && n % m_settings.truncateEvery == 0;
    return std::nullopt;
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

std::optional<HttpResponse> FaultInjector::checkModule(const QString& apiPath) const
{
    for (const QString& prefix : m_settings.denyModules) {
        if (prefix.isEmpty()) {
            continue;
        }
        if (apiPath == prefix || apiPath.startsWith(prefix + QLatin1Char('/'))) {
            QString name = moduleName(apiPath);
            if (!name.contains(QLatin1String(" module"))) {
                name += QStringLiteral(" module");
            }
            return ApiError::reply(403, QStringLiteral("Unauthorized"),
                                   QStringLiteral("You do not have permission to access the %1. Please contact "
                                                  "your administrator.")
                                       .arg(name));
        }
    }
    return std::nullopt;
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
