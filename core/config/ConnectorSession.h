#pragma once

#include "core/config/Instance.h"
#include "core/connectwise/CompanyInfo.h"
#include "core/connectwise/Connection.h"
#include "core/secrets/SecretKey.h"
#include "core/secrets/SecretResult.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace Cw {

class ApiClient;
class NetworkAccessFactory;
class RateGovernor;
class SecretStore;
struct OpenedSession;

// An open connector: the one place where a connector becomes something that talks to ConnectWise. It turns the
// instance's settings (deployment and site, company id, client id, private CA file, proxy, requests in flight)
// and its keys into the Connection, and builds every ApiClient of the connector: each with a network manager of
// its own from the injected NetworkAccessFactory, all behind the session's one RateGovernor (a 429 on any request
// pauses them all), and all handed the company info as soon as any of them has found it (one companyinfo lookup
// per session; ClientThread clones adopt it from their source client).
//
// The GUI (check, sync now, the settings' live lists, the wizard's probes), the CLI, the systems check and the
// sync open connectors through it. A session is a small value: copies share the governor and the company info,
// so a copy handed to a worker thread is the same session. newClient() may be called from any thread.
//
//   ConnectorSession::open(instance, store, network, this, [this](const OpenedSession& opened) {
//       if (!opened.session) { show(opened.error); return; }
//       m_check = new ConnectionCheck(*opened.session, plan, this);   // or: opened.session->newClient(this)
//   });
class ConnectorSession final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ConnectorSession)

public:
    using OpenDone = std::function<void(const OpenedSession& opened)>;

    // Opens a connector with keys the caller has (the wizard's draft, an ad-hoc check, keys being tried; empty keys
    // for the company lookup). nullopt with *error (translated, naming the field) when the settings make no
    // connection. network must outlive the session and its clients.
    static std::optional<ConnectorSession> open(const Instance& instance, const ApiKeyPair& keys,
                                                const NetworkAccessFactory& network, QString* error);
    // Opens a saved connector: reads its keys from `store` (asynchronously) and, with a manual proxy, the proxy's
    // login (SecretNames::proxyUser / proxyPassword; none saved: no login), then as above. `done` runs in context's
    // thread, unless context is destroyed first.
    static void open(const Instance& instance, SecretStore& store, const NetworkAccessFactory& network,
                     QObject* context, OpenDone done);
    using ProxyLoginDone =
        std::function<void(const SecretResult& result, const QString& user, const QString& password)>;
    // Reads a saved connector's manual proxy login (open() does; so does a caller that opens with keys it has, for a
    // saved connector). Ok with an empty user when the proxy is not manual or no login is saved; otherwise the
    // store's failure, its message saying it was the proxy login. `done` may run before this returns.
    static void readProxyLogin(const Instance& instance, SecretStore& store, QObject* context, ProxyLoginDone done);
    // Saves a connector's manual proxy login in `store` (the wizard's Save, Settings › Connection); without a manual
    // proxy or with an empty user, removes it. `done` gets the store's result (an entry that was not there to
    // remove is success), its message saying it was the proxy login.
    static void writeProxyLogin(const Instance& instance, SecretStore& store, const QString& user,
                                const QString& password, QObject* context,
                                std::function<void(const SecretResult&)> done);
    // A session for a Connection given as it is (tests and benchmarks; the app opens instances).
    static ConnectorSession forConnection(const Connection& connection, const NetworkAccessFactory& network);

    const Instance& instance() const { return m_instance; } // empty for forConnection()
    const Connection& connection() const { return m_connection; }
    const NetworkAccessFactory& network() const { return *m_network; }
    std::shared_ptr<RateGovernor> governor() const;
    // The company info once a client of the session has found it (or it was given with setCompanyInfo()).
    std::optional<CompanyInfo> companyInfo() const;
    // An answer the caller already has (the wizard's lookup); every client built afterwards adopts it.
    void setCompanyInfo(const CompanyInfo& info) const;

    // A new client of this connector in the calling thread, owned by parent. Thread-safe.
    ApiClient* newClient(QObject* parent = nullptr) const;
    // The same connector with other keys (keys being checked before they are saved): same governor, same company.
    ConnectorSession withKeys(const ApiKeyPair& keys) const;
    // The same connector with the manual proxy's login (ignored unless the proxy is manual; an empty user: none).
    ConnectorSession withProxyLogin(const QString& user, const QString& password) const;

private:
    struct Shared;
    ConnectorSession(Instance instance, Connection connection, const NetworkAccessFactory& network,
                     std::shared_ptr<Shared> shared);
    ConnectorSession withInstance(const Instance& instance) const;
    static std::optional<Connection> connectionFor(const Instance& instance, const ApiKeyPair& keys, QString* error);

    Instance m_instance;
    Connection m_connection;
    const NetworkAccessFactory* m_network;
    std::shared_ptr<Shared> m_shared;
};

// How opening a saved connector ended: a session, or why not.
struct OpenedSession
{
    std::optional<ConnectorSession> session;
    SecretResult keys; // the secret store's answer; not ok() when the keys could not be read
    QString error; // translated, empty with a session: the store's message, or what is wrong with the settings
};

} // namespace Cw
