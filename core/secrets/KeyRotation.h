#pragma once

#include "core/secrets/SecretStore.h"

#include <QObject>

#include <functional>

namespace Cw {

// Tests a candidate key pair against ConnectWise and calls `report` exactly once, now or later, with
// whether the keys work and a translated message (shown to the user when they do not). The real one asks
// ConnectWise (/system/info); tests pass a fake.
using KeyValidator =
    std::function<void(const ApiKeyPair& candidate, std::function<void(bool passed, const QString& message)> report)>;

struct KeyRotationResult
{
    enum class Outcome {
        Replaced, // the new pair is stored
        ValidationFailed, // ConnectWise refused the new pair; the stored keys are untouched
        KeychainFailed, // the store failed before anything changed; the stored keys are untouched
        RolledBack, // the private key could not be written; the old public key was put back
        Inconsistent, // the private key could not be written and restoring the public key failed too
    };
    Outcome outcome = Outcome::KeychainFailed;
    QString message; // translated
    SecretResult secretResult; // the store failure behind KeychainFailed/RolledBack/Inconsistent

    bool ok() const { return outcome == Outcome::Replaced; }
};

// Replaces an instance's key pair (used by `instance set-keys` and the wizard's "change keys"): reads the
// old pair, validates the new one, writes public then private key. The new pair replaces the old only when
// validation passes, and a failure writing the private key puts the old public key back, so the store never
// keeps a half-rotated pair (except when the restore itself fails: Outcome::Inconsistent says so).
class KeyRotation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyRotation)

public:
    KeyRotation(SecretStore& store, KeyValidator validator, QObject* parent = nullptr);

    // Starts a rotation; finished() is emitted once, later. Starting while one runs is refused (returns false).
    bool start(const QString& instanceId, const ApiKeyPair& newKeys);
    bool isRunning() const { return m_running; }

signals:
    void finished(const Cw::KeyRotationResult& result);

private:
    void readOld();
    void validate();
    void writePublic();
    void writePrivate();
    void restore(const SecretResult& failure);
    void finish(KeyRotationResult::Outcome outcome, const QString& message, const SecretResult& secret = {});

    SecretStore& m_store;
    KeyValidator m_validator;
    QString m_instanceId;
    ApiKeyPair m_new;
    ApiKeyPair m_old;
    bool m_hadOldPublic = false;
    bool m_running = false;
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::KeyRotationResult)
