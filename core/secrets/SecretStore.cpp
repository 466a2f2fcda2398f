#include "core/secrets/SecretStore.h"

#include <QPointer>

#include <memory>

namespace Cw {

SecretStore::SecretStore(QObject* parent) : QObject(parent) { }

SecretStore::~SecretStore() = default;

void SecretStore::deliver(QObject* context, Done done, const SecretResult& result)
{
    QObject* target = context ? context : this;
    QMetaObject::invokeMethod(
        target, [done = std::move(done), result]() { done(result); }, Qt::QueuedConnection);
}

void SecretStore::removeInstance(const QString& instanceId, QObject* context, Done done)
{
    QList<SecretKey> keys;
    const QStringList names = SecretNames::all();
    for (const QString& name : names) {
        keys.append(SecretKey {instanceId, name});
    }
    removeEach(keys, context, std::move(done));
}

void SecretStore::removeEach(const QList<SecretKey>& keys, QObject* context, Done done)
{
    if (keys.isEmpty()) {
        deliver(context, std::move(done), SecretResult::success());
        return;
    }
    const SecretKey first = keys.first();
    const QList<SecretKey> rest = keys.mid(1);
    QPointer<QObject> guard(context ? context : this);
    remove(first, this, [this, rest, guard, context, done = std::move(done)](const SecretResult& result) {
        if (!guard) {
            return;
        }
        if (!result.ok() && result.status != SecretStatus::NotFound) {
            deliver(context, done, result);
            return;
        }
        removeEach(rest, context, done);
    });
}

void SecretStore::readKeys(const QString& instanceId, QObject* context, KeysDone done)
{
    QPointer<QObject> guard(context ? context : this);
    auto keys = std::make_shared<ApiKeyPair>();
    read(SecretKey {instanceId, SecretNames::publicKey()}, this,
         [this, instanceId, guard, context, keys, done = std::move(done)](const SecretResult& pub) {
             if (!guard) {
                 return;
             }
             if (!pub.ok()) {
                 deliver(
                     context, [done, pub](const SecretResult&) { done(pub, ApiKeyPair {}); }, pub);
                 return;
             }
             keys->publicKey = pub.value;
             read(SecretKey {instanceId, SecretNames::privateKey()}, this,
                  [this, guard, context, keys, done](const SecretResult& priv) {
                      if (!guard) {
                          return;
                      }
                      if (priv.ok()) {
                          keys->privateKey = priv.value;
                      }
                      SecretResult summary = priv;
                      summary.value.clear();
                      const ApiKeyPair pair = priv.ok() ? *keys : ApiKeyPair {};
                      deliver(
                          context, [done, pair](const SecretResult& r) { done(r, pair); }, summary);
                  });
         });
}

} // namespace Cw
