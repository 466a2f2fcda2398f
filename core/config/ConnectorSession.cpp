#include "core/config/ConnectorSession.h"

#include "core/config/ConfigLog.h"
#include "core/config/InstanceConnection.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/RateGovernor.h"
#include "core/secrets/SecretStore.h"

#include <QMutex>
#include <QMutexLocker>
#include <QPointer>

namespace Cw {

namespace {
// The integration's clientId, used when an instance has none of its own.
const QString kDefaultClientId = QStringLiteral("8f5a7c0e-2b1d-4c3e-9f6a-5d4b3a2c1e0f");
} // namespace

// What every copy of a session and every client it built share, across threads.
struct ConnectorSession::Shared
{
    std::shared_ptr<RateGovernor> governor;
    mutable QMutex mutex;
    std::optional<CompanyInfo> companyInfo; // guarded by mutex
};

ConnectorSession::ConnectorSession(Instance instance, Connection connection, const NetworkAccessFactory& network,
                                   std::shared_ptr<Shared> shared)
    : m_instance(std::move(instance))
    , m_connection(std::move(connection))
    , m_network(&network)
    , m_shared(std::move(shared))
{ }

std::optional<ConnectorSession> ConnectorSession::open(const Instance& instance, const ApiKeyPair& keys,
                                                       const NetworkAccessFactory& network, QString* error)
{
    const std::optional<Connection> connection = connectionFor(instance, keys, error);
    if (!connection) {
        return std::nullopt;
    }
    return forConnection(*connection, network).withInstance(instance);
}

void ConnectorSession::open(const Instance& instance, SecretStore& store, const NetworkAccessFactory& network,
                            QObject* context, OpenDone done)
{
    const NetworkAccessFactory* factory = &network;
    SecretStore* secrets = &store;
    // The store calls back only while context lives (or, null, the store itself): context is alive in the callback.
    store.readKeys(InstanceConnection::secretId(instance), context,
                   [instance, factory, secrets, context, done = std::move(done)](const SecretResult& result,
                                                                                 const ApiKeyPair& keys) {
                       if (!result.ok()) {
                           OpenedSession opened;
                           opened.keys = result;
                           opened.error = result.message;
                           done(opened);
                           return;
                       }
                       readProxyLogin(instance, *secrets, context,
                                      [instance, keys, factory, result,
                                       done](const SecretResult& login, const QString& user, const QString& password) {
                                          OpenedSession opened;
                                          opened.keys = login.ok() ? result : login;
                                          if (!login.ok()) {
                                              opened.error = login.message;
                                          } else if (const auto session =
                                                         open(instance, keys, *factory, &opened.error)) {
                                              opened.session = session->withProxyLogin(user, password);
                                          }
                                          done(opened);
                                      });
                   });
}

void ConnectorSession::readProxyLogin(const Instance& instance, SecretStore& store, QObject* context,
                                      ProxyLoginDone done)
{
    if (instance.proxyMode != Instance::ProxyMode::Manual) {
        done(SecretResult::success(), QString(), QString());
        return;
    }
    // A login that cannot be read (the keychain locked since the keys were read) is a failure: without it the proxy
    // would answer 407 to every request.
    auto failed = [done](const SecretResult& result) {
        SecretResult failure = result;
        failure.message = tr("The proxy login could not be read: %1").arg(result.message);
        done(failure, QString(), QString());
    };
    const QString id = InstanceConnection::secretId(instance);
    SecretStore* secrets = &store;
    store.read({id, SecretNames::proxyUser()}, context, [secrets, id, context, done, failed](const SecretResult& user) {
        if (user.status == SecretStatus::NotFound || (user.ok() && user.value.isEmpty())) {
            done(SecretResult::success(), QString(), QString()); // no login saved
            return;
        }
        if (!user.ok()) {
            failed(user);
            return;
        }
        secrets->read({id, SecretNames::proxyPassword()}, context,
                      [done, failed, name = user.value](const SecretResult& password) {
                          if (!password.ok() && password.status != SecretStatus::NotFound) {
                              failed(password);
                              return;
                          }
                          done(SecretResult::success(), name, password.value);
                      });
    });
}

void ConnectorSession::writeProxyLogin(const Instance& instance, SecretStore& store, const QString& user,
                                       const QString& password, QObject* context,
                                       std::function<void(const SecretResult&)> done)
{
    const bool manual = instance.proxyMode == Instance::ProxyMode::Manual;
    const QString id = InstanceConnection::secretId(instance);
    const SecretKey userKey {id, SecretNames::proxyUser()};
    const SecretKey passwordKey {id, SecretNames::proxyPassword()};
    auto finish = [done](const SecretResult& result) {
        if (result.ok() || result.status == SecretStatus::NotFound) {
            done(SecretResult::success());
            return;
        }
        SecretResult failure = result;
        failure.message = tr("The proxy login could not be saved: %1").arg(result.message);
        done(failure);
    };
    SecretStore* secrets = &store;
    if (!manual || user.trimmed().isEmpty()) {
        store.remove(userKey, context, [secrets, passwordKey, context, finish](const SecretResult&) {
            secrets->remove(passwordKey, context, finish);
        });
        return;
    }
    store.write(userKey, user.trimmed(), context,
                [secrets, passwordKey, password, context, finish](const SecretResult& result) {
                    if (!result.ok()) {
                        finish(result);
                        return;
                    }
                    secrets->write(passwordKey, password, context, finish);
                });
}

ConnectorSession ConnectorSession::forConnection(const Connection& connection, const NetworkAccessFactory& network)
{
    auto shared = std::make_shared<Shared>();
    shared->governor = RateGovernor::create(connection.maxInFlight,
                                            connection.companyId + QLatin1Char('@') + connection.site.hostAndPort());
    qCDebug(lcConfig).noquote() << "session for" << connection.describe() << "with" << connection.maxInFlight
                                << "requests in flight";
    return ConnectorSession(Instance(), connection, network, std::move(shared));
}

ConnectorSession ConnectorSession::withInstance(const Instance& instance) const
{
    ConnectorSession copy = *this;
    copy.m_instance = instance;
    return copy;
}

ConnectorSession ConnectorSession::withKeys(const ApiKeyPair& keys) const
{
    ConnectorSession copy = *this;
    copy.m_connection.publicKey = keys.publicKey;
    copy.m_connection.privateKey = keys.privateKey;
    return copy;
}

ConnectorSession ConnectorSession::withProxyLogin(const QString& user, const QString& password) const
{
    ConnectorSession copy = *this;
    const bool manual = copy.m_connection.proxy.mode == ProxySettings::Mode::Manual;
    copy.m_connection.proxy.user = manual ? user : QString();
    copy.m_connection.proxy.password = manual && !user.isEmpty() ? password : QString();
    return copy;
}

std::shared_ptr<RateGovernor> ConnectorSession::governor() const
{
    return m_shared->governor;
}

std::optional<CompanyInfo> ConnectorSession::companyInfo() const
{
    const QMutexLocker lock(&m_shared->mutex);
    return m_shared->companyInfo;
}

void ConnectorSession::setCompanyInfo(const CompanyInfo& info) const
{
    const QMutexLocker lock(&m_shared->mutex);
    m_shared->companyInfo = info;
}

ApiClient* ConnectorSession::newClient(QObject* parent) const
{
    auto* client = new ApiClient(*m_network, m_connection, m_shared->governor, parent);
    if (const std::optional<CompanyInfo> known = companyInfo()) {
        client->setCompanyInfo(*known); // found by an earlier client of the session: no second lookup
    }
    // Whatever this client finds is kept for the session's later clients (in any thread: the state is locked).
    QObject::connect(client, &ApiClient::companyInfoChanged, client, [shared = m_shared](const CompanyInfo& info) {
        const QMutexLocker lock(&shared->mutex);
        shared->companyInfo = info;
    });
    return client;
}

std::optional<Connection> ConnectorSession::connectionFor(const Instance& instance, const ApiKeyPair& keys,
                                                          QString* error)
{
    const auto site = InstanceConnection::siteFor(instance, error);
    if (!site) {
        return std::nullopt;
    }
    Connection c;
    c.site = *site;
    c.companyId = instance.companyId;
    c.clientId = instance.clientId.isEmpty() ? kDefaultClientId : instance.clientId;
    c.publicKey = keys.publicKey;
    c.privateKey = keys.privateKey;
    c.codebaseOverride = instance.codebaseOverride;
    c.caFile = instance.caFile;
    c.maxInFlight = instance.maxInFlight;
    switch (instance.proxyMode) {
    case Instance::ProxyMode::System:
        c.proxy.mode = ProxySettings::Mode::System;
        break;
    case Instance::ProxyMode::None:
        c.proxy.mode = ProxySettings::Mode::None;
        break;
    case Instance::ProxyMode::Manual:
        c.proxy.mode = ProxySettings::Mode::Manual;
        c.proxy.host = instance.proxyHost;
        c.proxy.port = static_cast<quint16>(instance.proxyPort);
        break;
    }
    return c;
}

} // namespace Cw
