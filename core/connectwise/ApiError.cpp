#include "core/connectwise/ApiError.h"

#include <QStringList>

namespace Cw {

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::RateLimited:
    case Kind::ServerError:
    case Kind::Timeout:
    case Kind::ConnectionDropped:
    case Kind::Unreachable:
    case Kind::MalformedResponse:
        return true;
    default:
        return false;
    }
}

bool ApiError::isUnreachable() const
{
    switch (kind) {
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::Unreachable:
    case Kind::Tls:
    case Kind::Proxy:
    case Kind::ProxyLoginRejected:
        return true;
    default:
        return false;
    }
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Configuration:
        return QStringLiteral("configuration");
    case Kind::UnknownCompany:
        return QStringLiteral("unknown-company");
    case Kind::KeysRejected:
        return QStringLiteral("keys-rejected");
    case Kind::ClientIdRejected:
        return QStringLiteral("client-id-rejected");
    case Kind::PermissionDenied:
        return QStringLiteral("permission-denied");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::ServerError:
        return QStringLiteral("server-error");
    case Kind::InvalidRequest:
        return QStringLiteral("invalid-request");
    case Kind::UnexpectedResponse:
        return QStringLiteral("unexpected-response");
    case Kind::MalformedResponse:
        return QStringLiteral("malformed-response");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::HostNotFound:
        return QStringLiteral("host-not-found");
    case Kind::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case Kind::Unreachable:
        return QStringLiteral("unreachable");
    case Kind::ConnectionDropped:
        return QStringLiteral("connection-dropped");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Proxy:
        return QStringLiteral("proxy");
    case Kind::ProxyLoginRejected:
        return QStringLiteral("proxy-login-rejected");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString ApiError::tlsReasonText(TlsReason reason)
{
    switch (reason) {
    case TlsReason::SelfSigned:
        return tr("the certificate is self-signed");
    case TlsReason::Expired:
        return tr("the certificate has expired");
    case TlsReason::NotYetValid:
        return tr("the certificate is not valid yet (check this computer's clock)");
    case TlsReason::WrongHost:
        return tr("the certificate was issued for another host name");
    case TlsReason::UntrustedChain:
        return tr("the certificate chain is incomplete or signed by an untrusted authority");
    case TlsReason::Revoked:
        return tr("the certificate has been revoked");
    case TlsReason::Other:
        return tr("the secure connection could not be set up");
    }
    return QString();
}

QString ApiError::summary() const
{
    QStringList parts {kindName(kind)};
    if (httpStatus > 0) {
        parts << QStringLiteral("http=%1").arg(httpStatus);
    }
    if (!host.isEmpty()) {
        parts << QStringLiteral("host=%1").arg(host);
    }
    if (!endpoint.isEmpty()) {
        parts << QStringLiteral("endpoint=%1").arg(endpoint);
    }
    if (!body.code.isEmpty()) {
        parts << QStringLiteral("code=%1").arg(body.code);
    }
    if (attempts > 0) {
        parts << QStringLiteral("attempts=%1").arg(attempts);
    }
    if (outcomeUnknown) {
        parts << QStringLiteral("outcome-unknown");
    }
    if (!detail.isEmpty()) {
        parts << QStringLiteral("detail=\"%1\"").arg(detail);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace Cw
