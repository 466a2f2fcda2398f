#include "core/setup/InstanceSecrets.h"

#include "core/config/ConnectorSession.h"
#include "core/config/InstanceConnection.h"

#include <QPointer>

namespace Cw {

InstanceSecrets::InstanceSecrets(SecretStore& primary, QObject* parent) : QObject(parent), m_primary(primary) { }

SecretStore& InstanceSecrets::storeFor(qint64 instanceId)
{
    if (m_allSession || m_sessionOnly.contains(instanceId)) {
        return m_session;
    }
    return m_primary;
}

bool InstanceSecrets::isSessionOnly(qint64 instanceId) const
{
    return isSessionOnlyForAll() || m_sessionOnly.contains(instanceId);
}

void InstanceSecrets::setSessionOnly(qint64 instanceId, bool sessionOnly)
{
    if (sessionOnly) {
        m_sessionOnly.insert(instanceId);
    } else {
        m_sessionOnly.remove(instanceId);
    }
}

void InstanceSecrets::readKeys(const Instance& instance, QObject* context, SecretStore::KeysDone done)
{
    storeFor(instance.id).readKeys(InstanceConnection::secretId(instance), context, std::move(done));
}

void InstanceSecrets::writeAll(SecretStore& store, const Instance& instance, const ApiKeyPair& keys,
                               const QString& proxyUser, const QString& proxyPassword, QObject* context,
                               SecretStore::Done done)
{
    const QString id = InstanceConnection::secretId(instance);
    SecretStore* secrets = &store;
    auto login = [secrets, instance, proxyUser, proxyPassword, context, done](const SecretResult& result) {
        if (!result.ok()) {
            done(result);
            return;
        }
        ConnectorSession::writeProxyLogin(instance, *secrets, proxyUser, proxyPassword, context, done);
    };
    store.write({id, SecretNames::publicKey()}, keys.publicKey, context,
                [secrets, id, privateKey = keys.privateKey, context, login, done](const SecretResult& result) {
                    if (!result.ok()) {
                        done(result);
                        return;
                    }
                    secrets->write({id, SecretNames::privateKey()}, privateKey, context, login);
                });
}

void InstanceSecrets::removeInstance(const Instance& instance, QObject* context, SecretStore::Done done)
{
    const QString id = InstanceConnection::secretId(instance);
    m_sessionOnly.remove(instance.id);
    if (m_allSession) {
        m_session.removeInstance(id, context, std::move(done));
        return;
    }
    m_session.removeInstance(id, this, [](const SecretResult&) {});
    m_primary.removeInstance(id, context, std::move(done));
}

} // namespace Cw
