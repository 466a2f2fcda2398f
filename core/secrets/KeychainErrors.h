#pragma once

#include "core/secrets/KeychainBackend.h"
#include "core/secrets/SecretResult.h"

#include <QCoreApplication>

namespace Cw {

// Turns what the keychain library reported into a SecretStatus and a message that says what to do.
// The OtherError texts come from toolchain.md's table of situations seen on Linux (no bus, dead bus, no
// Secret Service provider, no login collection, libsecret missing).
class KeychainErrors final
{
    Q_DECLARE_TR_FUNCTIONS(KeychainErrors)

public:
    // Which situation an error text describes.
    enum class Cause {
        None,
        NotFound,
        Locked,
        Denied,
        NoBus, // no session bus and no display to autolaunch one
        DeadBus, // DBUS_SESSION_BUS_ADDRESS points to nothing
        NoProvider, // nobody owns org.freedesktop.secrets
        NoCollection, // the default ("login") keyring does not exist
        NoLibrary, // libsecret missing ("Unknown error")
        NoBackend, // the library says there is no backend at all
        Other,
    };

    static Cause cause(const KeychainReply& reply);
    // The status and translated message for a finished job. EntryNotFound gives NotFound as-is: telling it
    // from a locked keyring needs the probe that KeychainSecretStore runs.
    static SecretResult classify(const KeychainReply& reply, const QString& instanceId, const QString& keyName);
    // Whether a job that failed like this is worth one more try after a short delay.
    static bool isRetryable(const KeychainReply& reply) { return reply.code == KeychainCode::OtherError; }

    static QString message(Cause cause, const QString& detail = QString());
};

} // namespace Cw
