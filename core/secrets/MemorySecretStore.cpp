#include "core/secrets/MemorySecretStore.h"

namespace Cw {

MemorySecretStore::MemorySecretStore(QObject* parent) : SecretStore(parent) { }

bool MemorySecretStore::takeFailure(Operation operation, const SecretKey& key, SecretResult* result)
{
    for (qsizetype i = 0; i < m_failures.size(); ++i) {
        Failure& failure = m_failures[i];
        if (failure.operation != operation || failure.keyName != key.name) {
            continue;
        }
        if (failure.skip > 0) {
            --failure.skip;
            continue;
        }
        *result = m_failures.takeAt(i).result;
        return true;
    }
    return false;
}

void MemorySecretStore::read(const SecretKey& key, QObject* context, Done done)
{
    m_operations.append(QStringLiteral("read ") + key.account());
    SecretResult result;
    if (!takeFailure(Operation::Read, key, &result)) {
        result = m_secrets.read(key);
    }
    deliver(context, std::move(done), result);
}

void MemorySecretStore::write(const SecretKey& key, const QString& value, QObject* context, Done done)
{
    m_operations.append(QStringLiteral("write ") + key.account());
    SecretResult result;
    if (!takeFailure(Operation::Write, key, &result)) {
        result = m_secrets.write(key, value);
    }
    deliver(context, std::move(done), result);
}

void MemorySecretStore::remove(const SecretKey& key, QObject* context, Done done)
{
    m_operations.append(QStringLiteral("remove ") + key.account());
    SecretResult result;
    if (!takeFailure(Operation::Remove, key, &result)) {
        result = m_secrets.remove(key);
    }
    deliver(context, std::move(done), result);
}

void MemorySecretStore::failNext(Operation operation, const QString& keyName, const SecretResult& result, int skip)
{
    m_failures.append(Failure {operation, keyName, result, skip});
}

QString MemorySecretStore::storageDescription() const
{
    return tr("Keys are kept in memory (test store).");
}

} // namespace Cw
