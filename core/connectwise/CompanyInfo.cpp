#include "core/connectwise/CompanyInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cw {

bool CompanyInfo::parseCloudFlag(const QJsonValue& value)
{
    if (value.isBool()) {
        return value.toBool();
    }
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        return text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || text == QLatin1String("1");
    }
    if (value.isDouble()) {
        return value.toInt() != 0;
    }
    return false;
}

CompanyInfo::ParseResult CompanyInfo::parse(const QByteArray& body, CompanyInfo* out)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        // QJsonDocument does not accept a bare top-level null: the service's "unknown company" answer.
        if (body.trimmed() == "null") {
            return ParseResult::UnknownCompany;
        }
        return ParseResult::Malformed;
    }
    if (doc.isNull()) {
        return ParseResult::UnknownCompany;
    }
    if (!doc.isObject()) {
        return ParseResult::Malformed;
    }
    const QJsonObject obj = doc.object();
    CompanyInfo info;
    info.companyName = obj.value(QLatin1String("CompanyName")).toString();
    info.companyId = obj.value(QLatin1String("CompanyID")).toString();
    info.codebase = obj.value(QLatin1String("Codebase")).toString().trimmed();
    info.versionCode = obj.value(QLatin1String("VersionCode")).toString();
    info.versionNumber = obj.value(QLatin1String("VersionNumber")).toString();
    info.siteUrl = obj.value(QLatin1String("SiteUrl")).toString().trimmed();
    info.isCloud = parseCloudFlag(obj.value(QLatin1String("IsCloud")));
    const QJsonArray origins = obj.value(QLatin1String("AllowedOrigins")).toArray();
    for (const QJsonValue& origin : origins) {
        info.allowedOrigins.append(origin.toString());
    }
    if (info.codebase.isEmpty()) {
        return ParseResult::Malformed;
    }
    if (info.codebase.startsWith(QLatin1Char('/'))) {
        info.codebase.remove(0, 1);
    }
    if (!info.codebase.endsWith(QLatin1Char('/'))) {
        info.codebase.append(QLatin1Char('/'));
    }
    if (out) {
        *out = info;
    }
    return ParseResult::Ok;
}

} // namespace Cw
