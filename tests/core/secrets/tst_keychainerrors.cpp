// KeychainErrors: every row of toolchain.md's table of keychain situations maps to the right status and
// a message that says what to do.
#include "core/secrets/KeychainErrors.h"
#include "core/secrets/SecretKey.h"

#include <QTest>

using namespace Cw;

Q_DECLARE_METATYPE(Cw::KeychainCode)
Q_DECLARE_METATYPE(Cw::SecretStatus)

class TestKeychainErrors final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void onlyOtherErrorIsRetried();
    void unknownErrorKeepsTheDetail();
};

void TestKeychainErrors::classify_data()
{
    QTest::addColumn<KeychainCode>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<SecretStatus>("status");
    QTest::addColumn<QString>("advice"); // a word the message must contain

    QTest::newRow("ok") << KeychainCode::NoError << QString() << SecretStatus::Ok << QString();
    QTest::newRow("no bus, no display") << KeychainCode::OtherError
                                        << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
                                        << SecretStatus::Unavailable << QStringLiteral("dbus-run-session");
    QTest::newRow("dead bus socket") << KeychainCode::OtherError
                                     << QStringLiteral("Could not connect: No such file or directory")
                                     << SecretStatus::Unavailable << QStringLiteral("DBUS_SESSION_BUS_ADDRESS");
    QTest::newRow("no provider") << KeychainCode::OtherError
                                 << QStringLiteral(
                                        "The name org.freedesktop.secrets was not provided by any .service files")
                                 << SecretStatus::Unavailable << QStringLiteral("Install and start gnome-keyring");
    QTest::newRow("no login collection")
        << KeychainCode::OtherError
        << QString::fromUtf8("Object does not exist at path \xe2\x80\x9c/org/freedesktop/secrets/collection/"
                             "login\xe2\x80\x9d")
        << SecretStatus::Unavailable << QStringLiteral("login");
    QTest::newRow("item vanished (race with another program)")
        << KeychainCode::OtherError
        << QString::fromUtf8("Object does not exist at path \xe2\x80\x9c/org/freedesktop/secrets/collection/"
                             "login/732\xe2\x80\x9d")
        << SecretStatus::Error << QStringLiteral("Try again");
    QTest::newRow("item interface gone")
        << KeychainCode::OtherError
        << QStringLiteral("No such interface \u201corg.freedesktop.Secret.Item\u201d on object at path "
                          "/org/freedesktop/secrets/collection/login/85")
        << SecretStatus::Error << QStringLiteral("Try again");
    QTest::newRow("locked write") << KeychainCode::AccessDenied
                                  << QStringLiteral("Cannot create an item in a locked collection")
                                  << SecretStatus::Locked << QStringLiteral("locked");
    QTest::newRow("entry not found") << KeychainCode::EntryNotFound << QStringLiteral("Entry not found")
                                     << SecretStatus::NotFound << QStringLiteral("set-keys");
    QTest::newRow("libsecret missing") << KeychainCode::OtherError << QStringLiteral("Unknown error")
                                       << SecretStatus::Unavailable << QStringLiteral("libsecret-1-0");
    QTest::newRow("no backend") << KeychainCode::NoBackendAvailable << QStringLiteral("No keychain service available")
                                << SecretStatus::Unavailable << QStringLiteral("gnome-keyring");
    QTest::newRow("denied by user") << KeychainCode::AccessDeniedByUser << QStringLiteral("User denied")
                                    << SecretStatus::Denied << QStringLiteral("Allow");
    QTest::newRow("denied otherwise") << KeychainCode::AccessDenied << QStringLiteral("Permission denied")
                                      << SecretStatus::Denied << QStringLiteral("Allow");
    QTest::newRow("something else") << KeychainCode::OtherError << QStringLiteral("Disk on fire") << SecretStatus::Error
                                    << QStringLiteral("Disk on fire");
}

void TestKeychainErrors::classify()
{
    QFETCH(KeychainCode, code);
    QFETCH(QString, text);
    QFETCH(SecretStatus, status);
    QFETCH(QString, advice);
    KeychainReply reply;
    reply.code = code;
    reply.errorString = text;
    const SecretResult result = KeychainErrors::classify(reply, QStringLiteral("acme"), SecretNames::privateKey());
    QCOMPARE(result.status, status);
    if (status == SecretStatus::Ok) {
        QVERIFY(result.message.isEmpty());
        return;
    }
    QVERIFY2(result.message.contains(advice), qPrintable(result.message));
    QCOMPARE(result.detail, text);
    if (status == SecretStatus::Unavailable) {
        QVERIFY2(result.message.contains(QLatin1String("session-only")), qPrintable(result.message));
    }
}

void TestKeychainErrors::onlyOtherErrorIsRetried()
{
    KeychainReply reply;
    reply.code = KeychainCode::OtherError;
    QVERIFY(KeychainErrors::isRetryable(reply));
    for (KeychainCode code : {KeychainCode::NoError, KeychainCode::EntryNotFound, KeychainCode::AccessDenied,
                              KeychainCode::AccessDeniedByUser}) {
        reply.code = code;
        QVERIFY(!KeychainErrors::isRetryable(reply));
    }
}

void TestKeychainErrors::unknownErrorKeepsTheDetail()
{
    KeychainReply reply;
    reply.code = KeychainCode::OtherError;
    QCOMPARE(KeychainErrors::cause(reply), KeychainErrors::Cause::Other);
    const SecretResult result = KeychainErrors::classify(reply, QStringLiteral("acme"), SecretNames::publicKey());
    QCOMPARE(result.status, SecretStatus::Error);
    QVERIFY(!result.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeychainErrors)
#include "tst_keychainerrors.moc"
