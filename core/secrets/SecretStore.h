#pragma once

#include "core/secrets/SecretKey.h"
#include "core/secrets/SecretResult.h"

#include <QObject>

#include <functional>

namespace Cw {

// Where API keys live: the OS keychain (KeychainSecretStore), memory for this run only
// (SessionSecretStore), or memory for unit tests (MemorySecretStore).
//
// Every operation is asynchronous and never blocks: `done` is called exactly once, later, from the event
// loop (never before the call returns), unless `context` is destroyed first, in which case it is not called
// at all. A null context means the store itself. The GUI passes its page as context; the CLI waits with
// the helpers in SecretStoreSync.h.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using Done = std::function<void(const SecretResult& result)>;
    using KeysDone = std::function<void(const SecretResult& result, const ApiKeyPair& keys)>;

    explicit SecretStore(QObject* parent = nullptr);
    ~SecretStore() override;

    // Reads one secret; on Ok, result.value holds it. NotFound means "no such entry" (never "locked").
    virtual void read(const SecretKey& key, QObject* context, Done done) = 0;
    // Creates or replaces one secret.
    virtual void write(const SecretKey& key, const QString& value, QObject* context, Done done) = 0;
    // Removes one secret. Removing a secret that does not exist is Ok.
    virtual void remove(const SecretKey& key, QObject* context, Done done) = 0;
    // Removes every secret of an instance (SecretNames::all()); used when an instance is removed.
    virtual void removeInstance(const QString& instanceId, QObject* context, Done done);

    // False for a store that forgets everything when the program ends (session-only mode).
    virtual bool isPersistent() const = 0;
    // A translated sentence for the UI about where keys are kept, e.g. "Keys are kept in memory for this run
    // only..." for session-only mode.
    virtual QString storageDescription() const = 0;

    // Reads both keys of an instance. The result is Ok only when both are there; otherwise it is the first
    // failure (NotFound, Locked, ...), and `keys` is empty.
    void readKeys(const QString& instanceId, QObject* context, KeysDone done);

protected:
    // Calls done(result) later through the event loop, if context (or this store, when null) is still alive.
    void deliver(QObject* context, Done done, const SecretResult& result);
    // Removes the given keys one after another; the first real failure stops it. NotFound counts as removed.
    void removeEach(const QList<SecretKey>& keys, QObject* context, Done done);
};

} // namespace Cw
