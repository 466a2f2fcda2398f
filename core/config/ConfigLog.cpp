#include "core/config/ConfigLog.h"

Q_LOGGING_CATEGORY(lcConfig, "cwconnector.core.config", QtInfoMsg)
