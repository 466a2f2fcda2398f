#pragma once

#include "core/connectwise/Region.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace Cw {

// Where a ConnectWise tenant lives, normalised from whatever the user pasted:
//   login URL      https://na.myconnectwise.net/            -> https://api-na.myconnectwise.net (region na)
//   API host       api-eu.myconnectwise.net                  -> https://api-eu.myconnectwise.net (region eu)
//   full endpoint  https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies
//                                                            -> same host, codebase override "v4_6_release/"
//   on premise     cw.example.com:8443                       -> https://cw.example.com:8443
//   simulator      http://127.0.0.1:40123                    -> plain http, allowed for loopback only
// A codebase is kept as an override only when the pasted text is an API endpoint (contains apis/3.0);
// otherwise the codebase is discovered through companyinfo, so cloud upgrades are followed.
struct SiteParseResult;

class Site final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::Site)

public:
    Site() = default;

    // fieldName is the label of the input the text came from; it is named in error messages.
    static SiteParseResult parse(const QString& input, const QString& fieldName = QString());

    bool isValid() const { return !m_host.isEmpty(); }
    bool isHttps() const { return !m_plainHttp; }
    QString scheme() const;
    QString host() const { return m_host; } // lower case; the API host for cloud regions
    int port() const { return m_port; } // -1 = the scheme's default
    QString hostAndPort() const; // "api-na.myconnectwise.net", "127.0.0.1:40123", "[::1]:8080"
    std::optional<Region> region() const { return m_region; }
    bool isCloud() const { return m_region.has_value(); }
    bool isLoopback() const { return isLoopbackHost(m_host); }
    QString codebaseOverride() const { return m_codebaseOverride; } // "v4_6_release/" or empty

    // https://{host}/login/companyinfo/{companyId} (no authentication needed).
    QUrl companyInfoUrl(const QString& companyId) const;
    // {scheme}://{apiHostAndPort}/{codebase}apis/3.0 — apiHostAndPort normally comes from companyinfo's
    // SiteUrl; an empty value means this site's own host. No trailing slash.
    QUrl apiBaseUrl(const QString& codebase, const QString& apiHostAndPort = QString()) const;
    QString toString() const; // "https://api-na.myconnectwise.net" (+ "/v4_6_release/apis/3.0" if overridden)

    // 127.0.0.0/8, ::1 and localhost.
    static bool isLoopbackHost(const QString& host);
    // Accepts "v2025_1", "v2025_1/", "/v4_6_release/"; returns "v2025_1/" or empty if not a codebase.
    static QString normaliseCodebase(const QString& text);

    bool operator==(const Site& other) const;
    bool operator!=(const Site& other) const { return !(*this == other); }

private:
    QString m_host;
    int m_port = -1;
    bool m_plainHttp = false;
    QString m_codebaseOverride;
    std::optional<Region> m_region;
};

// The outcome of Site::parse().
struct SiteParseResult
{
    std::optional<Site> site; // set when the input was accepted
    QString field; // the field name the messages talk about
    QString message; // translated: what is wrong (empty when accepted)
    QString fix; // translated: what to do about it
    bool ok() const { return site.has_value(); }
};

} // namespace Cw
