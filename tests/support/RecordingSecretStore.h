#pragma once

#include "core/secrets/SecretStore.h"

#include <QStringList>
#include <QTest>

namespace CwTest {

// A secret store that passes every call to another one (the real keychain, or memory) and records the account
// ("<instance>/<name>") of every write and remove: what a window asked the keychain to change.
class RecordingSecretStore final : public Cw::SecretStore
{
public:
    explicit RecordingSecretStore(Cw::SecretStore& inner) : m_inner(inner) { }

    void read(const Cw::SecretKey& key, QObject* context, Done done) override { m_inner.read(key, context, done); }
    void write(const Cw::SecretKey& key, const QString& value, QObject* context, Done done) override
    {
        writes.append(key.account());
        m_inner.write(key, value, context, done);
    }
    void remove(const Cw::SecretKey& key, QObject* context, Done done) override
    {
        removes.append(key.account());
        m_inner.remove(key, context, done);
    }
    bool isPersistent() const override { return m_inner.isPersistent(); }
    QString storageDescription() const override { return m_inner.storageDescription(); }

    // What `store` holds under key (empty when nothing; "(no answer)" when it did not answer in time).
    static QString value(Cw::SecretStore& store, const Cw::SecretKey& key)
    {
        QString out;
        bool done = false;
        store.read(key, &store, [&](const Cw::SecretResult& r) {
            out = r.ok() ? r.value : QString();
            done = true;
        });
        return QTest::qWaitFor([&done] { return done; }, 30000) ? out : QStringLiteral("(no answer)");
    }
    QString value(const Cw::SecretKey& key) { return value(m_inner, key); }

    QStringList writes;
    QStringList removes;

private:
    Cw::SecretStore& m_inner;
};

} // namespace CwTest
