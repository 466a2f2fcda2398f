#pragma once

#include <QLoggingCategory>

// The logging category of the database layer. Never log a database password (DatabaseLocation::displayName()
// leaves it out) or any key.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
