#pragma once

#include "core/config/Instance.h"
#include "core/connectwise/Site.h"

#include <QCoreApplication>

#include <optional>

namespace Cw {

// How what is stored about an instance maps to ConnectWise: the one place that knows how a deployment maps to a
// site and back, and where the keychain keeps the instance's keys. ConnectorSession builds the Connection from it.
class InstanceConnection final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::InstanceConnection)

public:
    // The site of an instance: its region's API host for cloud regions and staging, its own site otherwise.
    static std::optional<Site> siteFor(const Instance& instance, QString* error);

    // Fills deployment and site of *instance from what an admin typed: a region code (--region) or any
    // pasted site (--site). A pasted cloud host becomes its region; anything else is on premise.
    static bool applySite(Instance* instance, const QString& region, const QString& site, QString* error);

    // The id under which the keychain keeps an instance's keys (see Instance::keyId).
    static QString secretId(const Instance& instance) { return instance.keyId; }
};

} // namespace Cw
