#include "app/sim/SimOptions.h"

namespace Sim {

namespace {

QCommandLineOption option(const char* name, const QString& description, const char* valueName = nullptr,
                          const char* defaultValue = nullptr)
{
    QCommandLineOption o(QString::fromLatin1(name), description);
    if (valueName) {
        o.setValueName(QString::fromLatin1(valueName));
    }
    if (defaultValue) {
        o.setDefaultValue(QString::fromLatin1(defaultValue));
    }
    return o;
}

} // namespace

SimOptions::SimOptions()
{
    m_parser.setApplicationDescription(tr("A ConnectWise Manage (PSA) simulator on loopback. API keys come from "
                                          "CWSIM_PUBLIC_KEY / CWSIM_PRIVATE_KEY (defaults: demopublickey0001 / "
                                          "demoprivatekey0001)."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        option("port", tr("TCP port on 127.0.0.1 (0 picks a free one)."), "PORT", "0"),
        option("company", tr("The login company id (matched case-insensitively)."), "ID", "cwsim"),
        option("client-id", tr("Require this clientId header value (default: any non-empty one)."), "GUID"),
        option("codebase", tr("The tenant's codebase, e.g. v2025_1/."), "CODEBASE", "v2025_1/"),
        option("move-codebase-after", tr("Upgrade the tenant to the next codebase after N authenticated requests."),
               "N", "0"),
        option("records", tr("Number of companies; catalog items, invoices and orders scale with it."), "N", "60"),
        option("seed", tr("Seed of the generated records."), "S", "1"),
        option("tls-cert", tr("Serve HTTPS with this PEM certificate."), "FILE"),
        option("tls-key", tr("The PEM private key of --tls-cert."), "FILE"),
        option("tls-chain", tr("PEM intermediate certificates sent after --tls-cert."), "FILE"),
        option("rate-limit", tr("At most N API requests per window, then 429 with Retry-After."), "N", "0"),
        option("rate-window-ms", tr("The rate-limit window in milliseconds."), "MS", "1000"),
        option("retry-after", tr("Seconds sent in Retry-After with a 429."), "S", "1"),
        option("fail-every", tr("Every Kth API request answers 503/500."), "K", "0"),
        option("fail-repeat",
               tr("A GET that --fail-every answered fails again the next N times the same target is asked (500, "
                  "query read timeout)."),
               "N", "0"),
        option("delay-ms", tr("Send every API reply MS milliseconds late."), "MS", "0"),
        option("link-mbps",
               tr("Model a link of N Mbit/s: a bandwidth limit shared by all connections (0 = unlimited)."), "N", "0"),
        option("truncate-every", tr("Every Kth API reply is cut off after half its body."), "K", "0"),
        option("drop-every", tr("Every Kth API request gets its connection closed without an answer."), "K", "0"),
        option("deny-module", tr("Answer 403 for paths under apis/3.0/ starting with PATH (repeatable)."), "PATH"),
        option("rate-limit-body",
               tr("The body of a 429: json (ConnectWise's) or cloudflare (the edge's HTML page, not JSON)."), "KIND",
               "json"),
        option("no-forward-only",
               tr("PATH does not support forward-only paging: it ignores the pagination-type header and serves "
                  "navigable pages (repeatable)."),
               "PATH"),
        option("request-log", tr("Write one line per request to FILE ('-' = stderr); never keys."), "FILE"),
    });
}

bool SimOptions::toConfig(const QProcessEnvironment& environment, SimConfig* config, QString* error) const
{
    auto number = [this, error](const char* name, qint64 min, qint64 max, qint64* out) {
        bool ok = false;
        const qint64 value = m_parser.value(QString::fromLatin1(name)).toLongLong(&ok);
        if (!ok || value < min || value > max) {
            *error = tr("--%1 must be a number from %2 to %3").arg(QLatin1String(name)).arg(min).arg(max);
            return false;
        }
        *out = value;
        return true;
    };
    qint64 port = 0, records = 0, seed = 0, move = 0, rateLimit = 0, window = 0, retryAfter = 0, failEvery = 0,
           failRepeat = 0, delay = 0, truncateEvery = 0, dropEvery = 0, linkMbps = 0;
    constexpr qint64 big = 1000000000;
    if (!number("port", 0, 65535, &port) || !number("records", 0, 10000000, &records) ||
        !number("seed", 0, std::numeric_limits<qint64>::max(), &seed) ||
        !number("move-codebase-after", 0, big, &move) || !number("rate-limit", 0, big, &rateLimit) ||
        !number("rate-window-ms", 1, big, &window) || !number("retry-after", 0, 86400, &retryAfter) ||
        !number("fail-every", 0, big, &failEvery) || !number("fail-repeat", 0, big, &failRepeat) ||
        !number("delay-ms", 0, 600000, &delay) || !number("link-mbps", 0, 100000, &linkMbps) ||
        !number("truncate-every", 0, big, &truncateEvery) || !number("drop-every", 0, big, &dropEvery)) {
        return false;
    }
    m_port = static_cast<quint16>(port);

    SimConfig c;
    c.companyId = m_parser.value(QStringLiteral("company"));
    c.clientId = m_parser.value(QStringLiteral("client-id"));
    QString codebase = m_parser.value(QStringLiteral("codebase"));
    if (!codebase.endsWith(QLatin1Char('/'))) {
        codebase += QLatin1Char('/');
    }
    if (codebase.size() < 2 || codebase.contains(QLatin1Char(' ')) || codebase.count(QLatin1Char('/')) != 1) {
        *error = tr("--codebase must look like v2025_1/");
        return false;
    }
    c.setCodebase(codebase);
    c.moveCodebaseAfter = static_cast<int>(move);
    c.records = static_cast<int>(records);
    c.seed = static_cast<quint64>(seed);
    if (environment.contains(QStringLiteral("CWSIM_PUBLIC_KEY"))) {
        c.publicKey = environment.value(QStringLiteral("CWSIM_PUBLIC_KEY"));
    }
    if (environment.contains(QStringLiteral("CWSIM_PRIVATE_KEY"))) {
        c.privateKey = environment.value(QStringLiteral("CWSIM_PRIVATE_KEY"));
    }
    c.tlsCertFile = m_parser.value(QStringLiteral("tls-cert"));
    c.tlsKeyFile = m_parser.value(QStringLiteral("tls-key"));
    c.tlsChainFile = m_parser.value(QStringLiteral("tls-chain"));
    if (c.tlsCertFile.isEmpty() != c.tlsKeyFile.isEmpty()) {
        *error = tr("--tls-cert and --tls-key must be given together");
        return false;
    }
    c.faults.rateLimit = static_cast<int>(rateLimit);
    c.faults.rateWindowMs = static_cast<int>(window);
    c.faults.retryAfter = static_cast<int>(retryAfter);
    c.faults.failEvery = static_cast<int>(failEvery);
    c.faults.failRepeat = static_cast<int>(failRepeat);
    c.faults.delayMs = static_cast<int>(delay);
    c.faults.linkMbps = static_cast<int>(linkMbps);
    c.faults.truncateEvery = static_cast<int>(truncateEvery);
    c.faults.dropEvery = static_cast<int>(dropEvery);
    c.faults.denyModules = m_parser.values(QStringLiteral("deny-module"));
    c.faults.noForwardOnly = m_parser.values(QStringLiteral("no-forward-only"));
    c.faults.rateLimitBody = m_parser.value(QStringLiteral("rate-limit-body"));
    if (!FaultSettings::isRateLimitBody(c.faults.rateLimitBody)) {
        *error = tr("--rate-limit-body must be json or cloudflare");
        return false;
    }
    c.requestLogFile = m_parser.value(QStringLiteral("request-log"));
    *config = c;
    return true;
}

} // namespace Sim
