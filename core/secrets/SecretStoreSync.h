#pragma once

#include "core/secrets/SecretStore.h"

namespace Cw {

// Waits for a SecretStore operation with a local event loop, for the command-line tool (never the GUI).
// Every wait is bounded: after maxWaitMs the result is TimedOut (KeychainSecretStore has its own, shorter
// timeout, so this bound is only a safety net).
namespace SecretStoreSync {

constexpr int kDefaultMaxWaitMs = 60000;

SecretResult read(SecretStore& store, const SecretKey& key, int maxWaitMs = kDefaultMaxWaitMs);
SecretResult write(SecretStore& store, const SecretKey& key, const QString& value, int maxWaitMs = kDefaultMaxWaitMs);
SecretResult remove(SecretStore& store, const SecretKey& key, int maxWaitMs = kDefaultMaxWaitMs);
SecretResult removeInstance(SecretStore& store, const QString& instanceId, int maxWaitMs = kDefaultMaxWaitMs);
// Both keys of an instance; Ok only when both are there.
SecretResult readKeys(SecretStore& store, const QString& instanceId, ApiKeyPair* keys,
                      int maxWaitMs = kDefaultMaxWaitMs);

// The general form: `start` begins an operation that reports to the given context and callback.
SecretResult wait(const std::function<void(QObject* context, SecretStore::Done done)>& start, int maxWaitMs);

} // namespace SecretStoreSync

} // namespace Cw
