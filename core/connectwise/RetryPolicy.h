#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Cw {

// How often and how long a request is tried again. Retries happen for 429 (all methods: the server did not
// process the request), and for 5xx, dropped connections and cut-off answers (GET/PUT/PATCH/DELETE only).
struct RetryPolicy
{
    int maxAttempts = 4; // sends in total, the first one included; sends answered 429 do not count
    int maxTotalMs = 90000; // no retry starts, and no rate-limit pause is waited for, past this since the start
    int baseDelayMs = 400; // first backoff; doubles per retry, with jitter
    int maxDelayMs = 8000; // backoff cap
    int maxRetryAfterMs = 60000; // a 429 (or a connection's pause) longer than this is reported, not waited for
    bool retryTimeouts = false; // a transfer timeout is retried too (for idempotent methods)

    static RetryPolicy interactive() { return RetryPolicy {3, 30000, 400, 4000, 30000, false}; }
    static RetryPolicy background() { return RetryPolicy {6, 300000, 1000, 30000, 120000, true}; }
    static RetryPolicy none() { return RetryPolicy {1, 0, 0, 0, 0, false}; }

    // Backoff before retry number `retry` (1 = first retry): exponential with "equal jitter"
    // (half fixed, half random), capped at maxDelayMs.
    int backoffMs(int retry) const;

    // Retry-After as delta-seconds ("30") or HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"), in ms from `now`.
    // Returns -1 when the value is missing or unreadable; a date in the past gives 0.
    static qint64 parseRetryAfterMs(const QByteArray& value, const QDateTime& now);
};

} // namespace Cw
