#include "core/mapping/TextFold.h"

#include <QTest>

using namespace Cw;

class TestTextFold final : public QObject
{
    Q_OBJECT

private slots:
    void fold_data();
    void fold();
    void similarity_data();
    void similarity();
};

void TestTextFold::fold_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("case") << QStringLiteral("ACME Corp") << QStringLiteral("acme corp");
    QTest::newRow("accents") << QStringLiteral("José Müller") << QStringLiteral("jose muller");
    QTest::newRow("whitespace") << QStringLiteral("  Net\t 30  ") << QStringLiteral("net 30");
    QTest::newRow("apostrophe") << QStringLiteral("O'Neil") << QStringLiteral("oneil");
    QTest::newRow("separators") << QStringLiteral("Pay-As-You-Go") << QStringLiteral("pay as you go");
    QTest::newRow("german sharp s") << QStringLiteral("Straße") << QStringLiteral("strasse");
    QTest::newRow("ligature") << QStringLiteral("ﬁnance") << QStringLiteral("finance");
    QTest::newRow("empty") << QString() << QString();
}

void TestTextFold::fold()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextFold::fold(input), expected);
}

void TestTextFold::similarity_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");
    QTest::newRow("equal after folding") << QStringLiteral("Café Client") << QStringLiteral("cafe  CLIENT") << 100
                                         << 100;
    QTest::newRow("one word of two") << QStringLiteral("Client") << QStringLiteral("Client Prospect") << 30 << 50;
    QTest::newRow("joined words") << QStringLiteral("Net 30") << QStringLiteral("Net30") << 90 << 90;
    QTest::newRow("nothing shared") << QStringLiteral("Vendor") << QStringLiteral("Client") << 0 << 0;
    QTest::newRow("empty") << QString() << QStringLiteral("Client") << 0 << 0;
}

void TestTextFold::similarity()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, min);
    QFETCH(int, max);
    const int score = TextFold::similarity(a, b);
    QVERIFY2(score >= min && score <= max, qPrintable(QString::number(score)));
    QCOMPARE(TextFold::similarity(b, a), score); // symmetric
}

QTEST_GUILESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
