#pragma once

#include <QLoggingCategory>

// The logging category of the setup flow (wizard state, draft, save, check). Never log keys.
Q_DECLARE_LOGGING_CATEGORY(lcSetup)
