#include "core/sync/SyncLog.h"

namespace Cw {
Q_LOGGING_CATEGORY(lcSync, "cwconnector.core.sync")
} // namespace Cw
