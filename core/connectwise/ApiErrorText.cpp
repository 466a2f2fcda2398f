// ApiError::message() and ApiError::fix(): the translated texts, kept apart from the type itself.
#include "core/connectwise/ApiError.h"

#include <QStringList>

namespace Cw {

namespace {
QString quoted(const QString& s)
{
    return QStringLiteral("\"%1\"").arg(s);
}
} // namespace

QString ApiError::message() const
{
    QString text;
    const QString server = body.serverMessage();
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Configuration:
        text = detail.isEmpty() ? tr("The connection settings are incomplete.") : detail;
        return text;
    case Kind::UnknownCompany:
        text = tr("ConnectWise at %1 does not know the company ID %2.").arg(host, quoted(companyId));
        break;
    case Kind::KeysRejected:
        text = tr("ConnectWise rejected the API keys for company %1 (HTTP %2).").arg(quoted(companyId)).arg(httpStatus);
        break;
    case Kind::ClientIdRejected:
        text = tr("ConnectWise rejected the integration's clientId (HTTP %1).").arg(httpStatus);
        break;
    case Kind::PermissionDenied:
        text = permission.isEmpty()
            ? tr("The API member's security role may not use %1.").arg(endpoint)
            : tr("The API member's security role lacks %1, needed for %2.").arg(permission, endpoint);
        break;
    case Kind::NotFound:
        text = tr("ConnectWise answered \"not found\" for %1.").arg(endpoint);
        break;
    case Kind::Conflict:
        text = tr("ConnectWise refused the change to %1 because the record is in use or was changed (HTTP 409).")
                   .arg(endpoint);
        break;
    case Kind::RateLimited:
        text = retryAfterSeconds >= 0
            ? tr("ConnectWise is limiting the request rate and asked to wait %n second(s).", nullptr, retryAfterSeconds)
            : tr("ConnectWise is limiting the request rate.");
        break;
    case Kind::ServerError:
        text = tr("The ConnectWise server failed with HTTP %1 after %n attempt(s).", nullptr, attempts).arg(httpStatus);
        break;
    case Kind::InvalidRequest: {
        const QStringList fields = body.fields();
        text = fields.isEmpty() ? tr("ConnectWise refused the request to %1 as invalid.").arg(endpoint)
                                : tr("ConnectWise refused the request to %1; invalid field(s): %2.")
                                      .arg(endpoint, fields.join(QStringLiteral(", ")));
        for (const ErrorBody::FieldError& e : body.errors) {
            if (!e.message.isEmpty()) {
                text += QLatin1Char(' ') + e.message;
            }
        }
        return text;
    }
    case Kind::UnexpectedResponse:
        text = tr("ConnectWise gave an unexpected answer (HTTP %1) for %2.").arg(httpStatus).arg(endpoint);
        break;
    case Kind::MalformedResponse:
        text = truncated ? tr("The answer from %1 was cut off before it was complete.").arg(host)
                         : tr("The answer from %1 is not the JSON ConnectWise sends.").arg(host);
        return text;
    case Kind::Timeout:
        text = tr("%1 did not answer in time.").arg(host);
        return text;
    case Kind::HostNotFound:
        text = tr("The host name %1 could not be found (DNS).").arg(host);
        return text;
    case Kind::ConnectionRefused:
        text = tr("%1 refused the connection: nothing is listening on that address and port.").arg(host);
        return text;
    case Kind::Unreachable:
        text = tr("%1 cannot be reached from this computer.").arg(host);
        return text;
    case Kind::ConnectionDropped:
        text = tr("%1 closed the connection without a complete answer.").arg(host);
        break;
    case Kind::Tls: {
        QStringList reasons;
        for (const TlsReason r : tlsReasons) {
            reasons << tlsReasonText(r);
        }
        if (reasons.isEmpty()) {
            reasons << tlsReasonText(TlsReason::Other);
        }
        return tr("The secure connection to %1 was refused: %2.").arg(host, reasons.join(QStringLiteral("; ")));
    }
    case Kind::Proxy:
        text = tr("The connection through the proxy failed (%1).").arg(host);
        if (!detail.isEmpty()) {
            text += QLatin1Char(' ') + detail;
        }
        return text;
    case Kind::ProxyLoginRejected:
        return tr("The proxy %1 asks for a login (HTTP 407) and did not accept the proxy user and password.").arg(host);
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    }
    if (outcomeUnknown) {
        text += QLatin1Char(' ') + tr("The record may or may not have been saved.");
    }
    if (!server.isEmpty()) {
        text += QLatin1Char(' ') + tr("Server said: %1").arg(server);
    }
    return text;
}

QString ApiError::fix() const
{
    if (outcomeUnknown) {
        // A write that failed after it may have reached the server (5xx, timeout, dropped, cut-off answer).
        return tr("Check in ConnectWise whether the record was created before sending it again.");
    }
    switch (kind) {
    case Kind::None:
    case Kind::Cancelled:
        return QString();
    case Kind::Configuration:
        return tr("Complete or correct the connection settings, then try again.");
    case Kind::UnknownCompany:
        return tr("Enter the Company field of the ConnectWise login page (a short ID such as \"acme\", not the "
                  "company's display name), and check that the site is your ConnectWise region or server.");
    case Kind::KeysRejected:
        return tr("Check the company ID and that the public and private keys belong to an API member of that "
                  "company (System > Members > API Members > API Keys). If the private key was lost, create a "
                  "new key pair.");
    case Kind::ClientIdRejected:
        return tr("The clientId must be a GUID registered at developer.connectwise.com for this integration. "
                  "Check the clientId setting, or update the application if it ships its own.");
    case Kind::PermissionDenied:
        return permission.isEmpty()
            ? tr("In ConnectWise open System > Security Roles, edit the API member's role and allow Inquire "
                 "level \"All\" for the module of %1.")
                  .arg(endpoint)
            : tr("In ConnectWise open System > Security Roles, edit the API member's role and set %1 to "
                 "Inquire level \"All\" (and Add/Edit \"All\" to push records).")
                  .arg(permission);
    case Kind::NotFound:
        return tr("Check that the record still exists. On cloud ConnectWise a 404 can also mean the keys are "
                  "wrong: run the systems check.");
    case Kind::Conflict:
        return tr("Reload the record and apply the change again.");
    case Kind::RateLimited:
        return tr("Wait a minute and try again; run fewer syncs at the same time.");
    case Kind::ServerError:
        return tr("Try again later. If it keeps failing, check ConnectWise's status page or your server's logs.");
    case Kind::InvalidRequest:
        return tr("Correct the listed fields (or their mapping) and send the record again.");
    case Kind::UnexpectedResponse:
        return tr("Check that the site address points at ConnectWise and not at a login portal or proxy page.");
    case Kind::MalformedResponse:
        return tr("Try again. If it persists, a proxy or firewall may be altering the traffic.");
    case Kind::Timeout:
        return tr("Try again; if the server is slow, raise the timeout or check the network and proxy settings.");
    case Kind::HostNotFound:
        return tr("Check the spelling of the site address and this computer's DNS or VPN connection.");
    case Kind::ConnectionRefused:
        return tr("Check the site address and port, and that the server is running.");
    case Kind::Unreachable:
        return tr("Check the network connection, VPN and firewall, or set a proxy.");
    case Kind::ConnectionDropped:
        return tr("Try again; a proxy, firewall or overloaded server may be closing connections.");
    case Kind::Tls:
        if (tlsReasons.contains(TlsReason::SelfSigned) || tlsReasons.contains(TlsReason::UntrustedChain)) {
            return tr("Install a certificate from a public authority with its full chain on the server, or select "
                      "the file of your own certificate authority (CA file) in the connection settings.");
        }
        if (tlsReasons.contains(TlsReason::Expired)) {
            return tr("Renew the server's certificate.");
        }
        if (tlsReasons.contains(TlsReason::NotYetValid)) {
            return tr("Check this computer's date and time.");
        }
        if (tlsReasons.contains(TlsReason::WrongHost)) {
            return tr("Use the host name the certificate was issued for, or reissue the certificate for %1.").arg(host);
        }
        return tr("Check the server's TLS configuration, or whether a proxy inspects TLS traffic.");
    case Kind::Proxy:
        return tr("Check the proxy settings (system, none or manual host:port) in the connection settings.");
    case Kind::ProxyLoginRejected:
        return tr("Enter the proxy user and password your network administrator gave you in Settings › Connection "
                  "(Proxy user, Proxy password; while setting up: on the wizard's first page), then try again.");
    }
    return QString();
}

} // namespace Cw
