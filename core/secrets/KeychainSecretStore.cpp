#include "core/secrets/KeychainSecretStore.h"

#include "core/secrets/KeychainBackend.h"
#include "core/secrets/KeychainOperation.h"

#include <QPointer>
#include <QUuid>

namespace Cw {

KeychainSecretStore::KeychainSecretStore(const Options& options, QObject* parent)
    : SecretStore(parent)
    , m_ownedBackend(std::make_unique<QtKeychainBackend>())
    , m_backend(*m_ownedBackend)
    , m_options(options)
{ }

KeychainSecretStore::KeychainSecretStore(KeychainBackend& backend, const Options& options, QObject* parent)
    : SecretStore(parent), m_backend(backend), m_options(options)
{ }

KeychainSecretStore::~KeychainSecretStore()
{
    // Operations are children: delete them (and so drop their pending callbacks) before the backend goes.
    qDeleteAll(findChildren<KeychainOperation*>(QString(), Qt::FindDirectChildrenOnly));
}

void KeychainSecretStore::read(const SecretKey& key, QObject* context, Done done)
{
    startOperation(static_cast<int>(KeychainOperation::Kind::Read), key, QString(), context, std::move(done));
}

void KeychainSecretStore::write(const SecretKey& key, const QString& value, QObject* context, Done done)
{
    if (value.toUtf8().size() > kMaxSecretBytes) {
        deliver(context, std::move(done),
                SecretResult::failure(SecretStatus::Error, SecretResult::tooLargeMessage(key.name, kMaxSecretBytes)));
        return;
    }
    startOperation(static_cast<int>(KeychainOperation::Kind::Write), key, value, context, std::move(done));
}

void KeychainSecretStore::remove(const SecretKey& key, QObject* context, Done done)
{
    startOperation(static_cast<int>(KeychainOperation::Kind::Remove), key, QString(), context, std::move(done));
}

void KeychainSecretStore::checkAvailable(QObject* context, Done done)
{
    startOperation(static_cast<int>(KeychainOperation::Kind::Probe),
                   SecretKey {QStringLiteral("-"), QStringLiteral("-")}, QString(), context, std::move(done));
}

void KeychainSecretStore::startOperation(int kind, const SecretKey& key, const QString& value, QObject* context,
                                         Done done)
{
    if (!key.isValid()) {
        deliver(
            context, std::move(done),
            SecretResult::failure(SecretStatus::Error, tr("Internal error: a secret needs an instance and a name.")));
        return;
    }
    KeychainOperation::Settings settings;
    settings.service = m_options.service;
    settings.probeAccount = m_probeAccount;
    settings.timeoutMs = m_options.timeoutMs;
    settings.retryDelayMs = m_options.retryDelayMs;
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    auto* operation = new KeychainOperation(
        m_backend, settings, static_cast<KeychainOperation::Kind>(kind), key, value,
        [this, hasContext, guard, done = std::move(done)](const SecretResult& result) {
            if (hasContext && !guard) {
                return; // the caller is gone
            }
            deliver(guard.data(), done, result);
        },
        this);
    operation->start();
}

QString KeychainSecretStore::storageDescription() const
{
    return tr("The API keys are stored in the system keychain.");
}

bool KeychainSecretStore::insecureFallbackUsed() const
{
    return m_ownedBackend && m_ownedBackend->anyInsecureFallback();
}

} // namespace Cw
