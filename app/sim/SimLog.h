#pragma once

#include <QLoggingCategory>

namespace Sim {

// The simulator's logging category: cwconnector.sim (never logs keys or Authorization headers).
Q_DECLARE_LOGGING_CATEGORY(lcSim)

} // namespace Sim
