// KeyRotation over MemorySecretStore with a fake validator: the new pair replaces the old only when it
// validates, and a failure writing the private key never leaves a half-rotated pair.
#include "core/secrets/KeyRotation.h"
#include "core/secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Cw;

namespace {

const QString kId = QStringLiteral("acme");
const SecretKey kPub {kId, SecretNames::publicKey()};
const SecretKey kPriv {kId, SecretNames::privateKey()};
const ApiKeyPair kOld {QStringLiteral("OldPub1111"), QStringLiteral("OldPriv2222")};
const ApiKeyPair kNew {QStringLiteral("NewPub3333"), QStringLiteral("NewPriv4444")};

// Passes or fails every candidate, answering later through the event loop like a network check would.
struct FakeValidator
{
    bool pass = true;
    QList<ApiKeyPair> seen;

    KeyValidator function()
    {
        return [this](const ApiKeyPair& candidate, std::function<void(bool, const QString&)> report) {
            seen.append(candidate);
            const bool result = pass;
            QTimer::singleShot(0, QCoreApplication::instance(), [report, result]() {
                report(result, result ? QString() : QStringLiteral("ConnectWise answered 401: keys not accepted."));
            });
        };
    }
};

KeyRotationResult rotate(MemorySecretStore& store, FakeValidator& validator, const ApiKeyPair& keys = kNew)
{
    KeyRotation rotation(store, validator.function());
    QSignalSpy finished(&rotation, &KeyRotation::finished);
    if (!rotation.start(kId, keys) || !finished.wait(30000)) {
        return KeyRotationResult {KeyRotationResult::Outcome::KeychainFailed, QStringLiteral("no result"), {}};
    }
    return finished.first().first().value<KeyRotationResult>();
}

void seedOld(MemorySecretStore& store)
{
    store.set(kPub, kOld.publicKey);
    store.set(kPriv, kOld.privateKey);
}

} // namespace

class TestKeyRotation final : public QObject
{
    Q_OBJECT

private slots:
    void passReplaces();
    void firstKeysWithNothingStored();
    void failLeavesOldKeysUntouched();
    void lockedKeychainStopsBeforeValidation();
    void failureWritingPublicKeyChangesNothing();
    void failureWritingPrivateKeyRestoresPublic();
    void failureWritingPrivateKeyWithoutOldKeysRemovesPublic();
    void failedRestoreIsReportedAsInconsistent();
    void emptyKeysAreRefused();
    void messagesNeverContainKeys();
};

void TestKeyRotation::passReplaces()
{
    MemorySecretStore store;
    seedOld(store);
    FakeValidator validator;
    const KeyRotationResult result = rotate(store, validator);
    QCOMPARE(result.outcome, KeyRotationResult::Outcome::Replaced);
    QVERIFY(result.ok());
    QCOMPARE(validator.seen, QList<ApiKeyPair>({kNew}));
    QCOMPARE(store.value(kPub), kNew.publicKey);
    QCOMPARE(store.value(kPriv), kNew.privateKey);
}

void TestKeyRotation::firstKeysWithNothingStored()
{
    MemorySecretStore store;
    FakeValidator validator;
    QCOMPARE(rotate(store, validator).outcome, KeyRotationResult::Outcome::Replaced);
    QCOMPARE(store.value(kPriv), kNew.privateKey);
}

void TestKeyRotation::failLeavesOldKeysUntouched()
{
    MemorySecretStore store;
    seedOld(store);
    FakeValidator validator;
    validator.pass = false;
    const KeyRotationResult result = rotate(store, validator);
    QCOMPARE(result.outcome, KeyRotationResult::Outcome::ValidationFailed);
    QVERIFY(result.message.contains(QLatin1String("401")));
    QCOMPARE(store.value(kPub), kOld.publicKey);
    QCOMPARE(store.value(kPriv), kOld.privateKey);
    for (const QString& op : store.operations()) {
        QVERIFY2(!op.startsWith(QLatin1String("write")), qPrintable(op));
    }
}

void TestKeyRotation::lockedKeychainStopsBeforeValidation()
{
    MemorySecretStore store;
    seedOld(store);
    store.failNext(MemorySecretStore::Operation::Read, SecretNames::publicKey(),
                   SecretResult::failure(SecretStatus::Locked, SecretResult::lockedMessage()));
    FakeValidator validator;
    const KeyRotationResult result = rotate(store, validator);
    QCOMPARE(result.outcome, KeyRotationResult::Outcome::KeychainFailed);
    QCOMPARE(result.secretResult.status, SecretStatus::Locked);
    QVERIFY(result.message.contains(QLatin1String("locked")));
    QVERIFY(validator.seen.isEmpty());
    QCOMPARE(store.value(kPub), kOld.publicKey);
}

void TestKeyRotation::failureWritingPublicKeyChangesNothing()
{
    MemorySecretStore store;
    seedOld(store);
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::publicKey(),
                   SecretResult::failure(SecretStatus::Error, QStringLiteral("disk full")));
    FakeValidator validator;
    const KeyRotationResult result = rotate(store, validator);
    QCOMPARE(result.outcome, KeyRotationResult::Outcome::KeychainFailed);
    QCOMPARE(store.value(kPub), kOld.publicKey);
    QCOMPARE(store.value(kPriv), kOld.privateKey);
}

void TestKeyRotation::failureWritingPrivateKeyRestoresPublic()
{
    MemorySecretStore store;
    seedOld(store);
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::privateKey(),
                   SecretResult::failure(SecretStatus::TimedOut, SecretResult::timedOutMessage(10000)));
    FakeValidator validator;
    const KeyRotationResult result = rotate(store, validator);
    QCOMPARE(result.outcome, KeyRotationResult::Outcome::RolledBack);
    QCOMPARE(result.secretResult.status, SecretStatus::TimedOut);
    QVERIFY(result.message.contains(QLatin1String("previous keys are kept")));
    QCOMPARE(store.value(kPub), kOld.publicKey); // first key restored
    QCOMPARE(store.value(kPriv), kOld.privateKey);
    QCOMPARE(store.operations().count(QStringLiteral("write acme/publicKey")), 2); // new, then the old again
}

void TestKeyRotation::failureWritingPrivateKeyWithoutOldKeysRemovesPublic()
{
    MemorySecretStore store;
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::privateKey(),
                   SecretResult::failure(SecretStatus::Error, QStringLiteral("boom")));
    FakeValidator validator;
    QCOMPARE(rotate(store, validator).outcome, KeyRotationResult::Outcome::RolledBack);
    QVERIFY(!store.contains(kPub));
    QVERIFY(!store.contains(kPriv));
}

void TestKeyRotation::failedRestoreIsReportedAsInconsistent()
{
    MemorySecretStore store;
    seedOld(store);
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::privateKey(),
                   SecretResult::failure(SecretStatus::Error, QStringLiteral("boom")));
    // Fail the restore too: the second write of the public key (the first one writes the new key).
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::publicKey(),
                   SecretResult::failure(SecretStatus::Locked, SecretResult::lockedMessage()), 1);
    FakeValidator validator;
    const KeyRotationResult result = rotate(store, validator);
    QCOMPARE(result.outcome, KeyRotationResult::Outcome::Inconsistent);
    QVERIFY(result.message.contains(QLatin1String("set-keys")));
}

void TestKeyRotation::emptyKeysAreRefused()
{
    MemorySecretStore store;
    seedOld(store);
    FakeValidator validator;
    const KeyRotationResult result = rotate(store, validator, ApiKeyPair {kNew.publicKey, QString()});
    QCOMPARE(result.outcome, KeyRotationResult::Outcome::ValidationFailed);
    QVERIFY(validator.seen.isEmpty());
    QCOMPARE(store.value(kPriv), kOld.privateKey);
}

void TestKeyRotation::messagesNeverContainKeys()
{
    MemorySecretStore store;
    seedOld(store);
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::privateKey(),
                   SecretResult::failure(SecretStatus::Error, QStringLiteral("boom")));
    FakeValidator validator;
    const KeyRotationResult result = rotate(store, validator);
    for (const QString& key : {kOld.publicKey, kOld.privateKey, kNew.publicKey, kNew.privateKey}) {
        QVERIFY(!result.message.contains(key));
        QVERIFY(!result.secretResult.value.contains(key));
    }
}

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
