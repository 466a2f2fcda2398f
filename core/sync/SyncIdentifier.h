#pragma once

#include <QString>

namespace Cw {

// The ConnectWise identifier of a local record: deterministic (the same record always gets the same one, so a
// lost create can be found again) and collision-safe (different local ids give different identifiers even for
// equal names): up to 16 letters and digits of the name, then 8 characters of a SHA-256 of the local id (and of
// the attempt, when an identifier was already taken by a record that is not ours). 25 characters at most,
// ConnectWise's lowest identifier limit.
class SyncIdentifier final
{
public:
    static constexpr int kMaxLength = 25;
    static QString make(const QString& name, const QString& localId, int attempt = 0);
};

} // namespace Cw
