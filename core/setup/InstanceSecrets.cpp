#include "core/setup/InstanceSecrets.h"

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

void InstanceSecrets::readKeys(qint64 instanceId, QObject* context, SecretStore::KeysDone done)
{
    storeFor(instanceId).readKeys(QString::number(instanceId), context, std::move(done));
}

void InstanceSecrets::removeInstance(qint64 instanceId, QObject* context, SecretStore::Done done)
{
    const QString id = QString::number(instanceId);
    m_sessionOnly.remove(instanceId);
    if (m_allSession) {
        m_session.removeInstance(id, context, std::move(done));
        return;
    }
    m_session.removeInstance(id, this, [](const SecretResult&) {});
    m_primary.removeInstance(id, context, std::move(done));
}

} // namespace Cw
