#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Cw {

// What GET /login/companyinfo/{companyId} tells about a company: its display name, the codebase
// (API path prefix, with a trailing slash) and the host that serves its API.
struct CompanyInfo
{
    QString companyName;
    QString companyId;
    QString codebase; // e.g. "v2025_1/" on cloud, "v4_6_release/" on premise
    QString versionCode; // e.g. "v2025.1"
    QString versionNumber; // e.g. "v4.6.77997"
    QString siteUrl; // e.g. "api-na.myconnectwise.net"
    bool isCloud = false;
    QStringList allowedOrigins;

    enum class ParseResult {
        Ok,
        UnknownCompany, // the service answered JSON null: no such company
        Malformed, // not the expected object
    };

    // Parses the body. IsCloud arrives as a bool or as the strings "True"/"False"; both are accepted.
    // A missing trailing slash on Codebase is added so that base URLs join cleanly.
    static ParseResult parse(const QByteArray& body, CompanyInfo* out);
    static bool parseCloudFlag(const QJsonValue& value);
};

} // namespace Cw
