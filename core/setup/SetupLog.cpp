#include "core/setup/SetupLog.h"

Q_LOGGING_CATEGORY(lcSetup, "cwconnector.core.setup", QtInfoMsg)
