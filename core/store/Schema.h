#pragma once

#include "core/store/Migration.h"

namespace Cw {

// The schema of this version of cwconnector, oldest migration first. To change the schema, append a
// migration (never edit a released one) and describe the change in docs/database.md.
namespace Schema {
QList<Migration> migrations();
int latestVersion();
} // namespace Schema

} // namespace Cw
