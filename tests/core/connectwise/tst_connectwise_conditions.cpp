#include "core/connectwise/Conditions.h"

#include <QTest>
#include <QTimeZone>

using Cw::Conditions;
using Op = Cw::Conditions::Op;

Q_DECLARE_METATYPE(Cw::Conditions)

class TestConditions final : public QObject
{
    Q_OBJECT

private slots:
    void expressions_data();
    void expressions();
    void quoting_data();
    void quoting();
    void dateTimeIsUtcWithoutFractions();
    void combiningWithEmpty();
};

void TestConditions::expressions_data()
{
    QTest::addColumn<Conditions>("conditions");
    QTest::addColumn<QString>("expected");

    const QDateTime newYear(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
    QTest::newRow("string") << Conditions::equals(QStringLiteral("name"), QStringLiteral("Acme"))
                            << QStringLiteral("name = \"Acme\"");
    QTest::newRow("int") << Conditions::compare(QStringLiteral("id"), Op::Greater, 100) << QStringLiteral("id > 100");
    QTest::newRow("int64") << Conditions::equals(QStringLiteral("id"), qint64(9000000000))
                           << QStringLiteral("id = 9000000000");
    QTest::newRow("bool") << Conditions::equals(QStringLiteral("inactiveFlag"), false)
                          << QStringLiteral("inactiveFlag = False");
    QTest::newRow("datetime") << Conditions::compare(QStringLiteral("lastUpdated"), Op::Greater, newYear)
                              << QStringLiteral("lastUpdated > [2025-01-01T00:00:00Z]");
    QTest::newRow("like") << Conditions::like(QStringLiteral("name"), QStringLiteral("Acme%"))
                          << QStringLiteral("name like \"Acme%\"");
    QTest::newRow("not equals") << Conditions::compare(QStringLiteral("status/id"), Op::NotEquals, 3)
                                << QStringLiteral("status/id != 3");
    QTest::newRow("contains") << Conditions::compare(QStringLiteral("name"), Op::Contains, QStringLiteral("x"))
                              << QStringLiteral("name contains \"x\"");
    QTest::newRow("in ints") << Conditions::in(QStringLiteral("id"), QList<qint64> {1, 2, 3})
                             << QStringLiteral("id in (1, 2, 3)");
    QTest::newRow("in strings") << Conditions::in(QStringLiteral("identifier"),
                                                  QStringList {QStringLiteral("a"), QStringLiteral("b\"c")})
                                << QStringLiteral("identifier in (\"a\", \"b\\\"c\")");
    QTest::newRow("null") << Conditions::isNull(QStringLiteral("dateDeleted")) << QStringLiteral("dateDeleted = null");
    QTest::newRow("not null") << Conditions::isNotNull(QStringLiteral("site")) << QStringLiteral("site != null");
    const Conditions a = Conditions::compare(QStringLiteral("id"), Op::Greater, 10);
    const Conditions b = Conditions::equals(QStringLiteral("inactiveFlag"), false);
    const Conditions c = Conditions::like(QStringLiteral("name"), QStringLiteral("A%"));
    QTest::newRow("and") << (a && b) << QStringLiteral("id > 10 and inactiveFlag = False");
    QTest::newRow("and chain flat") << (a && b && c)
                                    << QStringLiteral("id > 10 and inactiveFlag = False and name like \"A%\"");
    QTest::newRow("or") << (a || c) << QStringLiteral("id > 10 or name like \"A%\"");
    QTest::newRow("mixed") << ((a && b) || c)
                           << QStringLiteral("(id > 10 and inactiveFlag = False) or name like \"A%\"");
    QTest::newRow("mixed right") << (a && (b || c))
                                 << QStringLiteral("id > 10 and (inactiveFlag = False or name like \"A%\")");
    QTest::newRow("raw") << (Conditions::raw(QStringLiteral(" id = 1 or id = 2 ")) && b)
                         << QStringLiteral("(id = 1 or id = 2) and inactiveFlag = False");
}

void TestConditions::expressions()
{
    QFETCH(Conditions, conditions);
    QFETCH(QString, expected);
    QCOMPARE(conditions.toString(), expected);
}

void TestConditions::quoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("Acme") << QStringLiteral("\"Acme\"");
    QTest::newRow("quote") << QStringLiteral("O\"Brien") << QStringLiteral("\"O\\\"Brien\"");
    QTest::newRow("backslash") << QStringLiteral("C:\\dir") << QStringLiteral("\"C:\\\\dir\"");
    QTest::newRow("both") << QStringLiteral("\\\"") << QStringLiteral("\"\\\\\\\"\"");
    QTest::newRow("ampersand kept") << QStringLiteral("A & B") << QStringLiteral("\"A & B\"");
    QTest::newRow("unicode") << QStringLiteral("Zürich") << QStringLiteral("\"Zürich\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
}

void TestConditions::quoting()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(Conditions::quote(value), quoted);
}

void TestConditions::dateTimeIsUtcWithoutFractions()
{
    const QDateTime plusTwo(QDate(2025, 6, 30), QTime(23, 30, 15, 987), QTimeZone(2 * 3600));
    QCOMPARE(Conditions::dateTime(plusTwo), QStringLiteral("[2025-06-30T21:30:15Z]"));
    const QDateTime minusFive(QDate(2024, 12, 31), QTime(22, 0), QTimeZone(-5 * 3600));
    QCOMPARE(Conditions::dateTime(minusFive), QStringLiteral("[2025-01-01T03:00:00Z]"));
}

void TestConditions::combiningWithEmpty()
{
    const Conditions a = Conditions::equals(QStringLiteral("id"), 1);
    QVERIFY(Conditions().isEmpty());
    QCOMPARE((Conditions() && a).toString(), a.toString());
    QCOMPARE((a || Conditions()).toString(), a.toString());
    QVERIFY((Conditions() && Conditions()).isEmpty());
    QVERIFY(Conditions::raw(QStringLiteral("   ")).isEmpty());
}

QTEST_GUILESS_MAIN(TestConditions)
#include "tst_connectwise_conditions.moc"
