#include "core/secrets/SecretsLog.h"

Q_LOGGING_CATEGORY(lcSecrets, "cwconnector.core.secrets", QtInfoMsg)
