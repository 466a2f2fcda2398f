#include "core/store/StoreLog.h"

Q_LOGGING_CATEGORY(lcStore, "cwconnector.core.store", QtInfoMsg)
