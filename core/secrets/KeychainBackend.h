#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Cw {

// QKeychain::Error, mirrored so that headers stay free of QtKeychain (it is linked PRIVATE to cwcore).
enum class KeychainCode {
    NoError,
    EntryNotFound,
    CouldNotDeleteEntry,
    AccessDeniedByUser,
    AccessDenied,
    NoBackendAvailable,
    NotImplemented,
    OtherError,
};

// How one keychain job ended, as the keychain library reported it.
struct KeychainReply
{
    KeychainCode code = KeychainCode::OtherError;
    QString errorString; // the library's text, e.g. "Cannot autolaunch D-Bus without X11 $DISPLAY"
    QString value; // the secret, for a successful read
};

// Runs single keychain jobs. KeychainSecretStore adds timeouts, the retry, the locked probe and the
// messages on top; tests replace this with a fake to reach paths a real keychain cannot be forced into.
class KeychainBackend
{
public:
    enum class Operation { Read, Write, Remove };
    using Done = std::function<void(const KeychainReply& reply)>;

    KeychainBackend() = default;
    virtual ~KeychainBackend();
    KeychainBackend(const KeychainBackend&) = delete;
    KeychainBackend& operator=(const KeychainBackend&) = delete;

    // Starts one job for `account` under `service` (value only for Write). `done` is called once from the
    // event loop when the job finishes, unless `context` was destroyed first. A job may never finish (an
    // unlock dialog nobody answers): callers keep their own timeout.
    virtual void start(Operation operation, const QString& service, const QString& account, const QString& value,
                       QObject* context, Done done) = 0;
};

// The real backend: QtKeychain (Secret Service through libsecret on Linux, Credential Manager on Windows,
// Keychain on macOS). Never enables QtKeychain's insecure plaintext fallback.
class QtKeychainBackend final : public KeychainBackend
{
public:
    QtKeychainBackend() = default;

    void start(Operation operation, const QString& service, const QString& account, const QString& value,
               QObject* context, Done done) override;

    // How many jobs were started, and whether any of them had the insecure fallback on (never: tests check).
    int jobsStarted() const { return m_jobsStarted; }
    bool anyInsecureFallback() const { return m_anyInsecureFallback; }

private:
    int m_jobsStarted = 0;
    bool m_anyInsecureFallback = false;
};

} // namespace Cw
