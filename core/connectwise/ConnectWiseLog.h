#pragma once

#include <QLoggingCategory>

// The logging category of everything that talks to ConnectWise. Never log keys or Authorization headers.
Q_DECLARE_LOGGING_CATEGORY(lcConnectWise)
