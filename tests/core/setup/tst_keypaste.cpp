#include "core/setup/KeyPaste.h"

#include <QTest>

using namespace Cw;

class TestKeyPaste final : public QObject
{
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("both");
        QTest::addColumn<QString>("publicKey");
        QTest::addColumn<QString>("privateKey");
        QTest::newRow("two lines") << QStringLiteral("pubKEY1\nprivKEY2\n") << true << QStringLiteral("pubKEY1")
                                   << QStringLiteral("privKEY2");
        QTest::newRow("crlf") << QStringLiteral(" pub\r\npriv ") << true << QStringLiteral("pub")
                              << QStringLiteral("priv");
        QTest::newRow("colon") << QStringLiteral("pub:priv") << true << QStringLiteral("pub") << QStringLiteral("priv");
        QTest::newRow("spaces") << QStringLiteral("pub   priv") << true << QStringLiteral("pub")
                                << QStringLiteral("priv");
        QTest::newRow("tab") << QStringLiteral("pub\tpriv") << true << QStringLiteral("pub") << QStringLiteral("priv");
        QTest::newRow("one key") << QStringLiteral("  onlyone \n") << false << QString() << QString();
        QTest::newRow("three parts") << QStringLiteral("a b c") << false << QString() << QString();
        QTest::newRow("empty") << QStringLiteral("   ") << false << QString() << QString();
    }
    void split()
    {
        QFETCH(QString, text);
        QFETCH(bool, both);
        const auto pair = KeyPaste::split(text);
        QCOMPARE(pair.has_value(), both);
        if (both) {
            QFETCH(QString, publicKey);
            QFETCH(QString, privateKey);
            QCOMPARE(pair->publicKey, publicKey);
            QCOMPARE(pair->privateKey, privateKey);
        }
    }
    void cleanTrims() { QCOMPARE(KeyPaste::clean(QStringLiteral("\t key \n")), QStringLiteral("key")); }
};

QTEST_GUILESS_MAIN(TestKeyPaste)
#include "tst_keypaste.moc"
