#include "core/check/CheckLog.h"

Q_LOGGING_CATEGORY(lcCheck, "cwconnector.core.check", QtInfoMsg)
