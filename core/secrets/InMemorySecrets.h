#pragma once

#include "core/secrets/SecretKey.h"
#include "core/secrets/SecretResult.h"

#include <QHash>

namespace Cw {

// The synchronous map behind SessionSecretStore and MemorySecretStore: same size guard and the same
// results as the keychain store, without any keychain.
class InMemorySecrets final
{
public:
    SecretResult read(const SecretKey& key) const;
    SecretResult write(const SecretKey& key, const QString& value);
    SecretResult remove(const SecretKey& key);

    bool contains(const SecretKey& key) const { return m_values.contains(key.account()); }
    int size() const { return static_cast<int>(m_values.size()); }
    QStringList accounts() const { return m_values.keys(); }
    void clear() { m_values.clear(); }

private:
    QHash<QString, QString> m_values; // account ("<instanceId>/<name>") -> secret
};

} // namespace Cw
