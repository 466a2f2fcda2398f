#pragma once

#include "core/secrets/InMemorySecrets.h"
#include "core/secrets/SecretStore.h"

#include <QList>

namespace Cw {

// An in-memory store for unit tests of logic that uses a SecretStore (instances, CLI, wizard, KeyRotation).
// It behaves like a working keychain (isPersistent() is true) and can be told to fail chosen operations.
// SessionSecretStore is the production in-memory store; this one exists so tests can inject failures.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    enum class Operation { Read, Write, Remove };

    explicit MemorySecretStore(QObject* parent = nullptr);

    void read(const SecretKey& key, QObject* context, Done done) override;
    void write(const SecretKey& key, const QString& value, QObject* context, Done done) override;
    void remove(const SecretKey& key, QObject* context, Done done) override;

    bool isPersistent() const override { return true; }
    QString storageDescription() const override;

    // Test helpers: synchronous access to the contents.
    void set(const SecretKey& key, const QString& value) { m_secrets.write(key, value); }
    QString value(const SecretKey& key) const { return m_secrets.read(key).value; }
    bool contains(const SecretKey& key) const { return m_secrets.contains(key); }
    int size() const { return m_secrets.size(); }

    // The next `operation` on `keyName` (any instance), after skipping `skip` of them, returns `result`
    // instead of touching the map.
    void failNext(Operation operation, const QString& keyName, const SecretResult& result, int skip = 0);
    // Every operation so far, as "read <account>", "write <account>", "remove <account>" (never values).
    QStringList operations() const { return m_operations; }

private:
    bool takeFailure(Operation operation, const SecretKey& key, SecretResult* result);

    struct Failure
    {
        Operation operation;
        QString keyName;
        SecretResult result;
        int skip;
    };
    InMemorySecrets m_secrets;
    QList<Failure> m_failures;
    QStringList m_operations;
};

} // namespace Cw
