#include "core/localdata/CsvEntityParser.h"

#include <QBuffer>
#include <QDate>
#include <QTest>

using namespace Cw;

class TestCsvEntityParser final : public QObject
{
    Q_OBJECT

private slots:
    void goodAccounts();
    void badRowsAreNamed();
    void missingRequiredColumnRejectsFile();
    void duplicateIdInFile();
    void paymentMethodsAreLocalIds();
    void everyEntityHasPRODUCTColumns();
    void fiftyThousandRows();

private:
    struct Parsed
    {
        QList<LocalRecord> records;
        QList<CsvRowError> errors;
        QString fileError;
        QStringList ignored;
        int rows = 0;
        QStringList ignoredColumns() const { return ignored; }
        int rowCount() const { return rows; }
    };
    // Reads the whole input row by row, as CsvImport does, keeping every good record.
    static Parsed parse(const QString& entity, const QByteArray& data, bool* ok);
};

TestCsvEntityParser::Parsed TestCsvEntityParser::parse(const QString& entity, const QByteArray& data, bool* ok)
{
    CsvEntityParser parser(*LocalSchema::entity(entity));
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    Parsed out;
    *ok = parser.start(&buffer);
    LocalRecord record;
    while (*ok && parser.next(&record)) {
        out.records.append(record);
    }
    out.errors = parser.errors().kept();
    out.fileError = parser.fileError();
    out.ignored = parser.ignoredColumns();
    out.rows = parser.rowCount();
    *ok = *ok && out.fileError.isEmpty();
    return out;
}

void TestCsvEntityParser::goodAccounts()
{
    bool ok = false;
    const auto p = parse(
        QStringLiteral("accounts"),
        "\xEF\xBB\xBFid,name,account_type,currency,phone,website,address_line1,city,state,zip,country,notes\r\n"
        "A1,\"Acme, Inc.\",Client,USD,555,https://acme.example,\"1 Main St\nSuite 2\",Springfield,IL,62701,US,x\r\n"
        "A2,Beta,,,,,,,,,,\r\n",
        &ok);
    QVERIFY(ok);
    QVERIFY(p.errors.isEmpty());
    QCOMPARE(p.records.size(), 2);
    QCOMPARE(p.records.at(0).id, QStringLiteral("A1"));
    QCOMPARE(p.records.at(0).values.value(QStringLiteral("name")).toString(), QStringLiteral("Acme, Inc."));
    QCOMPARE(p.records.at(0).values.value(QStringLiteral("address_line1")).toString(),
             QStringLiteral("1 Main St\nSuite 2"));
    QVERIFY(!p.records.at(1).values.contains(QStringLiteral("currency")));
    QCOMPARE(p.ignoredColumns(), QStringList {QStringLiteral("notes")});
}

void TestCsvEntityParser::badRowsAreNamed()
{
    bool ok = false;
    const auto p = parse(QStringLiteral("invoices"),
                         "id,number,account_id,invoice_stage,invoice_type,currency,date,due_date,total\n"
                         "I1,1001,A1,Open,Standard,USD,2026-01-31,2026-02-28,100.00\n"
                         "I2,1002,A1,Open,Standard,USD,31/01/2026,,12\n"
                         "I3,1003,,Open,Standard,USD,2026-01-31,,1,234.00\n"
                         "I4,1004,A2,Open,Standard,USD,2026-01-31,,abc\n",
                         &ok);
    QVERIFY(ok); // the file is readable; its rows have problems
    QCOMPARE(p.records.size(), 1);
    QCOMPARE(p.rowCount(), 4);
    QCOMPARE(p.errors.size(), 3);
    QCOMPARE(p.errors.at(0).row, 2);
    QCOMPARE(p.errors.at(0).line, 3);
    QCOMPARE(p.errors.at(0).column, QStringLiteral("date"));
    QVERIFY(p.errors.at(0).message.contains(QStringLiteral("YYYY-MM-DD")));
    QCOMPARE(p.errors.at(1).column, QStringLiteral("account_id"));
    QVERIFY(p.errors.at(1).message.contains(QStringLiteral("required")));
    QCOMPARE(p.errors.at(2).row, 4);
    QVERIFY(p.errors.at(2).message.contains(QStringLiteral("“abc” is not a number")));
    QCOMPARE(p.records.first().values.value(QStringLiteral("date")).toDate(), QDate(2026, 1, 31));
}

void TestCsvEntityParser::missingRequiredColumnRejectsFile()
{
    bool ok = true;
    const auto p = parse(QStringLiteral("users"), "id,email\n1,a@b.example\n", &ok);
    QVERIFY(!ok);
    QVERIFY(p.fileError.contains(QStringLiteral("name")));
    QVERIFY(p.records.isEmpty());
    const auto empty = parse(QStringLiteral("users"), "", &ok);
    QVERIFY(!ok);
    QVERIFY(empty.fileError.contains(QStringLiteral("empty")));
}

void TestCsvEntityParser::duplicateIdInFile()
{
    bool ok = false;
    const auto p = parse(QStringLiteral("users"), "id,name,email\nu1,Ann,\nu2,Bob,\nu1,Ann again,\n", &ok);
    QVERIFY(ok);
    QCOMPARE(p.records.size(), 2);
    QCOMPARE(p.errors.size(), 1);
    QCOMPARE(p.errors.first().row, 3);
    QVERIFY(p.errors.first().message.contains(QStringLiteral("row 1")));
}

void TestCsvEntityParser::paymentMethodsAreLocalIds()
{
    // A payment's method is the local system's own payment-method id: any text up to 64 characters.
    bool ok = false;
    const QByteArray tooLong = QByteArray(65, 'x');
    const auto p = parse(QStringLiteral("payments"),
                         "id,invoice_id,method,amount,date\nP1,I1,VISA,10.5,2026-01-01\nP2,I1,cash,1,2026-01-01\n"
                         "P3,I1," +
                             tooLong + ",1,2026-01-01\nP4,I1,,1,2026-01-01\n",
                         &ok);
    QVERIFY(ok);
    QCOMPARE(p.records.size(), 2);
    QCOMPARE(p.records.at(0).values.value(QStringLiteral("method")).toString(), QStringLiteral("VISA"));
    QCOMPARE(p.records.at(1).values.value(QStringLiteral("method")).toString(), QStringLiteral("cash"));
    QCOMPARE(p.errors.size(), 2);
    QVERIFY(p.errors.at(0).message.contains(QStringLiteral("at most 64")));
    QVERIFY(p.errors.at(1).message.contains(QStringLiteral("method is empty")));
    QCOMPARE(LocalSchema::entity(Entity::Payments).column(QStringLiteral("method"))->valueList,
             LocalSchema::paymentMethodList());
}

void TestCsvEntityParser::everyEntityHasPRODUCTColumns()
{
    const QHash<QString, QString> expected {
        {QStringLiteral("accounts"),
         QStringLiteral("id,name,account_type,currency,phone,website,address_line1,city,state,zip,country")},
        {QStringLiteral("products"), QStringLiteral("id,name,description,product_type,unit_type,price,cost")},
        {QStringLiteral("invoices"),
         QStringLiteral("id,number,account_id,invoice_stage,invoice_type,currency,date,due_date,total")},
        {QStringLiteral("invoice_lines"), QStringLiteral("id,invoice_id,product_id,description,quantity,price")},
        {QStringLiteral("orders"), QStringLiteral("id,account_id,order_stage,currency,date,total,description,user_id")},
        {QStringLiteral("order_lines"), QStringLiteral("id,order_id,product_id,description,quantity,price")},
        {QStringLiteral("payments"), QStringLiteral("id,invoice_id,method,amount,date")},
        {QStringLiteral("users"), QStringLiteral("id,name,email")},
    };
    QCOMPARE(LocalSchema::entityNames().size(), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QCOMPARE(LocalSchema::entity(it.key())->csvColumnNames().join(QLatin1Char(',')), it.value());
    }
    // invoices.balance is a column of the table (written by the pull), not of the CSV file: a file that has one
    // imports without it.
    QCOMPARE(LocalSchema::entity(Entity::Invoices).columnNames().last(), QStringLiteral("balance"));
    bool ok = false;
    const auto p =
        parse(QStringLiteral("invoices"), "id,number,account_id,date,total,balance\nI1,N1,A1,2026-01-01,10,99\n", &ok);
    QVERIFY(ok);
    QCOMPARE(p.ignoredColumns(), QStringList {QStringLiteral("balance")});
    QVERIFY(!p.records.first().values.contains(QStringLiteral("balance")));
}

void TestCsvEntityParser::fiftyThousandRows()
{
    QByteArray data = "id,name,description,product_type,unit_type,price,cost\n";
    for (int i = 0; i < 50000; ++i) {
        data += "P" + QByteArray::number(i) + ",\"Widget, size " + QByteArray::number(i) + "\",desc,Hardware,Each," +
            QByteArray::number(i % 1000) + ".99,1\n";
    }
    bool ok = false;
    const auto p = parse(QStringLiteral("products"), data, &ok);
    QVERIFY(ok);
    QCOMPARE(p.records.size(), 50000);
    QVERIFY(p.errors.isEmpty());
    QCOMPARE(p.records.last().values.value(QStringLiteral("name")).toString(), QStringLiteral("Widget, size 49999"));
}

QTEST_GUILESS_MAIN(TestCsvEntityParser)
#include "tst_csventityparser.moc"
