#include "core/secrets/KeychainErrors.h"

#include <QRegularExpression>

namespace Cw {

namespace {

bool has(const QString& text, const char* needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

} // namespace

KeychainErrors::Cause KeychainErrors::cause(const KeychainReply& reply)
{
    const QString& text = reply.errorString;
    switch (reply.code) {
    case KeychainCode::NoError:
        return Cause::None;
    case KeychainCode::EntryNotFound:
        return Cause::NotFound;
    case KeychainCode::AccessDeniedByUser:
        return Cause::Denied;
    case KeychainCode::AccessDenied:
        // libsecret reports SECRET_ERROR_IS_LOCKED as AccessDenied ("Cannot create an item in a locked
        // collection"); other denials are real refusals.
        return has(text, "locked") ? Cause::Locked : Cause::Denied;
    case KeychainCode::NoBackendAvailable:
    case KeychainCode::NotImplemented:
        return Cause::NoBackend;
    case KeychainCode::CouldNotDeleteEntry:
        return has(text, "locked") ? Cause::Locked : Cause::Other;
    case KeychainCode::OtherError:
        break;
    }
    if (has(text, "autolaunch") || has(text, "$DISPLAY")) {
        return Cause::NoBus;
    }
    if (has(text, "Could not connect") || has(text, "Connection refused")) {
        return Cause::DeadBus;
    }
    // An item that vanished while the library walked the collection (another program deleted it): not
    // a missing keyring, just a race; the retry takes care of it.
    static const QRegularExpression itemPath(QStringLiteral("/collection/[^/\\s\"\u201d]+/[^/\\s\"\u201d]+"));
    if (itemPath.match(text).hasMatch()) {
        return Cause::Other;
    }
    if (has(text, "Object does not exist") || has(text, "/collection/") || has(text, "No such collection")) {
        return Cause::NoCollection;
    }
    if (has(text, "org.freedesktop.secrets") || has(text, ".service files") || has(text, "ServiceUnknown")) {
        return Cause::NoProvider;
    }
    if (has(text, "locked")) {
        return Cause::Locked;
    }
    if (text.trimmed().compare(QLatin1String("Unknown error"), Qt::CaseInsensitive) == 0) {
        return Cause::NoLibrary;
    }
    return Cause::Other;
}

QString KeychainErrors::message(Cause cause, const QString& detail)
{
    switch (cause) {
    case Cause::None:
    case Cause::NotFound:
        return QString();
    case Cause::Locked:
        return SecretResult::lockedMessage();
    case Cause::Denied:
        return tr("Access to the keychain was denied. Allow cwconnector to use the keychain (answer \"Allow\" "
                  "when asked, or check the keychain's access settings) and try again.");
    case Cause::NoBus:
        return tr("No D-Bus session bus is running, so the keychain cannot be reached. Log in to a desktop "
                  "session (or start one with dbus-run-session), start gnome-keyring (or KWallet), or use "
                  "session-only mode.");
    case Cause::DeadBus:
        return tr("The D-Bus session bus named in DBUS_SESSION_BUS_ADDRESS is not running, so the keychain cannot "
                  "be reached. Log out and in again (or unset DBUS_SESSION_BUS_ADDRESS and start a session "
                  "bus), or use session-only mode.");
    case Cause::NoProvider:
        return tr("No keychain service is running. Install and start gnome-keyring (or KWallet) and log in "
                  "again, or use session-only mode.");
    case Cause::NoCollection:
        return tr("The keychain has no default (\"login\") keyring to store keys in. Create one (log in to the "
                  "desktop once, or use \"Passwords and Keys\"), or start gnome-keyring-daemon --unlock, then "
                  "try again; or use session-only mode.");
    case Cause::NoLibrary:
        return tr("The keychain library is missing or could not be loaded. Install libsecret-1-0 and gnome-keyring "
                  "(or KWallet), then try again; or use session-only mode.");
    case Cause::NoBackend:
        return tr("No keychain is available on this system. Install and start gnome-keyring (or KWallet) and log "
                  "in again, or use session-only mode.");
    case Cause::Other:
        break;
    }
    return tr("The keychain reported an error (%1). Try again; if it keeps happening, restart the keyring service "
              "(gnome-keyring or KWallet) or use session-only mode.")
        .arg(detail.isEmpty() ? tr("no details") : detail);
}

SecretResult KeychainErrors::classify(const KeychainReply& reply, const QString& instanceId, const QString& keyName)
{
    const Cause c = cause(reply);
    switch (c) {
    case Cause::None:
        return SecretResult::success(reply.value);
    case Cause::NotFound:
        return SecretResult::failure(SecretStatus::NotFound, SecretResult::notFoundMessage(instanceId, keyName),
                                     reply.errorString);
    case Cause::Locked:
        return SecretResult::failure(SecretStatus::Locked, message(c), reply.errorString);
    case Cause::Denied:
        return SecretResult::failure(SecretStatus::Denied, message(c), reply.errorString);
    case Cause::Other:
        return SecretResult::failure(SecretStatus::Error, message(c, reply.errorString), reply.errorString);
    case Cause::NoBus:
    case Cause::DeadBus:
    case Cause::NoProvider:
    case Cause::NoCollection:
    case Cause::NoLibrary:
    case Cause::NoBackend:
        break;
    }
    return SecretResult::failure(SecretStatus::Unavailable, message(c), reply.errorString);
}

} // namespace Cw
