#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace Cw {

// The largest secret any store accepts, in UTF-8 bytes: the Windows Credential Manager's limit.
constexpr int kMaxSecretBytes = 2560;

// What a secret store operation ended with. Every status but Ok carries a translated message that says
// what happened and what the user can do about it.
enum class SecretStatus {
    Ok,
    NotFound, // no such entry (and the keyring is unlocked, so this really means "no key stored")
    Locked, // the keyring is locked
    Unavailable, // no D-Bus, no Secret Service provider, no keyring collection, no libsecret
    Denied, // the user or the system refused access
    TimedOut, // the keychain did not answer in time (e.g. an unlock dialog nobody answers)
    Error, // anything else, including a value too large for the keychain
};

// The name of a status for logs, JSON output and tests ("Ok", "NotFound", "Locked", ...). Not translated.
QString secretStatusName(SecretStatus status);

struct SecretResult
{
    Q_DECLARE_TR_FUNCTIONS(SecretResult)

public:
    SecretStatus status = SecretStatus::Error;
    QString message; // translated, for the user: what happened and what to do; empty when Ok
    QString detail; // the backend's own error text, for logs and diagnostics; never contains a secret
    QString value; // the secret, only for a successful read

    bool ok() const { return status == SecretStatus::Ok; }
    // The keychain cannot be used right now (Locked, Unavailable, Denied, TimedOut): the UI offers "Retry"
    // and session-only mode, and the CLI exits with ExitCode::KeychainUnavailable (3).
    bool keychainUnusable() const
    {
        return status == SecretStatus::Locked || status == SecretStatus::Unavailable ||
            status == SecretStatus::Denied || status == SecretStatus::TimedOut;
    }

    static SecretResult success(const QString& value = QString());
    static SecretResult failure(SecretStatus status, const QString& message, const QString& detail = QString());

    // Standard messages, shared by every store.
    static QString notFoundMessage(const QString& instanceId, const QString& keyName);
    static QString lockedMessage();
    static QString timedOutMessage(int timeoutMs);
    static QString tooLargeMessage(const QString& keyName, int maxBytes);
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::SecretResult)
