#include "core/panels/PanelsLog.h"

namespace Cw {
Q_LOGGING_CATEGORY(lcPanels, "cwconnector.core.panels")
} // namespace Cw
