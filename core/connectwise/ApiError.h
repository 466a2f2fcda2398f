#pragma once

#include "core/connectwise/ErrorBody.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Cw {

// Every failure of a ConnectWise call, typed. message() says what happened and fix() what to do, both
// translated and free of secrets. Built by ErrorClassifier from an HTTP answer or a network error.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ApiError)

public:
    enum class Kind {
        None,
        Configuration, // our own settings are unusable (bad site, unreadable CA file, missing keys)
        UnknownCompany, // companyinfo: no such company id on that site
        KeysRejected, // 401: company id + public/private key pair not accepted
        ClientIdRejected, // 400/401/403 mentioning clientId
        PermissionDenied, // 403: the API member's security role lacks a module entry
        NotFound, // 404 (after looking the codebase up again)
        Conflict, // 409
        RateLimited, // 429 and Retry-After beyond the retry budget
        ServerError, // 5xx
        InvalidRequest, // 400 with a validation body
        UnexpectedResponse, // a status we do not expect (3xx, 405, 415, ...)
        MalformedResponse, // body is not the JSON we expect, or was cut off
        Timeout, // no data within the transfer timeout
        HostNotFound, // DNS
        ConnectionRefused, // nothing listening
        Unreachable, // network or host unreachable
        ConnectionDropped, // the server closed the connection without (a complete) answer
        Tls, // certificate or handshake problem; see tlsReasons
        Proxy, // the proxy refused or failed
        ProxyLoginRejected, // 407: the proxy wants a login and did not accept the one sent (or none was set)
        Cancelled,
    };
    enum class TlsReason { SelfSigned, Expired, NotYetValid, WrongHost, UntrustedChain, Revoked, Other };

    Kind kind = Kind::None;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    ErrorBody body; // what the server said
    QString host; // host[:port] the call went to
    QString endpoint; // path under apis/3.0 (or the companyinfo path)
    QString companyId; // for UnknownCompany / KeysRejected
    QString permission; // "Finance > Invoicing" for PermissionDenied
    QList<TlsReason> tlsReasons; // most important first
    QString detail; // technical detail (Qt's error text, certificate errors); never secrets
    int retryAfterSeconds = -1; // RateLimited: what the server asked for
    int attempts = 0; // how many times the request was sent
    bool outcomeUnknown = false; // a POST failed after it may have reached the server: reconcile first
    bool truncated = false; // MalformedResponse: the body was cut off

    bool isOk() const { return kind == Kind::None; }
    // Worth trying again later without changing any setting (rate limits, server and network trouble).
    bool isTransient() const;
    // ConnectWise could not be reached at all: DNS, connection refused, network unreachable, TLS or
    // proxy failure, a proxy login refused (the CLI's exit code 4).
    bool isUnreachable() const;

    QString message() const; // translated: what happened
    QString fix() const; // translated: what to do
    QString summary() const; // one log line: kind, status, host, endpoint, server code; no secrets

    static QString kindName(Kind kind); // stable id, e.g. "keys-rejected" (reports, logs, tests)
    static QString tlsReasonText(TlsReason reason); // translated, e.g. "the certificate is self-signed"
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::ApiError)
