#pragma once

#include "core/secrets/SecretStore.h"

#include <memory>

namespace Cw {

class KeychainBackend;
class QtKeychainBackend;

struct KeychainStoreOptions
{
    QString service = QStringLiteral("cwconnector");
    int timeoutMs = 10000; // for a whole operation, retry and probe included
    int retryDelayMs = 1000; // before the one retry on OtherError
};

// Keeps secrets in the OS keychain through QtKeychain: one service ("cwconnector"), one entry per
// instance and key (account "<instanceId>/<keyName>"). Never falls back to plaintext.
//
// On top of the raw keychain it adds: its own timeout (a locked keyring with a display can prompt
// forever), one retry on OtherError after a short delay, a probe that tells "not found" from "locked",
// messages for every situation (no bus, dead bus, no provider, no login keyring, ...) and a size guard
// (kMaxSecretBytes, the Windows Credential Manager's limit).
//
// After a timeout the keychain library may still be waiting on the stuck job; QtKeychain runs jobs one at
// a time per process, so later operations may time out too until the keyring answers (e.g. is unlocked).
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    using Options = KeychainStoreOptions;

    // Uses QtKeychain.
    explicit KeychainSecretStore(const Options& options = Options(), QObject* parent = nullptr);
    // Uses the given backend (not owned; it must outlive the store): for tests.
    KeychainSecretStore(KeychainBackend& backend, const Options& options, QObject* parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const SecretKey& key, QObject* context, Done done) override;
    void write(const SecretKey& key, const QString& value, QObject* context, Done done) override;
    void remove(const SecretKey& key, QObject* context, Done done) override;

    // Checks that the keychain works right now, without touching any instance's entries: writes and removes
    // a small probe entry. Ok, or Locked / Unavailable / Denied / TimedOut with the usual messages. The wizard
    // and the CLI call it before asking for keys, to offer session-only mode early.
    void checkAvailable(QObject* context, Done done);

    bool isPersistent() const override { return true; }
    QString storageDescription() const override;

    Options options() const { return m_options; }
    void setTimeout(int timeoutMs) { m_options.timeoutMs = timeoutMs; }
    void setRetryDelay(int retryDelayMs) { m_options.retryDelayMs = retryDelayMs; }

    static QString defaultService() { return QStringLiteral("cwconnector"); }
    // The account of the small entry written and removed to find out whether the keyring is locked:
    // "cwconnector-probe/<random id of this store>", so that stores in other processes (GUI and CLI at the
    // same time, parallel tests) never write and delete the same item.
    QString probeAccount() const { return m_probeAccount; }

    // False unless a QtKeychain job was ever started with the insecure plaintext fallback on. It never is;
    // tests assert it. Always false with an injected backend.
    bool insecureFallbackUsed() const;

private:
    void startOperation(int kind, const SecretKey& key, const QString& value, QObject* context, Done done);

    std::unique_ptr<QtKeychainBackend> m_ownedBackend;
    KeychainBackend& m_backend;
    Options m_options;
    QString m_probeAccount;
};

} // namespace Cw
