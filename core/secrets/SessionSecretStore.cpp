#include "core/secrets/SessionSecretStore.h"

namespace Cw {

SessionSecretStore::SessionSecretStore(const QString& reason, QObject* parent) : SecretStore(parent), m_reason(reason)
{ }

void SessionSecretStore::read(const SecretKey& key, QObject* context, Done done)
{
    deliver(context, std::move(done), m_secrets.read(key));
}

void SessionSecretStore::write(const SecretKey& key, const QString& value, QObject* context, Done done)
{
    deliver(context, std::move(done), m_secrets.write(key, value));
}

void SessionSecretStore::remove(const SecretKey& key, QObject* context, Done done)
{
    deliver(context, std::move(done), m_secrets.remove(key));
}

QString SessionSecretStore::sessionOnlyNotice()
{
    return tr("Session-only mode: the API keys are kept in memory for this run only and are not saved. You will "
              "be asked for them again next time.");
}

QString SessionSecretStore::storageDescription() const
{
    return sessionOnlyNotice();
}

} // namespace Cw
