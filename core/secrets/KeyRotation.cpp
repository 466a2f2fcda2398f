#include "core/secrets/KeyRotation.h"

#include "core/secrets/SecretsLog.h"

#include <QPointer>

namespace Cw {

KeyRotation::KeyRotation(SecretStore& store, KeyValidator validator, QObject* parent)
    : QObject(parent), m_store(store), m_validator(std::move(validator))
{
    qRegisterMetaType<Cw::KeyRotationResult>();
}

bool KeyRotation::start(const QString& instanceId, const ApiKeyPair& newKeys)
{
    if (m_running) {
        return false;
    }
    m_running = true;
    m_instanceId = instanceId;
    m_new = newKeys;
    m_old = ApiKeyPair {};
    m_hadOldPublic = false;
    if (newKeys.publicKey.isEmpty() || newKeys.privateKey.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this]() {
                finish(KeyRotationResult::Outcome::ValidationFailed,
                       tr("Both the public and the private key are needed."));
            },
            Qt::QueuedConnection);
        return true;
    }
    readOld();
    return true;
}

void KeyRotation::readOld()
{
    // Read the old pair first: it is what a failed write restores, and a locked or missing keychain is
    // reported before anything is sent to ConnectWise.
    m_store.read(SecretKey {m_instanceId, SecretNames::publicKey()}, this, [this](const SecretResult& pub) {
        if (!pub.ok() && pub.status != SecretStatus::NotFound) {
            finish(KeyRotationResult::Outcome::KeychainFailed, pub.message, pub);
            return;
        }
        m_hadOldPublic = pub.ok();
        m_old.publicKey = pub.value;
        m_store.read(SecretKey {m_instanceId, SecretNames::privateKey()}, this, [this](const SecretResult& priv) {
            if (!priv.ok() && priv.status != SecretStatus::NotFound) {
                finish(KeyRotationResult::Outcome::KeychainFailed, priv.message, priv);
                return;
            }
            m_old.privateKey = priv.value;
            validate();
        });
    });
}

void KeyRotation::validate()
{
    QPointer<KeyRotation> self(this);
    m_validator(m_new, [self](bool passed, const QString& message) {
        if (!self || !self->m_running) {
            return;
        }
        // Continue from the event loop, whether the validator answered now or later.
        QMetaObject::invokeMethod(
            self.data(),
            [self, passed, message]() {
                if (!self) {
                    return;
                }
                if (!passed) {
                    self->finish(KeyRotationResult::Outcome::ValidationFailed,
                                 message.isEmpty() ? tr("ConnectWise did not accept the new keys.") : message);
                    return;
                }
                self->writePublic();
            },
            Qt::QueuedConnection);
    });
}

void KeyRotation::writePublic()
{
    m_store.write(SecretKey {m_instanceId, SecretNames::publicKey()}, m_new.publicKey, this,
                  [this](const SecretResult& result) {
                      if (!result.ok()) {
                          finish(KeyRotationResult::Outcome::KeychainFailed,
                                 tr("The new keys were not saved: %1").arg(result.message), result);
                          return;
                      }
                      writePrivate();
                  });
}

void KeyRotation::writePrivate()
{
    m_store.write(SecretKey {m_instanceId, SecretNames::privateKey()}, m_new.privateKey, this,
                  [this](const SecretResult& result) {
                      if (!result.ok()) {
                          restore(result);
                          return;
                      }
                      finish(KeyRotationResult::Outcome::Replaced, tr("The new API keys are saved."));
                  });
}

void KeyRotation::restore(const SecretResult& failure)
{
    qCWarning(lcSecrets) << "writing the private key failed; restoring the previous public key of" << m_instanceId;
    const SecretKey publicKey {m_instanceId, SecretNames::publicKey()};
    auto restored = [this, failure](const SecretResult& result) {
        if (!result.ok()) {
            finish(KeyRotationResult::Outcome::Inconsistent,
                   tr("The private key could not be saved (%1), and the previous public key could not be put back "
                      "(%2). The stored keys do not match: run 'cwconnector-cli instance set-keys' again.")
                       .arg(failure.message, result.message),
                   failure);
            return;
        }
        finish(KeyRotationResult::Outcome::RolledBack,
               tr("The new keys were not saved, the previous keys are kept: %1").arg(failure.message), failure);
    };
    if (m_hadOldPublic) {
        m_store.write(publicKey, m_old.publicKey, this, restored);
    } else {
        m_store.remove(publicKey, this, restored);
    }
}

void KeyRotation::finish(KeyRotationResult::Outcome outcome, const QString& message, const SecretResult& secret)
{
    m_running = false;
    m_new = ApiKeyPair {};
    m_old = ApiKeyPair {};
    KeyRotationResult result;
    result.outcome = outcome;
    result.message = message;
    result.secretResult = secret;
    result.secretResult.value.clear();
    emit finished(result);
}

} // namespace Cw
