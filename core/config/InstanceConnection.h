#pragma once

#include "core/config/Instance.h"
#include "core/connectwise/Connection.h"
#include "core/secrets/SecretKey.h"

#include <QCoreApplication>

#include <optional>

namespace Cw {

// Turns what is stored about an instance (settings in the database, keys from the keychain) into the
// Connection the ConnectWise client uses, and back: the one place that knows how a deployment maps to
// a site and how the proxy and CA settings carry over.
class InstanceConnection final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::InstanceConnection)

public:
    // The integration's clientId, used when an instance has none of its own.
    static QString defaultClientId() { return QStringLiteral("8f5a7c0e-2b1d-4c3e-9f6a-5d4b3a2c1e0f"); }

    // The site of an instance: its region's API host for cloud regions and staging, its own site otherwise.
    static std::optional<Site> siteFor(const Instance& instance, QString* error);
    static std::optional<Connection> connectionFor(const Instance& instance, const ApiKeyPair& keys, QString* error);

    // Fills deployment and site of *instance from what an admin typed: a region code (--region) or any
    // pasted site (--site). A pasted cloud host becomes its region; anything else is on premise.
    static bool applySite(Instance* instance, const QString& region, const QString& site, QString* error);

    // The id under which the keychain keeps an instance's keys (see Instance::keyId).
    static QString secretId(const Instance& instance) { return instance.keyId; }
};

} // namespace Cw
