#pragma once

#include <QLoggingCategory>

// The logging category of connector configuration (instances, mappings, export/import). Never log keys.
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
