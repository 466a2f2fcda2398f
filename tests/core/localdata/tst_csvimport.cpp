#include "core/localdata/CsvImport.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/store/Database.h"
#include "tests/support/TestDatabase.h"

#include <QBuffer>
#include <QDate>
#include <QFile>
#include <QTest>

using namespace Cw;

// Runs on SQLite, and once more on PostgreSQL as tst_csvimport_pg.
class TestCsvImport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void importsGoodFileAndFeedsValueLists();
    void reimportUpdatesInsteadOfDuplicating();
    void badRowImportsNothingUnlessSkipped();
    void linesImportAndKeepThePulledBalance();
    void unusableFileSaysWhy();
    void fiftyThousandRowsInOneTransaction();
    void manyBadRowsKeepBoundedErrors();
    void progressAndCancelWriteNothing();
    void checkOnlyWritesNothing();
    void windows1252FileRefusedThenImported();
    void lateEncodingErrorRollsBackEarlierBatches();
    void replacementCharacterNeverStored();

private:
    CsvImport::Result importText(const QString& entity, const QByteArray& csv, bool skipBadRows = false);
    CsvImport::Result importWith(const QString& entity, const QByteArray& csv, const CsvImport::Options& options,
                                 CsvImport* import = nullptr);
    CwTest::TestDatabase m_backend;
    std::unique_ptr<Database> m_db;
};

void TestCsvImport::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

void TestCsvImport::init()
{
    QString error;
    const DatabaseLocation location = m_backend.fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = std::make_unique<Database>(location);
    StoreError storeError;
    QVERIFY2(m_db->open(&storeError), qPrintable(storeError.message));
}

void TestCsvImport::cleanup()
{
    m_db.reset();
}

CsvImport::Result TestCsvImport::importText(const QString& entity, const QByteArray& csv, bool skipBadRows)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvImport::Options options;
    options.skipBadRows = skipBadRows;
    return importWith(entity, csv, options);
}

CsvImport::Result TestCsvImport::importWith(const QString& entity, const QByteArray& csv,
                                            const CsvImport::Options& options, CsvImport* import)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvImport own(*m_db);
    return (import ? import : &own)->importDevice(*LocalSchema::entity(entity), &buffer, options);
}

void TestCsvImport::importsGoodFileAndFeedsValueLists()
{
    const auto r =
        importText(QStringLiteral("invoices"),
                   "\xEF\xBB\xBFid,number,account_id,invoice_stage,invoice_type,currency,date,due_date,total\r\n"
                   "I1,1001,A1,Open,Standard,USD,2026-01-31,2026-02-28,100.50\r\n"
                   "I2,\"10,02\",A1,Paid,Standard,EUR,2026-02-01,,12\r\n");
    QVERIFY2(r.imported, qPrintable(r.describe()));
    QCOMPARE(r.counts.inserted, 2);
    LocalRecordStore store(*m_db);
    const LocalEntity invoices = *LocalSchema::entity(QStringLiteral("invoices"));
    QCOMPARE(store.count(invoices), 2);
    const auto i2 = store.find(invoices, QStringLiteral("I2"));
    QVERIFY(i2);
    QCOMPARE(i2->values.value(QStringLiteral("number")).toString(), QStringLiteral("10,02"));
    QCOMPARE(i2->values.value(QStringLiteral("date")).toDate(), QDate(2026, 2, 1));
    QVERIFY(!i2->values.contains(QStringLiteral("due_date")));
    QCOMPARE(store.find(invoices, QStringLiteral("I1"))->values.value(QStringLiteral("total")).toString(),
             QStringLiteral("100.5"));
    QCOMPARE(store.values(QStringLiteral("currency")), (QStringList {QStringLiteral("EUR"), QStringLiteral("USD")}));
    QCOMPARE(store.values(QStringLiteral("invoice_stage")),
             (QStringList {QStringLiteral("Open"), QStringLiteral("Paid")}));
    QCOMPARE(r.counts.valuesAdded, 5); // 2 stages, 1 type, 2 currencies

    // all(): every record in id order, as text (what a push reads): the date as stored, the total canonical.
    const QList<LocalRecord> texts = store.all(invoices);
    QCOMPARE(texts.size(), 2);
    QCOMPARE(texts.at(0).id, QStringLiteral("I1"));
    QCOMPARE(texts.at(0).values.value(QStringLiteral("total")), QVariant(QStringLiteral("100.5")));
    QCOMPARE(texts.at(1).values.value(QStringLiteral("date")), QVariant(QStringLiteral("2026-02-01")));
    QCOMPARE(texts.at(1).values.value(QStringLiteral("total")), QVariant(QStringLiteral("12")));
    QVERIFY(!texts.at(1).values.contains(QStringLiteral("due_date")));
}

void TestCsvImport::reimportUpdatesInsteadOfDuplicating()
{
    const QByteArray csv = "id,name,email\nu1,Ann,ann@x.example\nu2,Bob,\n";
    QVERIFY(importText(QStringLiteral("users"), csv).imported);
    const auto again = importText(QStringLiteral("users"), csv);
    QVERIFY(again.imported);
    QCOMPARE(again.counts.inserted, 0);
    QCOMPARE(again.counts.updated, 0);
    QCOMPARE(again.counts.unchanged, 2);
    const auto changed = importText(QStringLiteral("users"), "id,name,email\nu1,Ann Lee,ann@x.example\nu3,Cy,\n");
    QCOMPARE(changed.counts.updated, 1);
    QCOMPARE(changed.counts.inserted, 1);
    LocalRecordStore store(*m_db);
    const LocalEntity users = *LocalSchema::entity(QStringLiteral("users"));
    QCOMPARE(store.count(users), 3);
    QCOMPARE(store.find(users, QStringLiteral("u1"))->values.value(QStringLiteral("name")).toString(),
             QStringLiteral("Ann Lee"));
}

void TestCsvImport::badRowImportsNothingUnlessSkipped()
{
    const QByteArray csv = "id,invoice_id,method,amount,date\n"
                           "P1,I1,credit_card,10.00,2026-01-01\n"
                           "P2,I1,cheque,5,2026-01-0\n"
                           "P3,I2,bank_deposit,abc,2026-01-03\n";
    const auto strict = importText(QStringLiteral("payments"), csv);
    QVERIFY(!strict.imported);
    QCOMPARE(strict.rowErrors.size(), 2);
    const QString text = strict.describe(20, CsvImport::Result::Reader::Cli);
    QVERIFY2(text.contains(QStringLiteral("Row 2 (line 3)")) && text.contains(QStringLiteral("Row 3 (line 4)")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("--skip-bad-rows")));
    LocalRecordStore store(*m_db);
    const LocalEntity payments = *LocalSchema::entity(QStringLiteral("payments"));
    QCOMPARE(store.count(payments), 0);

    const auto lenient = importText(QStringLiteral("payments"), csv, true);
    QVERIFY(lenient.imported);
    QCOMPARE(lenient.counts.inserted, 1);
    QCOMPARE(store.count(payments), 1);
    QVERIFY(lenient.describe().contains(QStringLiteral("2 bad row")));
    // The methods of the payments imported are the local payment methods the server variables pick from.
    QCOMPARE(store.values(LocalSchema::paymentMethodList()), QStringList {QStringLiteral("credit_card")});
}

void TestCsvImport::linesImportAndKeepThePulledBalance()
{
    const auto lines = importText(QStringLiteral("invoice_lines"),
                                  "id,invoice_id,product_id,description,quantity,price\n"
                                  "L1,I1,P1,\"Switch, 8 ports\",2,49.90\n"
                                  "L2,I1,P2,,1.5,\n"
                                  "L3,I2,P1,,,10\n");
    QCOMPARE(lines.rowErrors.size(), 1); // L3: quantity is required
    QVERIFY(lines.rowErrors.first().message.contains(QStringLiteral("quantity is empty")));
    const auto skipped = importText(QStringLiteral("invoice_lines"),
                                    "id,invoice_id,product_id,description,quantity,price\n"
                                    "L1,I1,P1,\"Switch, 8 ports\",2,49.90\nL2,I1,P2,,1.5,\nL3,I2,P1,,,10\n",
                                    true);
    QVERIFY(skipped.imported);
    QCOMPARE(skipped.counts.inserted, 2);
    LocalRecordStore store(*m_db);
    const auto l1 = store.find(LocalSchema::entity(Entity::InvoiceLines), QStringLiteral("L1"));
    QVERIFY(l1);
    QCOMPARE(l1->values.value(QStringLiteral("price")).toString(), QStringLiteral("49.9"));
    QCOMPARE(l1->values.value(QStringLiteral("description")).toString(), QStringLiteral("Switch, 8 ports"));
    QVERIFY(importText(QStringLiteral("order_lines"), "id,order_id,product_id,quantity\nOL1,O1,P1,3\n").imported);
    QCOMPARE(store.count(LocalSchema::entity(Entity::OrderLines)), 1);

    // A pull wrote the invoice's balance; importing the invoices again keeps it (it is not a CSV column).
    const QByteArray invoices = "id,number,account_id,date,total\nI1,N-1,A1,2026-01-01,100\n";
    QVERIFY(importText(QStringLiteral("invoices"), invoices).imported);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE invoices SET balance = 40 WHERE id = 'I1'")));
    const auto again = importText(QStringLiteral("invoices"), invoices);
    QCOMPARE(again.counts.unchanged, 1);
    const auto changed =
        importText(QStringLiteral("invoices"), "id,number,account_id,date,total\nI1,N-1,A1,2026-01-01,120\n");
    QCOMPARE(changed.counts.updated, 1);
    const auto i1 = store.find(LocalSchema::entity(Entity::Invoices), QStringLiteral("I1"));
    QCOMPARE(i1->values.value(QStringLiteral("total")).toString(), QStringLiteral("120"));
    QCOMPARE(i1->values.value(QStringLiteral("balance")).toString(), QStringLiteral("40"));
}

void TestCsvImport::unusableFileSaysWhy()
{
    const auto r = importText(QStringLiteral("accounts"), "id,phone\n1,555\n");
    QVERIFY(!r.imported);
    QVERIFY(r.describe().contains(QStringLiteral("name")));
    const auto missing = CsvImport(*m_db).importFile(QStringLiteral("accounts"), QStringLiteral("/nonexistent/x.csv"));
    QVERIFY(missing.describe().contains(QStringLiteral("/nonexistent/x.csv")));
    const auto entity = CsvImport(*m_db).importFile(QStringLiteral("widgets"), QStringLiteral("x.csv"));
    QVERIFY(entity.describe().contains(QStringLiteral("accounts, products")));
}

void TestCsvImport::fiftyThousandRowsInOneTransaction()
{
    QByteArray csv = "id,name,account_type,currency\n";
    for (int i = 0; i < 50000; ++i) {
        csv += "A" + QByteArray::number(i) + ",\"Company " + QByteArray::number(i) + ", Ltd\",Client,USD\n";
    }
    // One bad row at the very end: nothing at all may be written.
    const auto refused = importText(QStringLiteral("accounts"), csv + "A-last,,Client,USD\n");
    QVERIFY(!refused.imported);
    LocalRecordStore store(*m_db);
    const LocalEntity accounts = *LocalSchema::entity(QStringLiteral("accounts"));
    QCOMPARE(store.count(accounts), 0);

    const auto r = importText(QStringLiteral("accounts"), csv);
    QVERIFY2(r.imported, qPrintable(r.describe()));
    QCOMPARE(r.counts.inserted, 50000);
    QCOMPARE(store.count(accounts), 50000);
}

namespace {
// rows users; every `badEvery`th has an empty name (0: none bad).
QByteArray usersCsv(int rows, int badEvery)
{
    QByteArray csv = "id,name,email\n";
    for (int i = 1; i <= rows; ++i) {
        const bool bad = badEvery > 0 && i % badEvery == 0;
        csv += "u" + QByteArray::number(i) + ',' + (bad ? QByteArray() : "User " + QByteArray::number(i)) + ",\n";
    }
    return csv;
}
} // namespace

void TestCsvImport::manyBadRowsKeepBoundedErrors()
{
    // 30,000 rows, every second one bad: 15,000 errors, of which only the first maxErrors are kept.
    const QByteArray csv = usersCsv(30000, 2);
    const auto strict = importText(QStringLiteral("users"), csv);
    QVERIFY(!strict.imported);
    QCOMPARE(strict.rows, 30000);
    QCOMPARE(strict.badRows, 15000);
    QCOMPARE(strict.errorCount, 15000);
    QCOMPARE(strict.rowErrors.size(), qsizetype(CsvRowErrors::kDefaultLimit));
    QCOMPARE(strict.rowErrors.first().row, 2);
    QCOMPARE(strict.rowErrors.first().line, 3);
    QVERIFY(strict.describe().contains(QStringLiteral("and 14980 more")));
    LocalRecordStore store(*m_db);
    const LocalEntity users = *LocalSchema::entity(QStringLiteral("users"));
    QCOMPARE(store.count(users), 0);

    CsvImport::Options good;
    good.skipBadRows = true;
    good.maxErrors = 10;
    const auto lenient = importWith(QStringLiteral("users"), csv, good);
    QVERIFY2(lenient.imported, qPrintable(lenient.describe()));
    QCOMPARE(lenient.rowErrors.size(), 10);
    QCOMPARE(lenient.badRows, 15000);
    QCOMPARE(lenient.counts.inserted, 15000);
    QCOMPARE(store.count(users), 15000);
    QVERIFY(store.find(users, QStringLiteral("u29999")));
    QVERIFY(!store.find(users, QStringLiteral("u30000")));
}

void TestCsvImport::progressAndCancelWriteNothing()
{
    const QByteArray csv = usersCsv(5000, 0);
    CsvImport::Options options;
    options.batchRows = 500;
    QList<CsvImport::Progress> reports;
    {
        CsvImport import(*m_db);
        import.setProgressCallback([&](const CsvImport::Progress& p) { reports.append(p);
    });
    const auto done = importWith(QStringLiteral("users"), csv, options, &import);
    QVERIFY2(done.imported, qPrintable(done.describe()));
}
QVERIFY(reports.size() >= 10);
for (int i = 1; i < reports.size(); ++i) {
    QVERIFY(reports.at(i).rows >= reports.at(i - 1).rows);
    QVERIFY(reports.at(i).bytes <= reports.at(i).totalBytes);
}
QCOMPARE(reports.last().rows, 5000);
QCOMPARE(reports.last().bytes, qint64(csv.size()));
QCOMPARE(reports.last().totalBytes, qint64(csv.size()));

// Cancelled after the second batch was written inside the transaction: nothing stays.
const QByteArray other = usersCsv(5000, 0).replace('u', 'v'); // ids v1..v5000 ("User" keeps its U)
CsvImport import(*m_db);
    import.setProgressCallback([&](const CsvImport::Progress& p) {
        if (p.rows >= 1000) {
            import.cancel();
    }
    });
    const auto cancelled = importWith(QStringLiteral("users"), other, options, &import);
    QVERIFY(cancelled.cancelled);
    QVERIFY(!cancelled.imported);
    QVERIFY(cancelled.rows < 5000);
    QVERIFY(cancelled.describe().contains(QStringLiteral("cancelled")));
    LocalRecordStore store(*m_db);
    const LocalEntity users = *LocalSchema::entity(QStringLiteral("users"));
    QCOMPARE(store.count(users), 5000); // the first import's, none of the cancelled one's
    QVERIFY(!store.find(users, QStringLiteral("v1")));
    }

    void TestCsvImport::checkOnlyWritesNothing()
    {
        CsvImport::Options check;
        check.checkOnly = true;
        const auto r = importWith(QStringLiteral("users"), usersCsv(1000, 100), check);
        QVERIFY(!r.imported);
        QVERIFY(r.checkOnly);
        QCOMPARE(r.rows, 1000);
        QCOMPARE(r.badRows, 10);
        QCOMPARE(r.goodRows(), 990);
        QVERIFY2(r.describe().contains(QStringLiteral("990 good")), qPrintable(r.describe()));
        QCOMPARE(LocalRecordStore(*m_db).count(*LocalSchema::entity(QStringLiteral("users"))), 0);
    }

    void TestCsvImport::windows1252FileRefusedThenImported()
    {
        // "Müller" and "Café €5" as Excel on Windows saves them.
        const QByteArray csv = "id,name,email\r\nu1,Ann,\r\nu2,M\xFCller,\r\nu3,Caf\xE9 \x80"
                               "5,\r\n";
        const auto refused = importText(QStringLiteral("users"), csv);
        QVERIFY(!refused.imported);
        QVERIFY(refused.decodeError.isError());
        QCOMPARE(refused.decodeError.line, 3);
        QCOMPARE(refused.decodeError.column, 5);
        QVERIFY2(refused.describe().contains(
                     QStringLiteral("Line 3 is not UTF-8 (byte 0xFC at column 5); if the file comes from Excel, pick "
                                    "Windows-1252.")),
                 qPrintable(refused.describe()));
        LocalRecordStore store(*m_db);
        const LocalEntity users = *LocalSchema::entity(QStringLiteral("users"));
        QCOMPARE(store.count(users), 0); // not even u1

        CsvImport::Options windows;
        windows.encoding = TextEncoding::Windows1252;
        const auto imported = importWith(QStringLiteral("users"), csv, windows);
        QVERIFY2(imported.imported, qPrintable(imported.describe()));
        QCOMPARE(imported.encoding, TextEncoding::Windows1252);
        QCOMPARE(store.find(users, QStringLiteral("u2"))->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Müller"));
        QCOMPARE(store.find(users, QStringLiteral("u3"))->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Café €5"));

        // ISO-8859-15 has € at 0xA4; a UTF-8 byte-order mark overrides the encoding asked for.
        CsvImport::Options latin9;
        latin9.encoding = TextEncoding::Latin9;
        QVERIFY(importWith(QStringLiteral("users"), "id,name,email\nu4,\xA4 Euro,\n", latin9).imported);
        QCOMPARE(store.find(users, QStringLiteral("u4"))->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("€ Euro"));
        const auto bom = importWith(QStringLiteral("users"), "\xEF\xBB\xBFid,name,email\nu5,Zo\xC3\xAB,\n", windows);
        QVERIFY(bom.imported);
        QCOMPARE(bom.encoding, TextEncoding::Utf8);
        QCOMPARE(store.find(users, QStringLiteral("u5"))->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Zoë"));
    }

    void TestCsvImport::lateEncodingErrorRollsBackEarlierBatches()
    {
        // Several batches are written inside the transaction before the bad byte: none of them may stay.
        const QByteArray csv = usersCsv(3000, 0) + "u9999,Jos\xE9,\n";
        CsvImport::Options options;
        options.batchRows = 100;
        options.skipBadRows = true; // not a row error: the file itself is refused
        const auto r = importWith(QStringLiteral("users"), csv, options);
        QVERIFY(!r.imported);
        QCOMPARE(r.decodeError.line, 3002);
        QCOMPARE(LocalRecordStore(*m_db).count(*LocalSchema::entity(QStringLiteral("users"))), 0);
    }

    void TestCsvImport::replacementCharacterNeverStored()
    {
        // Text that lost its "ü" before it reached the file (valid UTF-8 of U+FFFD) is a row error naming the column.
        const auto r = importText(QStringLiteral("users"), "id,name,email\nu1,M\xEF\xBF\xBDller,\nu2,Bob,\n", true);
        QVERIFY(r.imported);
        QCOMPARE(r.rowErrors.size(), 1);
        QCOMPARE(r.rowErrors.first().row, 1);
        QCOMPARE(r.rowErrors.first().column, QStringLiteral("name"));
        QVERIFY(r.rowErrors.first().message.contains(QStringLiteral("U+FFFD")));
        LocalRecordStore store(*m_db);
        const LocalEntity users = *LocalSchema::entity(QStringLiteral("users"));
        QVERIFY(!store.find(users, QStringLiteral("u1")));

        // Any other path that writes (a sync, a tool): the store refuses it, naming the row and the column.
        LocalRecord record;
        record.id = QStringLiteral("u7");
        record.row = 7;
        record.values.insert(QStringLiteral("id"), QStringLiteral("u7"));
        record.values.insert(QStringLiteral("name"), QString(QStringLiteral("M") + QChar(QChar::ReplacementCharacter)));
        StoreError error;
        LocalRecordStore::Counts counts;
        QVERIFY(!store.upsert(users, {record}, &counts, &error));
        QVERIFY2(error.message.contains(QStringLiteral("Row 7")) && error.message.contains(QStringLiteral("name")),
                 qPrintable(error.message));
        QVERIFY(!store.find(users, QStringLiteral("u7")));
        QVERIFY(!store.addValue(QStringLiteral("currency"), QStringLiteral("E") + QChar(QChar::ReplacementCharacter),
                                &error));
        QVERIFY(error.message.contains(QStringLiteral("U+FFFD")));
        QVERIFY(!store.values(QStringLiteral("currency")).join(QString()).contains(QChar(QChar::ReplacementCharacter)));
    }

    QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
