#include "core/connectwise/ErrorClassifier.h"

#include "core/connectwise/Endpoints.h"

#include <QRegularExpression>
#include <QStringList>

namespace Cw {

ApiError ErrorClassifier::fromHttp(int status, const QByteArray& body, const QString& endpoint)
{
    ApiError error;
    error.httpStatus = status;
    error.body = ErrorBody::parse(body);
    error.endpoint = endpoint;
    using Kind = ApiError::Kind;

    if ((status == 400 || status == 401 || status == 403) && error.body.mentions(QStringLiteral("clientid"))) {
        error.kind = Kind::ClientIdRejected;
    } else if (status == 401) {
        error.kind = Kind::KeysRejected;
    } else if (status == 403) {
        error.kind = Kind::PermissionDenied;
        error.permission = Endpoints::permissionFor(endpoint);
        if (!error.permission.contains(QLatin1Char('>'))) {
            // Not in our table: use the module and entry the server named, e.g.
            // "... access the Finance module (Invoicing) ..." -> "Finance > Invoicing".
            static const QRegularExpression named(QStringLiteral("the ([A-Za-z ]+?) module \\(([^)]+)\\)"),
                                                  QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch match = named.match(error.body.serverMessage());
            if (match.hasMatch()) {
                error.permission = match.captured(1).trimmed() + QStringLiteral(" > ") + match.captured(2).trimmed();
            }
        }
    } else if (status == 404) {
        error.kind = Kind::NotFound;
    } else if (status == 409) {
        error.kind = Kind::Conflict;
    } else if (status == 429) {
        error.kind = Kind::RateLimited;
    } else if (status == 400 || status == 422) {
        error.kind = Kind::InvalidRequest;
    } else if (status >= 500 && status <= 599) {
        error.kind = Kind::ServerError;
    } else {
        error.kind = Kind::UnexpectedResponse;
    }
    return error;
}

ApiError::TlsReason ErrorClassifier::tlsReason(QSslError::SslError error)
{
    using R = ApiError::TlsReason;
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return R::SelfSigned;
    case QSslError::CertificateExpired:
        return R::Expired;
    case QSslError::CertificateNotYetValid:
        return R::NotYetValid;
    case QSslError::HostNameMismatch:
        return R::WrongHost;
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::InvalidCaCertificate:
    case QSslError::CertificateRejected:
    case QSslError::PathLengthExceeded:
        return R::UntrustedChain;
    case QSslError::CertificateRevoked:
        return R::Revoked;
    default:
        return R::Other;
    }
}

QList<ApiError::TlsReason> ErrorClassifier::tlsReasons(const QList<QSslError>& sslErrors)
{
    using R = ApiError::TlsReason;
    static const QList<R> order = {R::SelfSigned, R::UntrustedChain, R::Expired, R::NotYetValid,
                                   R::WrongHost,  R::Revoked,        R::Other};
    QList<R> found;
    for (const QSslError& e : sslErrors) {
        const R r = tlsReason(e.error());
        if (!found.contains(r)) {
            found.append(r);
        }
    }
    QList<R> sorted;
    for (const R r : order) {
        if (found.contains(r)) {
            sorted.append(r);
        }
    }
    return sorted;
}

bool ErrorClassifier::isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

ApiError ErrorClassifier::fromNetwork(QNetworkReply::NetworkError networkError, const QString& errorString,
                                      const QList<QSslError>& sslErrors)
{
    ApiError error;
    error.detail = errorString;
    using Kind = ApiError::Kind;
    if (!sslErrors.isEmpty()) {
        error.kind = Kind::Tls;
        error.tlsReasons = tlsReasons(sslErrors);
        QStringList texts;
        for (const QSslError& e : sslErrors) {
            texts << e.errorString();
        }
        error.detail = texts.join(QStringLiteral("; "));
        return error;
    }
    switch (networkError) {
    case QNetworkReply::HostNotFoundError:
        error.kind = Kind::HostNotFound;
        break;
    case QNetworkReply::ConnectionRefusedError:
        error.kind = Kind::ConnectionRefused;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout aborts the reply
        error.kind = Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownServerError:
        error.kind = networkError == QNetworkReply::SslHandshakeFailedError ? Kind::Tls : Kind::ConnectionDropped;
        break;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // closed before answering; the body could not be sent again
        error.kind = Kind::ConnectionDropped;
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
        error.kind = Kind::Proxy;
        break;
    case QNetworkReply::ProxyAuthenticationRequiredError:
        error.kind = Kind::ProxyLoginRejected;
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        error.kind = Kind::Unreachable;
        break;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        error.kind = Kind::UnexpectedResponse;
        break;
    default:
        error.kind = Kind::Unreachable;
        break;
    }
    return error;
}

} // namespace Cw
