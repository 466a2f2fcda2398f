#include "core/connectwise/ApiClient.h"

#include "core/connectwise/CompanyLookup.h"
#include "core/connectwise/ConnectWiseLog.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/connectwise/OneShotBody.h"

#include <QNetworkReply>

namespace Cw {

ApiClient::ApiClient(const NetworkAccessFactory& network, Connection connection, QObject* parent)
    : ApiClient(network, std::move(connection), nullptr, parent)
{ }

ApiClient::ApiClient(const NetworkAccessFactory& network, Connection connection, std::shared_ptr<RateGovernor> governor,
                     QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_connection(std::move(connection))
    , m_manager(m_network.create(m_connection.proxy, this))
    , m_builder(m_connection)
    , m_governor(governor ? std::move(governor)
                          : RateGovernor::create(m_connection.maxInFlight, governorName(m_connection)))
{
    const QString codebase = m_connection.effectiveCodebaseOverride();
    if (!codebase.isEmpty()) {
        m_baseUrl = m_connection.site.apiBaseUrl(codebase);
    }
    qCDebug(lcConnectWise).noquote() << "client for" << m_connection.describe();
}

ApiClient::~ApiClient() = default;

ApiError ApiClient::setCompanyInfo(const CompanyInfo& info)
{
    QUrl base;
    const ApiError error = CompanyLookup::apiBaseUrlFor(m_connection.site, info, &base);
    if (!error.isOk()) {
        return error;
    }
    m_companyInfo = info;
    if (canRediscoverCodebase()) {
        setBaseUrl(base);
    }
    emit companyInfoChanged(info);
    return error;
}

void ApiClient::setBaseUrl(const QUrl& url)
{
    if (url == m_baseUrl) {
        return;
    }
    m_baseUrl = url;
    qCInfo(lcConnectWise).noquote() << "API base URL" << url.toString();
    emit baseUrlChanged(url);
}

ApiCall* ApiClient::send(const ApiRequest& request)
{
    auto* call = new ApiCall(this, request);
    QMetaObject::invokeMethod(call, &ApiCall::start, Qt::QueuedConnection);
    return call;
}

CompanyLookup* ApiClient::lookupCompany()
{
    auto* lookup = new CompanyLookup(this);
    connect(lookup, &CompanyLookup::finished, this, [this](const CompanyLookupResult& result) {
        if (result.ok()) {
            setCompanyInfo(result.info);
        }
    });
    QMetaObject::invokeMethod(lookup, &CompanyLookup::start, Qt::QueuedConnection);
    return lookup;
}

QString ApiClient::governorName(const Connection& connection)
{
    return connection.companyId + QLatin1Char('@') + connection.site.hostAndPort();
}

QNetworkReply* ApiClient::transmit(const ApiRequest& apiRequest, QObject* bodyParent)
{
    QNetworkRequest request = buildRequest(apiRequest.url(m_baseUrl), apiRequest);
    switch (apiRequest.method) {
    case ApiRequest::Method::Get:
        return m_manager->get(request);
    case ApiRequest::Method::Delete:
        return m_manager->deleteResource(request);
    case ApiRequest::Method::Post: {
        // Never sent twice, not even by Qt's own resend (see OneShotBody).
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setHeader(QNetworkRequest::ContentLengthHeader, apiRequest.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* body = new OneShotBody(apiRequest.body, bodyParent);
        QNetworkReply* reply = m_manager->sendCustomRequest(request, apiRequest.verb(), body);
        connect(reply, &QObject::destroyed, body, &QObject::deleteLater);
        return reply;
    }
    default:
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return m_manager->sendCustomRequest(request, apiRequest.verb(), apiRequest.body);
    }
}

QNetworkRequest ApiClient::buildRequest(const QUrl& url, const ApiRequest& request) const
{
    QNetworkRequest networkRequest =
        m_builder.build(url, request.authenticated, request.method == ApiRequest::Method::Get);
    for (const auto& header : request.headers) {
        networkRequest.setRawHeader(header.first, header.second);
    }
    return networkRequest;
}

void ApiClient::requireBaseUrl(QObject* context, Done done)
{
    if (m_baseUrl.isValid() && !m_baseUrl.isEmpty()) {
        done(ApiError());
        return;
    }
    runLookup(context, std::move(done));
}

void ApiClient::rediscoverCodebase(QObject* context, Done done)
{
    runLookup(context, std::move(done));
}

void ApiClient::runLookup(QObject* context, Done done)
{
    m_waiters.append(Waiter {context, std::move(done)});
    if (m_lookup) {
        return; // one lookup serves every call waiting for it
    }
    m_lookup = new CompanyLookup(this);
    connect(m_lookup, &CompanyLookup::finished, this, &ApiClient::onLookupFinished);
    QMetaObject::invokeMethod(m_lookup, &CompanyLookup::start, Qt::QueuedConnection);
}

void ApiClient::onLookupFinished(const CompanyLookupResult& result)
{
    m_lookup = nullptr;
    ApiError error = result.error;
    if (result.ok()) {
        error = setCompanyInfo(result.info);
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter& waiter : waiters) {
        if (waiter.context) {
            waiter.done(error);
        }
    }
}

} // namespace Cw
