#pragma once

#include "core/connectwise/ApiError.h"
#include "core/secrets/KeyRotation.h"

namespace Cw {

class ConnectorSession;

// A KeyValidator (see KeyRotation) that asks ConnectWise: GET /system/info with the candidate keys on
// the given connector (ConnectorSession::withKeys). It reports the typed error's message and fix when the keys do not
// work. *lastError receives the error (may be null), so callers can tell "rejected" from "unreachable".
KeyValidator connectWiseKeyValidator(const ConnectorSession& session, QObject* context, ApiError* lastError = nullptr);

} // namespace Cw
