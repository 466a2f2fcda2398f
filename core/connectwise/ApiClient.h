#pragma once

#include "core/connectwise/ApiCall.h"
#include "core/connectwise/ApiRequest.h"
#include "core/connectwise/CompanyInfo.h"
#include "core/connectwise/Connection.h"
#include "core/connectwise/RateGovernor.h"
#include "core/connectwise/RequestBuilder.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkReply;

namespace Cw {

class CompanyLookup;
class NetworkAccessFactory;
struct CompanyLookupResult;

// The one request pipeline to a ConnectWise tenant. Holds the Connection (keys in memory only), finds the
// base URL (codebase override, or companyinfo on first use), and makes ApiCalls that carry auth, clientId,
// the pinned Accept version, timeout, TLS and retry behaviour (see ApiCall). Every request passes the client's
// RateGovernor: give all clients of one connection the same one (ConnectorSession and ClientThread do), or each
// makes its own (Connection::maxInFlight requests at once).
//
// Each client has a QNetworkAccessManager of its own, made by the NetworkAccessFactory it is given (with the
// connection's proxy: Qt keeps proxies per manager) in the thread it is constructed in. The app does not build
// clients itself: a ConnectorSession opens a connector and builds its clients.
//
//   auto* client = session.newClient(this);     // or new Cw::ApiClient(network, connection, governor, this)
//   Cw::ApiCall* call = client->send(Cw::ApiRequest::get(Cw::Endpoints::systemInfo()));
//   connect(call, &Cw::ApiCall::finished, this, [](const Cw::ApiResult& r) { ... });
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    // network must outlive the client (it makes the manager here, and the managers of ClientThread clones).
    ApiClient(const NetworkAccessFactory& network, Connection connection, QObject* parent = nullptr);
    // governor: the connection's, shared with its other clients; null = a new one of connection.maxInFlight.
    ApiClient(const NetworkAccessFactory& network, Connection connection, std::shared_ptr<RateGovernor> governor,
              QObject* parent = nullptr);
    ~ApiClient() override;

    const Connection& connection() const { return m_connection; }
    QNetworkAccessManager* networkAccessManager() const { return m_manager; }
    // What made this client's manager; clones of the client (ClientThread) get theirs from it too.
    const NetworkAccessFactory& networkFactory() const { return m_network; }
    // The gate of this client's requests; hand it to every other client of the same connection.
    std::shared_ptr<RateGovernor> governor() const { return m_governor; }

    // {scheme}://{api host}/{codebase}apis/3.0, empty until known (override or companyinfo).
    QUrl baseUrl() const { return m_baseUrl; }
    std::optional<CompanyInfo> companyInfo() const { return m_companyInfo; }
    // Uses an answer the caller already has (e.g. from the wizard's lookup) instead of asking again.
    // Returns a Configuration error (and changes nothing) if the answer cannot be used with this site.
    ApiError setCompanyInfo(const CompanyInfo& info);

    // Starts the call on the next event-loop turn; connect to its finished() signal right away.
    ApiCall* send(const ApiRequest& request);
    // GET /login/companyinfo/{companyId}; on success the client also adopts the answer.
    CompanyLookup* lookupCompany();

    ApiError caError() const { return m_builder.caError(); }
    bool canRediscoverCodebase() const { return m_connection.effectiveCodebaseOverride().isEmpty(); }

signals:
    void baseUrlChanged(const QUrl& baseUrl);
    // The client adopted a company lookup's answer (its own, or one given to setCompanyInfo()).
    void companyInfoChanged(const Cw::CompanyInfo& info);

private:
    friend class ApiCall;
    friend class CompanyLookup;
    using Done = std::function<void(const ApiError&)>;

    static QString governorName(const Connection& connection);
    QNetworkRequest buildRequest(const QUrl& url, const ApiRequest& request) const;
    // Sends one attempt to the base URL (a POST body is parented to bodyParent).
    QNetworkReply* transmit(const ApiRequest& request, QObject* bodyParent);
    void requireBaseUrl(QObject* context, Done done);
    void rediscoverCodebase(QObject* context, Done done);
    void runLookup(QObject* context, Done done);
    void onLookupFinished(const CompanyLookupResult& result);
    void setBaseUrl(const QUrl& url);

    struct Waiter
    {
        QPointer<QObject> context;
        Done done;
    };

    const NetworkAccessFactory& m_network;
    Connection m_connection;
    QNetworkAccessManager* m_manager;
    RequestBuilder m_builder;
    std::shared_ptr<RateGovernor> m_governor;
    QUrl m_baseUrl;
    std::optional<CompanyInfo> m_companyInfo;
    QPointer<CompanyLookup> m_lookup;
    QList<Waiter> m_waiters;
};

} // namespace Cw
