#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Sim {

// The deliberate misbehaviour the simulator can show; all off by default. Set by flags at startup and
// replaced at runtime through POST /_sim/faults (same names, camelCase, in JSON).
struct FaultSettings
{
    int rateLimit = 0; // max API requests per window; 0 = unlimited
    int rateWindowMs = 1000;
    int retryAfter = 1; // seconds, sent in Retry-After with a 429
    int failEvery = 0; // every Kth API request answers 503 (odd occurrences) / 500 (even)
    int delayMs = 0; // every API reply is sent this much later
    int truncateEvery = 0; // every Kth API reply: headers + half the body, then close
    int dropEvery = 0; // every Kth API request: close the connection without an answer
    QStringList denyModules; // path prefixes under apis/3.0/ that answer 403

    QJsonObject toJson() const;
    // Reads the keys present in json over a default-constructed settings object; false + *error on a
    // wrong type or negative number.
    static bool fromJson(const QJsonObject& json, FaultSettings* settings, QString* error);
};

} // namespace Sim
