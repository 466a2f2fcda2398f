#pragma once

#include <QLoggingCategory>

// The logging category of the secret stores. Never log secret values, only keys' names and outcomes.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
