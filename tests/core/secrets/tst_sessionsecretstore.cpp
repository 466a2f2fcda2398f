// SessionSecretStore (session-only mode) and MemorySecretStore (tests' store), and the blocking helpers.
#include "core/secrets/MemorySecretStore.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/secrets/SessionSecretStore.h"

#include <QTest>

using namespace Cw;

class TestSessionSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void sessionStoreSaysItIsSessionOnly();
    void roundTripAndRemoveInstance();
    void sizeGuardLikeTheKeychain();
    void callbacksAreAsynchronousAndDroppedWithContext();
    void memoryStoreInjectsFailuresAndLogsWithoutValues();
    void syncWaitIsBounded();
};

void TestSessionSecretStore::sessionStoreSaysItIsSessionOnly()
{
    SessionSecretStore store(QStringLiteral("No keychain service is running."));
    QVERIFY(!store.isPersistent());
    QVERIFY(store.storageDescription().contains(QLatin1String("this run only")));
    QVERIFY(SessionSecretStore::sessionOnlyNotice().contains(QLatin1String("Session-only")));
    QCOMPARE(store.reason(), QStringLiteral("No keychain service is running."));
    MemorySecretStore memory;
    QVERIFY(memory.isPersistent());
}

void TestSessionSecretStore::roundTripAndRemoveInstance()
{
    SessionSecretStore store;
    const SecretKey pub {QStringLiteral("a"), SecretNames::publicKey()};
    const SecretKey priv {QStringLiteral("a"), SecretNames::privateKey()};
    const SecretKey otherPub {QStringLiteral("b"), SecretNames::publicKey()};
    QCOMPARE(SecretStoreSync::read(store, pub).status, SecretStatus::NotFound);
    QVERIFY(SecretStoreSync::write(store, pub, QStringLiteral("P")).ok());
    QVERIFY(SecretStoreSync::write(store, priv, QStringLiteral("Q")).ok());
    QVERIFY(SecretStoreSync::write(store, otherPub, QStringLiteral("R")).ok());
    QCOMPARE(SecretStoreSync::read(store, pub).value, QStringLiteral("P"));
    QCOMPARE(SecretStoreSync::removeInstance(store, QStringLiteral("a")).status, SecretStatus::Ok);
    QCOMPARE(SecretStoreSync::read(store, pub).status, SecretStatus::NotFound);
    QCOMPARE(SecretStoreSync::read(store, priv).status, SecretStatus::NotFound);
    QCOMPARE(SecretStoreSync::read(store, otherPub).value, QStringLiteral("R"));
    QCOMPARE(SecretStoreSync::remove(store, pub).status, SecretStatus::Ok); // removing nothing is fine
}

void TestSessionSecretStore::sizeGuardLikeTheKeychain()
{
    SessionSecretStore store;
    const SecretKey pub {QStringLiteral("a"), SecretNames::publicKey()};
    const SecretResult result = SecretStoreSync::write(store, pub, QString(kMaxSecretBytes + 1, QLatin1Char('x')));
    QCOMPARE(result.status, SecretStatus::Error);
    QVERIFY(result.message.contains(QLatin1String("publicKey")));
    QCOMPARE(SecretStoreSync::read(store, pub).status, SecretStatus::NotFound);
}

void TestSessionSecretStore::callbacksAreAsynchronousAndDroppedWithContext()
{
    SessionSecretStore store;
    int calls = 0;
    auto context = std::make_unique<QObject>();
    store.write(SecretKey {QStringLiteral("a"), SecretNames::publicKey()}, QStringLiteral("P"), context.get(),
                [&](const SecretResult&) { ++calls; });
    QCOMPARE(calls, 0);
    context.reset();
    bool done = false;
    store.read(SecretKey {QStringLiteral("a"), SecretNames::publicKey()}, nullptr,
               [&](const SecretResult& r) { done = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(calls, 0);
}

void TestSessionSecretStore::memoryStoreInjectsFailuresAndLogsWithoutValues()
{
    MemorySecretStore store;
    const SecretKey priv {QStringLiteral("a"), SecretNames::privateKey()};
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::privateKey(),
                   SecretResult::failure(SecretStatus::Locked, SecretResult::lockedMessage()));
    QCOMPARE(SecretStoreSync::write(store, priv, QStringLiteral("secret1")).status, SecretStatus::Locked);
    QVERIFY(!store.contains(priv));
    QVERIFY(SecretStoreSync::write(store, priv, QStringLiteral("secret1")).ok()); // only the next one failed
    QCOMPARE(store.value(priv), QStringLiteral("secret1"));
    QCOMPARE(store.operations(),
             QStringList({QStringLiteral("write a/privateKey"), QStringLiteral("write a/privateKey")}));
    QVERIFY(!store.operations().join(QLatin1Char(' ')).contains(QLatin1String("secret1")));
}

void TestSessionSecretStore::syncWaitIsBounded()
{
    // An operation that never reports: the wait ends with TimedOut after its bound.
    const SecretResult result = SecretStoreSync::wait([](QObject*, SecretStore::Done) {}, 100);
    QCOMPARE(result.status, SecretStatus::TimedOut);
}

QTEST_GUILESS_MAIN(TestSessionSecretStore)
#include "tst_sessionsecretstore.moc"
