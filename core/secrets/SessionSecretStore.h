#pragma once

#include "core/secrets/InMemorySecrets.h"
#include "core/secrets/SecretStore.h"

namespace Cw {

// Session-only mode: when no keychain works, keys are held in memory for this run only and forgotten when
// the program ends. isPersistent() is false and sessionOnlyNotice() says so, for the UI to show.
class SessionSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSecretStore)

public:
    // `reason` is the keychain failure that led to session-only mode (may be empty); it is kept for the UI.
    explicit SessionSecretStore(const QString& reason = QString(), QObject* parent = nullptr);

    void read(const SecretKey& key, QObject* context, Done done) override;
    void write(const SecretKey& key, const QString& value, QObject* context, Done done) override;
    void remove(const SecretKey& key, QObject* context, Done done) override;

    bool isPersistent() const override { return false; }
    QString storageDescription() const override;

    // The keychain problem that led here, as given to the constructor.
    QString reason() const { return m_reason; }
    static QString sessionOnlyNotice();

private:
    InMemorySecrets m_secrets;
    QString m_reason;
};

} // namespace Cw
