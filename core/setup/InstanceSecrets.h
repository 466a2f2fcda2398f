#pragma once

#include "core/config/Instance.h"
#include "core/secrets/SecretStore.h"
#include "core/secrets/SessionSecretStore.h"

#include <QObject>
#include <QSet>

namespace Cw {

// Where each connector's keys are: in the app's store (normally the keychain), or — when the admin chose
// "session-only" because the keychain could not be used — in memory for this run. One object per app,
// shared by the wizard, the check and the remove action.
class InstanceSecrets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceSecrets)

public:
    explicit InstanceSecrets(SecretStore& primary, QObject* parent = nullptr);

    // The store new keys go to: the keychain, or the session store after useSessionOnlyForAll().
    SecretStore& primary() { return m_allSession ? static_cast<SecretStore&>(m_session) : m_primary; }
    // The keychain cannot be used in this run (checked at start): every connector keeps its keys in memory.
    void useSessionOnlyForAll() { m_allSession = true; }
    bool isSessionOnlyForAll() const { return m_allSession || !m_primary.isPersistent(); }
    SessionSecretStore& session() { return m_session; }
    SecretStore& storeFor(qint64 instanceId);
    bool isSessionOnly(qint64 instanceId) const;
    void setSessionOnly(qint64 instanceId, bool sessionOnly);

    // Keys live under Instance::keyId (the database id and the connector id).
    void readKeys(const Instance& instance, QObject* context, SecretStore::KeysDone done);
    // Writes the instance's keys and its manual proxy login (removed when there is none, see
    // ConnectorSession::writeProxyLogin) into `store`, one after the other; done gets the first failure or success.
    static void writeAll(SecretStore& store, const Instance& instance, const ApiKeyPair& keys, const QString& proxyUser,
                         const QString& proxyPassword, QObject* context, SecretStore::Done done);
    // Removes the instance's entries from both stores; done gets the keychain's result.
    void removeInstance(const Instance& instance, QObject* context, SecretStore::Done done);

private:
    SecretStore& m_primary;
    SessionSecretStore m_session;
    QSet<qint64> m_sessionOnly;
    bool m_allSession = false;
};

} // namespace Cw
