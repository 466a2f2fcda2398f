#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/Connection.h"

#include <QList>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace Cw {

// The one place where a ConnectWise request gets its headers: Basic auth from company id and keys, the
// clientId, the pinned Accept version, the transfer timeout, the TLS configuration (system CAs plus the
// connection's CA file; errors are never ignored) and the redirect policy.
class RequestBuilder final
{
public:
    static QByteArray acceptHeader()
    {
        return QByteArrayLiteral("application/vnd.connectwise.com+json; version=2025.1");
    }

    explicit RequestBuilder(const Connection& connection);

    // Configuration error if the CA file is set but unreadable or holds no certificate.
    ApiError caError() const { return m_caError; }

    // authenticated=false gives the anonymous companyinfo request (no Authorization, no clientId).
    // followRedirects: same-origin redirects only, and never for writes.
    QNetworkRequest build(const QUrl& url, bool authenticated, bool followRedirects) const;

    static QList<QSslCertificate> loadCaFile(const QString& path, QString* error);

private:
    QByteArray m_authorization; // "Basic ..." built once; never logged
    QByteArray m_clientId;
    int m_timeoutMs = 30000;
    QList<QSslCertificate> m_extraCas;
    QSslConfiguration m_tls;
    ApiError m_caError;
};

} // namespace Cw
