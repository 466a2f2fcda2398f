#include "core/connectwise/ConnectWiseLog.h"

Q_LOGGING_CATEGORY(lcConnectWise, "cwconnector.core.connectwise", QtInfoMsg)
