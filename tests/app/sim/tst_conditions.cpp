// Unit tests of the simulator's conditions parser/evaluator (pure logic, no network).
#include "app/sim/Conditions.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

class TestConditions final : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void rejects_data();
    void rejects();
    void like_data();
    void like();
    void integerRange_data();
    void integerRange();

private:
    static QJsonObject record();
};

QJsonObject TestConditions::record()
{
    return QJsonDocument::fromJson(R"({"id":42,"identifier":"Acme42","name":"Acme Widgets","nick":"O\"Brien",
        "inactiveFlag":false,"annualRevenue":1250.5,"status":{"id":1,"name":"Active"},
        "_info":{"lastUpdated":"2025-03-04T10:00:00Z"},"lastUpdated":"2025-03-04T10:00:00Z","parent":null})")
        .object();
}

void TestConditions::matches_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("expected");
    QTest::newRow("empty matches all") << QString() << true;
    QTest::newRow("id =") << QStringLiteral("id = 42") << true;
    QTest::newRow("id = other") << QStringLiteral("id = 5") << false;
    QTest::newRow("id >") << QStringLiteral("id > 41") << true;
    QTest::newRow("id > equal") << QStringLiteral("id > 42") << false;
    QTest::newRow("id >=") << QStringLiteral("id >= 42") << true;
    QTest::newRow("id <") << QStringLiteral("id < 100") << true;
    QTest::newRow("id <=") << QStringLiteral("id<=41") << false;
    QTest::newRow("id !=") << QStringLiteral("id != 42") << false;
    QTest::newRow("id <>") << QStringLiteral("id <> 1") << true;
    QTest::newRow("in") << QStringLiteral("id in (1,2,42)") << true;
    QTest::newRow("in miss") << QStringLiteral("id in (1, 2, 3)") << false;
    QTest::newRow("not in") << QStringLiteral("id not in (1,2,3)") << true;
    QTest::newRow("like prefix") << QStringLiteral("name like \"Acme*\"") << true;
    QTest::newRow("like case-insensitive") << QStringLiteral("name LIKE \"acme w*\"") << true;
    QTest::newRow("like inner") << QStringLiteral("name like \"*idg*\"") << true;
    QTest::newRow("like miss") << QStringLiteral("name like \"Widgets*\"") << false;
    QTest::newRow("not like") << QStringLiteral("name not like \"Widgets*\"") << true;
    QTest::newRow("contains") << QStringLiteral("name contains \"WIDG\"") << true;
    QTest::newRow("string = case-insensitive") << QStringLiteral("name = \"acme widgets\"") << true;
    QTest::newRow("escaped quote") << QStringLiteral("nick = \"O\\\"Brien\"") << true;
    QTest::newRow("single quotes") << QStringLiteral("identifier = 'Acme42'") << true;
    QTest::newRow("date >") << QStringLiteral("lastUpdated > [2025-01-01T00:00:00Z]") << true;
    QTest::newRow("date <") << QStringLiteral("lastUpdated < [2025-01-01T00:00:00Z]") << false;
    QTest::newRow("nested date") << QStringLiteral("_info/lastUpdated >= [2025-03-04T10:00:00Z]") << true;
    QTest::newRow("bool false") << QStringLiteral("inactiveFlag = false") << true;
    QTest::newRow("bool true") << QStringLiteral("inactiveFlag = true") << false;
    QTest::newRow("nested id") << QStringLiteral("status/id = 1") << true;
    QTest::newRow("nested name") << QStringLiteral("status/name = \"Inactive\"") << false;
    QTest::newRow("decimal") << QStringLiteral("annualRevenue > 1000.25") << true;
    QTest::newRow("null") << QStringLiteral("parent = null") << true;
    QTest::newRow("missing = null") << QStringLiteral("nothing = null") << true;
    QTest::newRow("not null") << QStringLiteral("name != null") << true;
    QTest::newRow("missing field compares false") << QStringLiteral("nothing = 1") << false;
    QTest::newRow("and") << QStringLiteral("id > 40 and name like \"Acme*\"") << true;
    QTest::newRow("and false") << QStringLiteral("id > 40 AND inactiveFlag = true") << false;
    QTest::newRow("or") << QStringLiteral("id = 1 or id = 42") << true;
    QTest::newRow("and binds tighter than or") << QStringLiteral("id = 42 or id = 1 and id = 2") << true;
    QTest::newRow("parentheses") << QStringLiteral("(id = 42 or id = 1) and id = 2") << false;
    QTest::newRow("not") << QStringLiteral("not (id = 1)") << true;
}

void TestConditions::matches()
{
    QFETCH(QString, condition);
    QFETCH(bool, expected);
    QString error;
    const Sim::Conditions conditions = Sim::Conditions::parse(condition, &error);
    QVERIFY2(conditions.isValid(), qPrintable(error));
    QCOMPARE(conditions.matches(record()), expected);
}

void TestConditions::rejects_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no value") << QStringLiteral("id =") << QStringLiteral("condition ended");
    QTest::newRow("no operator") << QStringLiteral("name \"Acme\"") << QStringLiteral("operator");
    QTest::newRow("unquoted string") << QStringLiteral("name = Acme") << QStringLiteral("quote");
    QTest::newRow("unterminated string") << QStringLiteral("name = \"Acme") << QStringLiteral("Unterminated");
    QTest::newRow("unterminated date") << QStringLiteral("lastUpdated > [2025-01-01") << QStringLiteral("date");
    QTest::newRow("bad date") << QStringLiteral("lastUpdated > [yesterday]") << QStringLiteral("Invalid date");
    QTest::newRow("dangling and") << QStringLiteral("id = 1 and") << QStringLiteral("field name");
    QTest::newRow("unbalanced") << QStringLiteral("(id = 1") << QStringLiteral("')'");
    QTest::newRow("extra close") << QStringLiteral("id = 1)") << QStringLiteral("Unexpected");
    QTest::newRow("like needs string") << QStringLiteral("name like 5") << QStringLiteral("quoted string");
    QTest::newRow("in needs list") << QStringLiteral("id in 1,2") << QStringLiteral("'('");
    QTest::newRow("double equals") << QStringLiteral("id == 1") << QStringLiteral("operator");
    QTest::newRow("stray character") << QStringLiteral("id = 1 ; drop") << QStringLiteral("Unexpected character");
}

void TestConditions::rejects()
{
    QFETCH(QString, condition);
    QFETCH(QString, messagePart);
    QString error;
    const Sim::Conditions conditions = Sim::Conditions::parse(condition, &error);
    QVERIFY(!conditions.isValid());
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("position")), qPrintable(error));
}

void TestConditions::like_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("expected");
    QTest::newRow("exact") << QStringLiteral("abc") << QStringLiteral("abc") << true;
    QTest::newRow("star only") << QStringLiteral("anything") << QStringLiteral("*") << true;
    QTest::newRow("empty text star") << QString() << QStringLiteral("*") << true;
    QTest::newRow("suffix") << QStringLiteral("Northwind LLC") << QStringLiteral("*llc") << true;
    QTest::newRow("two wildcards backtrack") << QStringLiteral("aXbXc") << QStringLiteral("a*b*c") << true;
    QTest::newRow("percent is no wildcard") << QStringLiteral("Northwind LLC") << QStringLiteral("%llc") << false;
    QTest::newRow("percent matches itself") << QStringLiteral("100% done") << QStringLiteral("100%*") << true;
    QTest::newRow("underscore is no wildcard") << QStringLiteral("cat") << QStringLiteral("c_t") << false;
    QTest::newRow("underscore matches itself") << QStringLiteral("c_t") << QStringLiteral("c_t") << true;
    QTest::newRow("unicode case-folded") << QStringLiteral("M\u00fcller GmbH") << QStringLiteral("m\u00dcller*")
                                         << true;
    QTest::newRow("longer pattern") << QStringLiteral("ab") << QStringLiteral("abc*") << false;
}

void TestConditions::like()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, expected);
    QCOMPARE(Sim::Conditions::like(text, pattern), expected);
}

void TestConditions::integerRange_data()
{
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    QTest::addColumn<QString>("condition");
    QTest::addColumn<qint64>("low");
    QTest::addColumn<qint64>("high");
    QTest::newRow("none") << QString() << kMin << kMax;
    QTest::newRow("a range pull's range") << QStringLiteral("id > 1000 and id <= 1900") << qint64(1001) << qint64(1900);
    QTest::newRow("inclusive and exclusive") << QStringLiteral("id >= 5 and id < 9") << qint64(5) << qint64(8);
    QTest::newRow("fractions round inwards") << QStringLiteral("id > 10.5 and id < 12.5") << qint64(11) << qint64(12);
    QTest::newRow("= fraction is empty") << QStringLiteral("id = 5.5") << qint64(6) << qint64(5);
    QTest::newRow("=") << QStringLiteral("id = 42") << qint64(42) << qint64(42);
    QTest::newRow("in: the hull") << QStringLiteral("id in (7, 3, 99)") << qint64(3) << qint64(99);
    QTest::newRow("and with other fields")
        << QStringLiteral("name like \"A*\" and id < 50 and status/id = 1") << kMin << qint64(49);
    QTest::newRow("or: the hull") << QStringLiteral("(id > 100 and id < 110) or id = 3") << qint64(3) << qint64(109);
    QTest::newRow("or with an unbounded side") << QStringLiteral("id > 100 or name = \"x\"") << kMin << kMax;
    QTest::newRow("not is unbounded") << QStringLiteral("not (id > 5)") << kMin << kMax;
    QTest::newRow("!= is unbounded") << QStringLiteral("id != 5") << kMin << kMax;
    QTest::newRow("not in is unbounded") << QStringLiteral("id not in (1, 2)") << kMin << kMax;
    QTest::newRow("a string compares as text") << QStringLiteral("id > \"120\"") << kMin << kMax;
    QTest::newRow("a nested id is another field") << QStringLiteral("status/id = 1") << kMin << kMax;
    QTest::newRow("beyond qint64") << QStringLiteral("id > -10000000000000000000000 and id < 10000000000000000000000")
                                   << kMin << kMax;
}

void TestConditions::integerRange()
{
    QFETCH(QString, condition);
    QFETCH(qint64, low);
    QFETCH(qint64, high);
    QString error;
    const Sim::Conditions conditions = Sim::Conditions::parse(condition, &error);
    QVERIFY2(conditions.isValid(), qPrintable(error));
    const Sim::Conditions::IntegerRange range = conditions.integerRange(QStringLiteral("id"));
    QCOMPARE(range.low, low);
    QCOMPARE(range.high, high);
}

QTEST_GUILESS_MAIN(TestConditions)
#include "tst_conditions.moc"
