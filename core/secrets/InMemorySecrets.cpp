#include "core/secrets/InMemorySecrets.h"

namespace Cw {

SecretResult InMemorySecrets::read(const SecretKey& key) const
{
    const auto it = m_values.constFind(key.account());
    if (it == m_values.constEnd()) {
        return SecretResult::failure(SecretStatus::NotFound, SecretResult::notFoundMessage(key.instanceId, key.name));
    }
    return SecretResult::success(it.value());
}

SecretResult InMemorySecrets::write(const SecretKey& key, const QString& value)
{
    if (value.toUtf8().size() > kMaxSecretBytes) {
        return SecretResult::failure(SecretStatus::Error, SecretResult::tooLargeMessage(key.name, kMaxSecretBytes));
    }
    m_values.insert(key.account(), value);
    return SecretResult::success();
}

SecretResult InMemorySecrets::remove(const SecretKey& key)
{
    m_values.remove(key.account());
    return SecretResult::success();
}

} // namespace Cw
