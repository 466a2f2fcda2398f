#include "core/secrets/SecretResult.h"

namespace Cw {

QString secretStatusName(SecretStatus status)
{
    switch (status) {
    case SecretStatus::Ok:
        return QStringLiteral("Ok");
    case SecretStatus::NotFound:
        return QStringLiteral("NotFound");
    case SecretStatus::Locked:
        return QStringLiteral("Locked");
    case SecretStatus::Unavailable:
        return QStringLiteral("Unavailable");
    case SecretStatus::Denied:
        return QStringLiteral("Denied");
    case SecretStatus::TimedOut:
        return QStringLiteral("TimedOut");
    case SecretStatus::Error:
        break;
    }
    return QStringLiteral("Error");
}

SecretResult SecretResult::success(const QString& value)
{
    SecretResult result;
    result.status = SecretStatus::Ok;
    result.value = value;
    return result;
}

SecretResult SecretResult::failure(SecretStatus status, const QString& message, const QString& detail)
{
    SecretResult result;
    result.status = status;
    result.message = message;
    result.detail = detail;
    return result;
}

QString SecretResult::notFoundMessage(const QString& instanceId, const QString& keyName)
{
    return tr("No %1 is stored for the connection \"%2\". Enter the API keys again (in the wizard, or with "
              "'cwconnector-cli instance set-keys').")
        .arg(keyName, instanceId);
}

QString SecretResult::lockedMessage()
{
    return tr("The keyring is locked. Unlock it (log in to the desktop, or run gnome-keyring-daemon --unlock) "
              "and try again.");
}

QString SecretResult::timedOutMessage(int timeoutMs)
{
    return tr("The keychain did not answer within %n second(s). It may be waiting for you to unlock it in a "
              "password dialog: unlock the keyring and try again, or use session-only mode.",
              nullptr, qMax(1, (timeoutMs + 999) / 1000));
}

QString SecretResult::tooLargeMessage(const QString& keyName, int maxBytes)
{
    return tr("The %1 is too long to keep in the keychain (at most %2 bytes). Check that you pasted only the key.")
        .arg(keyName)
        .arg(maxBytes);
}

} // namespace Cw
