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
    // A GET failEvery answered keeps failing: the same target answers 500 ("Query read timeout") the next
    // failRepeat times it is asked, as a query ConnectWise cannot finish in time does.
    int failRepeat = 0;
    int delayMs = 0; // every API reply is sent this much later
    int linkMbps = 0; // the link's bandwidth in Mbit/s, shared by all connections (Sim::Link); 0 = unlimited
    int truncateEvery = 0; // every Kth API reply: headers + half the body, then close
    int dropEvery = 0; // every Kth API request: close the connection without an answer
    QStringList denyModules; // path prefixes under apis/3.0/ that answer 403
    // How a 429 looks: "json" = ConnectWise's {"error":"ConnectWiseAPI","message":"Too many requests..."};
    // "cloudflare" = the HTML page of ConnectWise's Cloudflare edge (not JSON).
    QString rateLimitBody = QStringLiteral("json");
    // Path prefixes under apis/3.0/ that do not support forward-only paging: they ignore the pagination-type
    // header and serve navigable pages (Link with page=, no pageId).
    QStringList noForwardOnly;

    QJsonObject toJson() const;
    // Reads the keys present in json over a default-constructed settings object; false + *error on a
    // wrong type, a negative number or an unknown rateLimitBody.
    static bool fromJson(const QJsonObject& json, FaultSettings* settings, QString* error);
    static bool isRateLimitBody(const QString& value);
};

} // namespace Sim
