#pragma once

#include "app/sim/FaultSettings.h"
#include "app/sim/HttpMessage.h"

#include <QElapsedTimer>
#include <QHash>

#include <optional>

namespace Sim {

// Applies FaultSettings to API requests. Every API request gets a number (1, 2, 3...); the "every Kth"
// faults fire on multiples of K, so tests can predict them. Counters restart when settings change.
class FaultInjector final
{
public:
    explicit FaultInjector(FaultSettings settings = {});

    const FaultSettings& settings() const { return m_settings; }
    void setSettings(const FaultSettings& settings);

    // Before authentication: rate limit (429), a failed query asked again (fail-repeat), drop, fail-every (5xx).
    // nullopt = carry on.
    std::optional<HttpResponse> beforeRequest(const HttpRequest& request);
    // After authentication: the security-role check for denied modules (403, code "Security").
    std::optional<HttpResponse> checkModule(const QString& apiPath) const;
    // Whether the endpoint at apiPath lacks forward-only paging (FaultSettings::noForwardOnly).
    bool ignoresForwardOnly(const QString& apiPath) const;
    // On every API reply: delay and truncation decided for the current request.
    void shapeReply(HttpResponse* reply) const;

    qint64 apiRequests() const { return m_count; }

    static QString moduleName(const QString& apiPath);

private:
    HttpResponse rateLimited() const; // 429 + Retry-After, in the body FaultSettings::rateLimitBody says
    static HttpResponse queryTimeout(); // ConnectWise's 500 for a query that ran out of time
    static bool underAny(const QStringList& prefixes, const QString& apiPath);

    FaultSettings m_settings;
    qint64 m_count = 0;
    int m_failures = 0;
    QHash<QByteArray, int> m_repeats; // "METHOD target" of failed requests -> how many more asks fail
    bool m_truncateCurrent = false;
    QElapsedTimer m_window;
    int m_inWindow = 0;
};

} // namespace Sim
