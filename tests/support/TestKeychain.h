#pragma once

// The real keychain for tests that use it (the GUI tests compose the app with it): a service of this test process
// only, so that tests running in parallel (whose instance ids all start at 1 in fresh databases) never see each
// other's entries, and a clean-up that leaves nothing in the keyring.

#include "core/config/InstanceRepository.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTest>

namespace CwTest {

inline Cw::KeychainStoreOptions testKeychainOptions()
{
    Cw::KeychainStoreOptions options;
    options.service = QStringLiteral("cwconnector-test-%1").arg(QCoreApplication::applicationPid());
    return options;
}

// Removes the keys of every connector in database from store; false when the store did not answer in time.
inline bool removeEveryConnectorsKeys(Cw::Database& database, Cw::SecretStore& store, int timeoutMs)
{
    for (const Cw::Instance& instance : Cw::InstanceRepository(database).list()) {
        bool done = false;
        store.removeInstance(instance.keyId, nullptr, [&done](const Cw::SecretResult&) { done = true; });
        const QDeadlineTimer deadline(timeoutMs);
        while (!done && !deadline.hasExpired()) {
            QTest::qWait(10);
        }
        if (!done) {
            return false;
        }
    }
    return true;
}

} // namespace CwTest
