#pragma once

#include "core/check/ConnectionCheck.h"
#include "core/config/ConnectorConfig.h"

#include <memory>

namespace Cw {

// The one systems check of a connector, for the desktop app and the CLI alike (PRODUCT.md: "one check"):
// until a sync option is on, every module the product may use is probed so that the security role can be
// set up in one go; afterwards only the modules the enabled options and the lookups use. With a saved
// configuration the stale-server-variable layer follows authentication.
class ConnectorCheck final
{
public:
    // The plan for a configuration (nullptr: an unsaved connection, every module).
    static CheckPlan planFor(const ConnectorConfig* config);
    static std::unique_ptr<ConnectionCheck> make(const ConnectorSession& session, const ConnectorConfig* config);
};

} // namespace Cw
