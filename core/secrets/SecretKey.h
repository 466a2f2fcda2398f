#pragma once

#include <QString>
#include <QStringList>

namespace Cw {

// The names of the secrets an instance keeps.
namespace SecretNames {
inline QString publicKey()
{
    return QStringLiteral("publicKey");
}
inline QString privateKey()
{
    return QStringLiteral("privateKey");
}
// The login of a manual proxy (Settings › Connection): kept here only, never in the database or a log.
inline QString proxyUser()
{
    return QStringLiteral("proxyUser");
}
inline QString proxyPassword()
{
    return QStringLiteral("proxyPassword");
}
// Every name an instance may have in a store; SecretStore::removeInstance() removes all of them.
inline QStringList all()
{
    return {publicKey(), privateKey(), proxyUser(), proxyPassword()};
}
} // namespace SecretNames

// Names one secret: the instance it belongs to and the key's name ("publicKey", "privateKey").
struct SecretKey
{
    QString instanceId;
    QString name;

    // The keychain account name, "<instanceId>/<name>" (one service, "cwconnector", holds every entry).
    QString account() const { return instanceId + QLatin1Char('/') + name; }
    bool isValid() const { return !instanceId.isEmpty() && !name.isEmpty(); }
    bool operator==(const SecretKey& other) const { return instanceId == other.instanceId && name == other.name; }
};

// A ConnectWise API key pair. Never log or print either half.
struct ApiKeyPair
{
    QString publicKey;
    QString privateKey;

    bool isEmpty() const { return publicKey.isEmpty() && privateKey.isEmpty(); }
    bool operator==(const ApiKeyPair& other) const
    {
        return publicKey == other.publicKey && privateKey == other.privateKey;
    }
};

} // namespace Cw
