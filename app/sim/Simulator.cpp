#include "app/sim/Simulator.h"

#include "app/sim/ApiError.h"
#include "app/sim/Gzip.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace Sim {

namespace {
const QString kApiMarker = QStringLiteral("/apis/3.0");
const QString kReleaseCodebase = QStringLiteral("v4_6_release/");
// List replies from this size on are sent gzip-compressed to a client that accepts it.
constexpr qsizetype kGzipFromBytes = 1024;
// zlib's fastest level: dynamic replies are compressed for every request, and IIS (which serves ConnectWise Manage)
// compresses dynamic content at its lowest level unless configured otherwise (dynamicCompressionLevel 0).
constexpr int kGzipLevel = 1;

// Compresses a list reply when the request accepts gzip; returns the Content-Encoding sent ("" = none).
QByteArray offerGzip(const HttpRequest& request, HttpResponse* response)
{
    if (response->status != 200 || response->body.size() < kGzipFromBytes || !response->body.startsWith('[') ||
        !Gzip::accepted(request.header("Accept-Encoding"))) {
        return {};
    }
    response->body = Gzip::compress(response->body, kGzipLevel);
    response->setHeader("Content-Encoding", "gzip");
    response->setHeader("Vary", "Accept-Encoding");
    return "gzip";
}
} // namespace

Simulator::Simulator(SimConfig config)
    : m_config(std::move(config))
    , m_originalCodebase(m_config.codebase)
    , m_dataset(m_config.records, m_config.seed)
    , m_auth(m_config.companyId, m_config.publicKey, m_config.privateKey, m_config.clientId)
    , m_faults(m_config.faults)
    , m_router(m_dataset, m_config, m_models, m_violations)
    , m_control(*this)
{
    m_config.setCodebase(m_config.codebase);
}

HttpResponse Simulator::handle(const HttpRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    HttpResponse response = dispatch(request);
    if (!request.path.startsWith("/_sim/")) {
        ++m_requests;
        const QByteArray encoding = offerGzip(request, &response);
        m_log.record({QDateTime::currentDateTimeUtc(), request.method, request.target,
                      response.delivery == HttpResponse::Delivery::Drop ? 0 : response.status,
                      timer.elapsed() + response.delayMs, request.connection, encoding, response.body.size()});
    }
    return response;
}

HttpResponse Simulator::dispatch(const HttpRequest& request)
{
    static const QByteArray companyInfoPrefix = "/login/companyinfo/";
    if (request.path.startsWith(companyInfoPrefix)) {
        if (request.method != "GET" && request.method != "HEAD") {
            return ApiError::reply(405, QStringLiteral("MethodNotAllowed"),
                                   QStringLiteral("Only GET is supported on companyinfo"));
        }
        return companyInfo(request, QString::fromUtf8(request.path.mid(companyInfoPrefix.size())));
    }
    if (request.path.startsWith("/_sim/")) {
        return m_control.handle(request);
    }
    return api(request, QString::fromUtf8(request.path));
}

HttpResponse Simulator::api(const HttpRequest& request, const QString& path)
{
    const qsizetype marker = path.indexOf(kApiMarker);
    const qsizetype afterMarker = marker + kApiMarker.size();
    if (marker < 1 || (afterMarker < path.size() && path.at(afterMarker) != QLatin1Char('/'))) {
        return ApiError::notFound();
    }
    const QString codebase = path.mid(1, marker); // "v2025_1/"
    if (codebase.compare(m_config.codebase, Qt::CaseInsensitive) != 0 &&
        codebase.compare(kReleaseCodebase, Qt::CaseInsensitive) != 0) {
        return ApiError::notFound(QStringLiteral("The requested resource was not found. The codebase '%1' is not "
                                                 "served by this site.")
                                      .arg(codebase));
    }
    QString apiPath = path.mid(afterMarker);
    while (apiPath.startsWith(QLatin1Char('/'))) {
        apiPath.remove(0, 1);
    }
    while (apiPath.endsWith(QLatin1Char('/'))) {
        apiPath.chop(1);
    }

    auto finish = [this](HttpResponse response) {
        m_faults.shapeReply(&response);
        return response;
    };
    if (auto fault = m_faults.beforeRequest(request)) {
        return finish(*fault);
    }
    if (auto denied = m_auth.check(request)) {
        return finish(*denied);
    }
    ++m_authenticated;
    if (m_config.moveCodebaseAfter > 0 && m_authenticated == m_config.moveCodebaseAfter) {
        // The tenant is upgraded: this request still completes, the next ones use the new codebase.
        m_config.setCodebase(SimConfig::nextCodebase(m_config.codebase));
    }
    if (auto forbidden = m_faults.checkModule(apiPath)) {
        return finish(*forbidden);
    }
    const qsizetype question = request.target.indexOf('?');
    const QByteArray host = request.header("Host").isEmpty() ? QByteArray("127.0.0.1") : request.header("Host");
    const QByteArray linkBase = QByteArray(m_config.tls ? "https://" : "http://") + host +
        (question < 0 ? request.target : request.target.left(question));
    if (m_faults.ignoresForwardOnly(apiPath)) { // this endpoint knows only navigable pages
        HttpRequest navigable = request;
        navigable.headers.removeIf(
            [](const auto& h) { return h.first.compare("pagination-type", Qt::CaseInsensitive) == 0; });
        return finish(m_router.route(navigable, apiPath, linkBase));
    }
    return finish(m_router.route(request, apiPath, linkBase));
}

HttpResponse Simulator::companyInfo(const HttpRequest& request, const QString& companyId) const
{
    // The real service answers an unknown company with 200 and a JSON null.
    if (companyId.compare(m_config.companyId, Qt::CaseInsensitive) != 0) {
        return HttpResponse::json(200, "null");
    }
    const QString site = m_config.siteUrl.isEmpty() ? QString::fromUtf8(request.header("Host")) : m_config.siteUrl;
    const QJsonObject info {
        {QStringLiteral("CompanyName"), m_config.companyName},
        {QStringLiteral("Codebase"), m_config.codebase},
        {QStringLiteral("VersionCode"), m_config.versionCode},
        {QStringLiteral("VersionNumber"), m_config.versionNumber},
        {QStringLiteral("CompanyID"), m_config.companyId},
        {QStringLiteral("IsCloud"), m_config.isCloud},
        {QStringLiteral("SiteUrl"), site},
        {QStringLiteral("AllowedOrigins"), QJsonArray {QStringLiteral("*")}},
    };
    return HttpResponse::json(200, QJsonDocument(info).toJson(QJsonDocument::Compact));
}

QJsonObject Simulator::state()
{
    return QJsonObject {
        {QStringLiteral("companyId"), m_config.companyId},
        {QStringLiteral("codebase"), m_config.codebase},
        {QStringLiteral("originalCodebase"), m_originalCodebase},
        {QStringLiteral("records"), m_dataset.recordCount()},
        {QStringLiteral("seed"), QString::number(m_dataset.seed())},
        {QStringLiteral("counts"), m_dataset.counts()},
        {QStringLiteral("faults"), m_faults.settings().toJson()},
        {QStringLiteral("requestCount"), m_requests},
        {QStringLiteral("apiRequestCount"), m_faults.apiRequests()},
        {QStringLiteral("authenticatedRequestCount"), m_authenticated},
        {QStringLiteral("tls"), m_config.tls},
        {QStringLiteral("modelViolations"), static_cast<qint64>(m_violations.size())},
    };
}

} // namespace Sim
