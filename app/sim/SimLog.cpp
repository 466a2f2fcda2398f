#include "app/sim/SimLog.h"

namespace Sim {

Q_LOGGING_CATEGORY(lcSim, "cwconnector.sim")

} // namespace Sim
