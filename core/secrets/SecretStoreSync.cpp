#include "core/secrets/SecretStoreSync.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace Cw::SecretStoreSync {

SecretResult wait(const std::function<void(QObject* context, SecretStore::Done done)>& start, int maxWaitMs)
{
    QEventLoop loop;
    // The context dies with this function, so a callback arriving after the bound is dropped.
    auto context = std::make_unique<QObject>();
    SecretResult result = SecretResult::failure(SecretStatus::TimedOut, SecretResult::timedOutMessage(maxWaitMs));
    bool finished = false;
    start(context.get(), [&](const SecretResult& r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished) {
        QTimer bound;
        bound.setSingleShot(true);
        QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
        bound.start(maxWaitMs);
        loop.exec();
    }
    return result;
}

SecretResult read(SecretStore& store, const SecretKey& key, int maxWaitMs)
{
    return wait([&](QObject* context, SecretStore::Done done) { store.read(key, context, std::move(done)); },
                maxWaitMs);
}

SecretResult write(SecretStore& store, const SecretKey& key, const QString& value, int maxWaitMs)
{
    return wait([&](QObject* context, SecretStore::Done done) { store.write(key, value, context, std::move(done)); },
                maxWaitMs);
}

SecretResult remove(SecretStore& store, const SecretKey& key, int maxWaitMs)
{
    return wait([&](QObject* context, SecretStore::Done done) { store.remove(key, context, std::move(done)); },
                maxWaitMs);
}

SecretResult removeInstance(SecretStore& store, const QString& instanceId, int maxWaitMs)
{
    return wait(
        [&](QObject* context, SecretStore::Done done) { store.removeInstance(instanceId, context, std::move(done)); },
        maxWaitMs);
}

SecretResult readKeys(SecretStore& store, const QString& instanceId, ApiKeyPair* keys, int maxWaitMs)
{
    auto pair = std::make_shared<ApiKeyPair>();
    SecretResult result = wait(
        [&](QObject* context, SecretStore::Done done) {
            store.readKeys(instanceId, context, [pair, done](const SecretResult& r, const ApiKeyPair& k) {
                *pair = k;
                done(r);
            });
        },
        maxWaitMs);
    if (keys) {
        *keys = result.ok() ? *pair : ApiKeyPair {};
    }
    return result;
}

} // namespace Cw::SecretStoreSync
