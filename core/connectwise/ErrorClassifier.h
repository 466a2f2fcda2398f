#pragma once

#include "core/connectwise/ApiError.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>

namespace Cw {

// Turns what came back (an HTTP status and body, or a network error and TLS errors) into an ApiError.
// Pure functions: no network, unit-testable.
class ErrorClassifier final
{
public:
    // endpoint: the path under apis/3.0 ("finance/invoices/12"); used to name the security-role entry.
    static ApiError fromHttp(int status, const QByteArray& body, const QString& endpoint);
    static ApiError fromNetwork(QNetworkReply::NetworkError error, const QString& errorString,
                                const QList<QSslError>& sslErrors);
    static QList<ApiError::TlsReason> tlsReasons(const QList<QSslError>& sslErrors); // most important first
    static ApiError::TlsReason tlsReason(QSslError::SslError error);
    // A connection-level failure after which the same request may simply be sent again (if idempotent).
    static bool isTransientNetworkError(QNetworkReply::NetworkError error);
};

} // namespace Cw
