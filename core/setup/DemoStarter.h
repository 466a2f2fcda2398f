#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/RemoteLists.h"

#include <QtGlobal>

#include <functional>

namespace Cw {

class ApiClient;
class Database;

// The demo connector's starting configuration (sync options, server variables, lookups), made from the simulator's
// live lists and written into a connector that has none yet; a real connector never gets one.
namespace DemoStarter {

using Starter = std::function<ConnectorConfig(const RemoteLists& lists)>;

// Whether the connector instanceId still has no options and no server variables: only then is the starter applied.
bool isUntouched(Database& database, qint64 instanceId);
// Loads the lists with client (which it deletes when done), writes starter(lists) into instanceId, then done().
// A failure (lists not loaded, configuration not written) is logged and leaves the connector as it was.
void apply(Database& database, qint64 instanceId, const Starter& starter, ApiClient* client,
           std::function<void()> done);

} // namespace DemoStarter

} // namespace Cw
