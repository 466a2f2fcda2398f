#include "app/sim/Simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sim {

namespace {

QByteArray errorBody(const QString& code, const QString& message)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

Simulator::Simulator(SimConfig config) : m_config(std::move(config)) { }

HttpResponse Simulator::handle(const HttpRequest& request)
{
    static const QByteArray companyInfoPrefix = "/login/companyinfo/";
    if (request.path.startsWith(companyInfoPrefix)) {
        if (request.method != "GET" && request.method != "HEAD") {
            return HttpResponse::json(
                405,
                errorBody(QStringLiteral("MethodNotAllowed"), QStringLiteral("Only GET is supported on companyinfo")));
        }
        return companyInfo(request, QString::fromUtf8(request.path.mid(companyInfoPrefix.size())));
    }
    return HttpResponse::json(
        404, errorBody(QStringLiteral("NotFound"), QStringLiteral("The requested resource was not found.")));
}

HttpResponse Simulator::companyInfo(const HttpRequest& request, const QString& companyId) const
{
    // The real service answers an unknown company with 200 and a JSON null.
    if (companyId.compare(m_config.companyId, Qt::CaseInsensitive) != 0) {
        return HttpResponse::json(200, "null");
    }
    const QString site = m_config.siteUrl.isEmpty() ? QString::fromUtf8(request.header("Host")) : m_config.siteUrl;
    const QJsonObject info {
        {QStringLiteral("CompanyName"), m_config.companyName},
        {QStringLiteral("Codebase"), m_config.codebase},
        {QStringLiteral("VersionCode"), m_config.versionCode},
        {QStringLiteral("VersionNumber"), m_config.versionNumber},
        {QStringLiteral("CompanyID"), m_config.companyId},
        {QStringLiteral("IsCloud"), m_config.isCloud},
        {QStringLiteral("SiteUrl"), site},
        {QStringLiteral("AllowedOrigins"), QJsonArray {QStringLiteral("*")}},
    };
    return HttpResponse::json(200, QJsonDocument(info).toJson(QJsonDocument::Compact));
}

} // namespace Sim
