// KeychainSecretStore's logic over a scripted backend: timeout, retry, the locked probe, the size guard,
// callbacks. The real Secret Service is exercised by tst_keychainsecretstore_system.
#include "FakeKeychainBackend.h"

#include "core/secrets/KeychainSecretStore.h"
#include "core/secrets/SecretStoreSync.h"

#include <QSignalSpy>
#include <QTest>

using namespace Cw;
using Op = KeychainBackend::Operation;

namespace {

const SecretKey kPublic {QStringLiteral("inst-1"), SecretNames::publicKey()};
const QString kLockedText = QStringLiteral("Cannot create an item in a locked collection");

KeychainSecretStore::Options fastOptions()
{
    KeychainSecretStore::Options options;
    options.timeoutMs = 10000;
    options.retryDelayMs = 10;
    return options;
}

} // namespace

class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripUsesOneServiceAndAccountPerKey();
    void readMissingOnUnlockedKeyringIsNotFound();
    void readMissingOnLockedKeyringIsLocked();
    void probeFailureOnMissingCollectionIsUnavailable();
    void writeToLockedCollectionIsLocked();
    void removeOnLockedKeyringIsLockedAndRemovesNothing();
    void removeMissingIsOk();
    void retriesOnceOnOtherError();
    void givesUpAfterOneRetry();
    void noRetryOnEntryNotFoundOrDenied();
    void hangingJobTimesOut();
    void sizeGuard();
    void callbackIsAsynchronousAndDroppedWithContext();
    void removeInstanceRemovesEveryKnownKey();
    void readKeysNeedsBoth();
    void checkAvailable();
};

void TestKeychainSecretStore::roundTripUsesOneServiceAndAccountPerKey()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    QVERIFY(store.isPersistent());
    QVERIFY(SecretStoreSync::write(store, kPublic, QStringLiteral("PUB123")).ok());
    const SecretResult read = SecretStoreSync::read(store, kPublic);
    QCOMPARE(read.status, SecretStatus::Ok);
    QCOMPARE(read.value, QStringLiteral("PUB123"));
    QCOMPARE(backend.entries().value(QStringLiteral("inst-1/publicKey")), QStringLiteral("PUB123"));
    for (const QString& service : backend.services()) {
        QCOMPARE(service, QStringLiteral("cwconnector"));
    }
    QVERIFY(!store.insecureFallbackUsed());
}

void TestKeychainSecretStore::readMissingOnUnlockedKeyringIsNotFound()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    const SecretResult result = SecretStoreSync::read(store, kPublic);
    QCOMPARE(result.status, SecretStatus::NotFound);
    QVERIFY(result.message.contains(QLatin1String("inst-1")));
    const QString probe = store.probeAccount();
    QCOMPARE(backend.calls(),
             QStringList({QStringLiteral("read inst-1/publicKey"), QStringLiteral("write ") + probe,
                          QStringLiteral("remove ") + probe}));
    QVERIFY(backend.entries().isEmpty()); // the probe entry is gone again
}

void TestKeychainSecretStore::readMissingOnLockedKeyringIsLocked()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    backend.script(Op::Write, store.probeAccount(), KeychainCode::AccessDenied, kLockedText);
    const SecretResult result = SecretStoreSync::read(store, kPublic);
    QCOMPARE(result.status, SecretStatus::Locked);
    QVERIFY2(result.message.contains(QLatin1String("locked")), qPrintable(result.message));
    QVERIFY(result.message.contains(QLatin1String("gnome-keyring-daemon --unlock")));
}

void TestKeychainSecretStore::probeFailureOnMissingCollectionIsUnavailable()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    const QString text = QStringLiteral("Object does not exist at path “/org/freedesktop/secrets/collection/login”");
    backend.script(Op::Write, store.probeAccount(), KeychainCode::OtherError, text);
    backend.script(Op::Write, store.probeAccount(), KeychainCode::OtherError, text);
    const SecretResult result = SecretStoreSync::read(store, kPublic);
    QCOMPARE(result.status, SecretStatus::Unavailable);
    QVERIFY(result.message.contains(QLatin1String("login")));
    QCOMPARE(result.detail, text);
}

void TestKeychainSecretStore::writeToLockedCollectionIsLocked()
{
    FakeKeychainBackend backend;
    backend.script(Op::Write, kPublic.account(), KeychainCode::AccessDenied, kLockedText);
    KeychainSecretStore store(backend, fastOptions());
    const SecretResult result = SecretStoreSync::write(store, kPublic, QStringLiteral("PUB123"));
    QCOMPARE(result.status, SecretStatus::Locked);
    QVERIFY(result.message.contains(QLatin1String("locked")));
    QVERIFY(!result.message.contains(QLatin1String("PUB123")));
}

void TestKeychainSecretStore::removeOnLockedKeyringIsLockedAndRemovesNothing()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    backend.script(Op::Write, store.probeAccount(), KeychainCode::AccessDenied, kLockedText);
    const SecretResult result = SecretStoreSync::remove(store, kPublic);
    QCOMPARE(result.status, SecretStatus::Locked);
    QVERIFY(!backend.calls().contains(QStringLiteral("remove inst-1/publicKey")));
}

void TestKeychainSecretStore::removeMissingIsOk()
{
    FakeKeychainBackend backend;
    backend.script(Op::Remove, kPublic.account(), KeychainCode::EntryNotFound, QStringLiteral("Entry not found"));
    KeychainSecretStore store(backend, fastOptions());
    QCOMPARE(SecretStoreSync::remove(store, kPublic).status, SecretStatus::Ok);
}

void TestKeychainSecretStore::retriesOnceOnOtherError()
{
    FakeKeychainBackend backend;
    backend.script(Op::Write, kPublic.account(), KeychainCode::OtherError,
                   QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files"));
    KeychainSecretStore store(backend, fastOptions());
    const SecretResult result = SecretStoreSync::write(store, kPublic, QStringLiteral("PUB123"));
    QCOMPARE(result.status, SecretStatus::Ok);
    QCOMPARE(backend.calls().count(QStringLiteral("write inst-1/publicKey")), 2);
}

void TestKeychainSecretStore::givesUpAfterOneRetry()
{
    FakeKeychainBackend backend;
    const QString text = QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY");
    for (int i = 0; i < 3; ++i) {
        backend.script(Op::Write, kPublic.account(), KeychainCode::OtherError, text);
    }
    KeychainSecretStore store(backend, fastOptions());
    const SecretResult result = SecretStoreSync::write(store, kPublic, QStringLiteral("PUB123"));
    QCOMPARE(result.status, SecretStatus::Unavailable);
    QVERIFY(result.message.contains(QLatin1String("D-Bus")));
    QCOMPARE(backend.calls().count(QStringLiteral("write inst-1/publicKey")), 2);
}

void TestKeychainSecretStore::noRetryOnEntryNotFoundOrDenied()
{
    FakeKeychainBackend backend;
    backend.script(Op::Read, kPublic.account(), KeychainCode::AccessDeniedByUser, QStringLiteral("denied"));
    KeychainSecretStore store(backend, fastOptions());
    const SecretResult result = SecretStoreSync::read(store, kPublic);
    QCOMPARE(result.status, SecretStatus::Denied);
    QCOMPARE(backend.calls().count(QStringLiteral("read inst-1/publicKey")), 1);
}

void TestKeychainSecretStore::hangingJobTimesOut()
{
    FakeKeychainBackend backend;
    backend.setHang(true);
    KeychainSecretStore::Options options = fastOptions();
    options.timeoutMs = 300;
    KeychainSecretStore store(backend, options);
    QObject context;
    QList<SecretResult> results;
    store.read(kPublic, &context, [&](const SecretResult& r) { results.append(r); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 30000);
    QCOMPARE(results.first().status, SecretStatus::TimedOut);
    QVERIFY(results.first().message.contains(QLatin1String("unlock")));
    QTest::qWait(50);
    QCOMPARE(results.size(), 1); // reported once
}

void TestKeychainSecretStore::sizeGuard()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    const SecretResult tooLarge =
        SecretStoreSync::write(store, kPublic, QString(kMaxSecretBytes + 1, QLatin1Char('k')));
    QCOMPARE(tooLarge.status, SecretStatus::Error);
    QVERIFY(tooLarge.message.contains(QString::number(kMaxSecretBytes)));
    QVERIFY(backend.calls().isEmpty()); // never reached the keychain
    // Multi-byte characters count as their UTF-8 bytes.
    QCOMPARE(SecretStoreSync::write(store, kPublic, QString(kMaxSecretBytes / 2 + 1, QChar(0x00e9))).status,
             SecretStatus::Error);
    QCOMPARE(SecretStoreSync::write(store, kPublic, QString(kMaxSecretBytes, QLatin1Char('k'))).status,
             SecretStatus::Ok);
}

void TestKeychainSecretStore::callbackIsAsynchronousAndDroppedWithContext()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    int calls = 0;
    auto context = std::make_unique<QObject>();
    store.write(kPublic, QStringLiteral("PUB123"), context.get(), [&](const SecretResult&) { ++calls; });
    QCOMPARE(calls, 0); // never before the call returns
    context.reset();
    QObject other;
    bool otherDone = false;
    store.read(kPublic, &other, [&](const SecretResult&) { otherDone = true; });
    QTRY_VERIFY_WITH_TIMEOUT(otherDone, 30000);
    QCOMPARE(calls, 0);
}

void TestKeychainSecretStore::removeInstanceRemovesEveryKnownKey()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    const QString id = QStringLiteral("inst-2");
    QVERIFY(SecretStoreSync::write(store, SecretKey {id, SecretNames::publicKey()}, QStringLiteral("P")).ok());
    QVERIFY(SecretStoreSync::write(store, SecretKey {id, SecretNames::privateKey()}, QStringLiteral("Q")).ok());
    QVERIFY(SecretStoreSync::write(store, kPublic, QStringLiteral("other instance")).ok());
    QCOMPARE(SecretStoreSync::removeInstance(store, id).status, SecretStatus::Ok);
    QCOMPARE(backend.entries().keys(), QStringList({kPublic.account()}));
}

void TestKeychainSecretStore::readKeysNeedsBoth()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    const QString id = QStringLiteral("inst-3");
    QVERIFY(SecretStoreSync::write(store, SecretKey {id, SecretNames::publicKey()}, QStringLiteral("P")).ok());
    ApiKeyPair keys;
    QCOMPARE(SecretStoreSync::readKeys(store, id, &keys).status, SecretStatus::NotFound);
    QVERIFY(keys.isEmpty());
    QVERIFY(SecretStoreSync::write(store, SecretKey {id, SecretNames::privateKey()}, QStringLiteral("Q")).ok());
    QCOMPARE(SecretStoreSync::readKeys(store, id, &keys).status, SecretStatus::Ok);
    QCOMPARE(keys, (ApiKeyPair {QStringLiteral("P"), QStringLiteral("Q")}));
}

void TestKeychainSecretStore::checkAvailable()
{
    FakeKeychainBackend backend;
    KeychainSecretStore store(backend, fastOptions());
    const auto check = [&store]() {
        return SecretStoreSync::wait(
            [&store](QObject* context, SecretStore::Done done) { store.checkAvailable(context, std::move(done)); },
            60000);
    };
    QCOMPARE(check().status, SecretStatus::Ok);
    QCOMPARE(backend.calls(),
             QStringList(
                 {QStringLiteral("write ") + store.probeAccount(), QStringLiteral("remove ") + store.probeAccount()}));
    QVERIFY(backend.entries().isEmpty());
    backend.script(Op::Write, store.probeAccount(), KeychainCode::AccessDenied, kLockedText);
    const SecretResult locked = check();
    QCOMPARE(locked.status, SecretStatus::Locked);
    QVERIFY(locked.keychainUnusable());
    QVERIFY(!SecretResult::success().keychainUnusable());
    QVERIFY(!SecretResult::failure(SecretStatus::NotFound, QString()).keychainUnusable());
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
