#include "core/localdata/LocalRecordStore.h"
#include "core/store/Database.h"
#include "tests/support/TestDatabase.h"
#include "ui/panels/CsvImportPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Cw;

// CSV import from the GUI panel: good files, bad rows with their numbers, a UTF-8 BOM, quoted commas and
// newlines, "skip bad rows"; the file comes from the file-chooser seam, as a click on Browse would.
class TestCsvImportPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void goodFileWithBomAndQuotes();
    void badRowsAreNumberedAndBlockUnlessSkipped();

private:
    QString write(const QString& name, const QByteArray& content);
    void choose(CsvImportPanel& panel, const QString& entity, const QString& path);

    CwTest::TestDatabase m_backend;
    std::unique_ptr<Database> m_db;
};

void TestCsvImportPanel::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

void TestCsvImportPanel::init()
{
    QString error;
    m_db = std::make_unique<Database>(m_backend.fresh(&error));
    StoreError storeError;
    QVERIFY2(m_db->open(&storeError), qPrintable(storeError.message));
}

void TestCsvImportPanel::cleanup()
{
    m_db.reset();
}

QString TestCsvImportPanel::write(const QString& name, const QByteArray& content)
{
    const QString path = m_backend.tempPath() + QLatin1Char('/') + name;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(content);
    }
    return path;
}

void TestCsvImportPanel::choose(CsvImportPanel& panel, const QString& entity, const QString& path)
{
    auto* combo = panel.findChild<QComboBox*>(QStringLiteral("entity"));
    combo->setCurrentIndex(combo->findData(entity));
    panel.setFileChooser([path](QWidget*) { return path; });
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("browse")), Qt::LeftButton);
}

void TestCsvImportPanel::goodFileWithBomAndQuotes()
{
    const QString path = write(QStringLiteral("products.csv"),
                               "\xEF\xBB\xBFid,name,description,product_type,unit_type,price,cost\n"
                               "p1,\"Cable, 2 m\",\"Two lines:\nsecond line\",Hardware,Each,9.90,4.00\n"
                               "p2,Laptop,,Hardware,Each,999,700\n");
    CsvImportPanel panel(*m_db);
    panel.show();
    choose(panel, QStringLiteral("products"), path);
    QTableWidget* preview = panel.preview();
    QCOMPARE(preview->rowCount(), 2);
    QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("id")); // the BOM is not part of the name
    QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("Cable, 2 m"));
    QCOMPARE(preview->item(0, 2)->text(), QStringLiteral("Two lines:\nsecond line"));
    QCOMPARE(panel.errors()->count(), 0);
    auto* import = panel.findChild<QPushButton*>(QStringLiteral("import"));
    QVERIFY(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY2(panel.lastResult().imported, qPrintable(panel.resultText()));
    QCOMPARE(LocalRecordStore(*m_db).count(*LocalSchema::entity(QStringLiteral("products"))), 2);
    QCOMPARE(LocalRecordStore(*m_db).values(QStringLiteral("unit_type")), QStringList {QStringLiteral("Each")});
}

void TestCsvImportPanel::badRowsAreNumberedAndBlockUnlessSkipped()
{
    const QString path = write(QStringLiteral("payments.csv"),
                               "id,invoice_id,method,amount,date\n"
                               "pay1,i1,credit_card,10.00,2026-01-05\n"
                               "pay2,i1,,10.00,2026-01-05\n"
                               "pay3,i1,bank_deposit,ten,2026-01-05\n"
                               "pay4,i1,bank_deposit,5,2026-01-06\n");
    CsvImportPanel panel(*m_db);
    panel.show();
    choose(panel, QStringLiteral("payments"), path);
    QCOMPARE(panel.preview()->rowCount(), 2); // the good rows
    QCOMPARE(panel.errors()->count(), 2);
    QVERIFY2(panel.errors()->item(0)->text().startsWith(QLatin1String("Row 2 (line 3)")),
             qPrintable(panel.errors()->item(0)->text()));
    QVERIFY(panel.errors()->item(0)->text().contains(QLatin1String("method")));
    QVERIFY(panel.errors()->item(1)->text().startsWith(QLatin1String("Row 3 (line 4)")));
    auto* import = panel.findChild<QPushButton*>(QStringLiteral("import"));
    QVERIFY(!import->isEnabled()); // bad rows: nothing is imported half-way

    QTest::mouseClick(panel.findChild<QCheckBox*>(QStringLiteral("skipBadRows")), Qt::LeftButton);
    QVERIFY(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY2(panel.lastResult().imported, qPrintable(panel.resultText()));
    QCOMPARE(panel.lastResult().rowErrors.size(), 2);
    QVERIFY(panel.resultText().contains(QLatin1String("2")));
    QCOMPARE(LocalRecordStore(*m_db).count(*LocalSchema::entity(QStringLiteral("payments"))), 2);
}

QTEST_MAIN(TestCsvImportPanel)
#include "tst_csvimportpanel.moc"
