#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/RetryPolicy.h"
#include "core/connectwise/Site.h"

#include <QCoreApplication>
#include <QString>

namespace Cw {

// Which proxy a connection's requests use. System follows the OS / environment settings.
struct ProxySettings
{
    enum class Mode { System, None, Manual };
    Mode mode = Mode::System;
    QString host; // Manual only
    quint16 port = 0; // Manual only
    // The manual proxy's login (Settings › Connection, kept in the keychain); empty user = none. Like the API keys,
    // held in memory only and never logged, exported or shown.
    QString user;
    QString password;

    bool hasLogin() const { return mode == Mode::Manual && !user.isEmpty(); }
    // Identifies the setting within this run, e.g. "manual:proxy.lan:3128", with a login
    // "manual:proxy.lan:3128:login-<digest>": two logins give two keys, but the digest is a keyed hash with a
    // random key of this process (see Connection.cpp), so a key that reaches a log tells nothing about the login.
    QString key() const;
    // For logs and reports: the key without the digest, e.g. "manual:proxy.lan:3128 (with login)".
    QString describe() const;
    bool operator==(const ProxySettings& other) const { return key() == other.key(); }
};

// Everything needed to talk to one ConnectWise tenant. A plain value: the keys are held in memory only and
// are never logged; storing them is the secrets module's job.
struct Connection
{
    Q_DECLARE_TR_FUNCTIONS(Cw::Connection)

public:
    Site site;
    QString companyId; // the login company id, e.g. "acme"
    QString clientId; // the integration's GUID (header clientId)
    QString publicKey;
    QString privateKey;
    QString codebaseOverride; // "v4_6_release/" to skip discovery; empty = site's override, else discover
    ProxySettings proxy;
    QString caFile; // extra trusted CA certificates (PEM), added to the system ones; empty = none
    int transferTimeoutMs = 30000; // no data for this long aborts the request
    RetryPolicy retry;
    // Requests of this connection on the wire at once (the RateGovernor's ceiling); 1 sends one at a time.
    int maxInFlight = 4;

    // site's override unless codebaseOverride is set; normalised ("v2025_1/") or empty.
    QString effectiveCodebaseOverride() const;
    bool hasKeys() const { return !publicKey.isEmpty() && !privateKey.isEmpty(); }
    // Configuration error when what an authenticated call needs is missing (site, company id, keys, a
    // manual proxy without host/port); kind None when usable. An empty clientId is not caught here: the
    // server's answer to it is classified as ClientIdRejected, like a wrong one.
    ApiError validateForApi() const;
    // For logs: site, company, client id, proxy and CA file; never the keys.
    QString describe() const;
};

} // namespace Cw
