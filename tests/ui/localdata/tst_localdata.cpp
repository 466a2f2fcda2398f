#include "core/localdata/CsvImport.h"
#include "core/localdata/CsvImportWorker.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/SetupController.h"
#include "core/store/Database.h"
#include "tests/support/SimFixture.h"
#include "tests/support/TestDatabase.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/panels/LocalDataPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/wizard/LocalDataPage.h"
#include "ui/wizard/PanelPage.h"
#include "ui/wizard/WizardSteps.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Cw;

// The Local data panel and its import dialog, driven as an admin would: counts per entity of LocalSchema, the
// file from the file-chooser seam, the encoding detected and changed (the preview re-reads), row errors, "good
// rows only", the import in its worker thread with progress and Cancel (Esc), the keyboard alone, and the
// windows' sizes on a 1366×768 screen at 150 %. Then the wizard page between the systems check and user mapping.
class TestLocalData final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void panelCountsEveryEntity();
    void browseAsksThroughThePrompter();
    void previewFollowsTheEncoding();
    void rowErrorsThenGoodRowsOnly();
    void errorTableKeepsTheFirstHundred();
    void progressThenEscCancelsAndWritesNothing();
    void keyboardAlone();
    void fitsSmallScreenAt150Percent();
    void wizardPageBeforeUserMapping();

private:
    QString write(const QString& name, const QByteArray& content);
    CsvImportDialog* openDialog(LocalDataPanel& panel, const QString& entity, const QString& path);
    static bool waitFinished(CsvImportDialog* dialog);
    int stored(const QString& entity) const;

    CwTest::TestDatabase m_backend;
    std::unique_ptr<Database> m_db;
    CwTest::ScriptedPrompter m_prompter; // answers Browse… of the import dialogs
};

void TestLocalData::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

void TestLocalData::init()
{
    QString error;
    m_db = std::make_unique<Database>(m_backend.fresh(&error));
    StoreError storeError;
    QVERIFY2(m_db->open(&storeError), qPrintable(storeError.message));
}

void TestLocalData::cleanup()
{
    m_db.reset();
}

QString TestLocalData::write(const QString& name, const QByteArray& content)
{
    const QString path = m_backend.tempPath() + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return QString();
    }
    return path;
}

CsvImportDialog* TestLocalData::openDialog(LocalDataPanel& panel, const QString& entity, const QString& path)
{
    m_prompter.openFilePath = path;
    m_prompter.fileDialogs.clear();
    auto* button = panel.findChild<QPushButton*>(QStringLiteral("import_") + entity);
    if (!button) {
        return nullptr;
    }
    button->click();
    auto* dialog = panel.findChild<CsvImportDialog*>();
    if (!dialog) {
        return nullptr;
    }
    // Browse… asks through the Prompter (a window-modal file dialog), which answers `path` later.
    dialog->findChild<QPushButton*>(QStringLiteral("browse"))->click();
    auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("file"));
    if (!QTest::qWaitFor([&] { return file->text() == path; }, 5000) ||
        m_prompter.fileDialogs != QStringList {QStringLiteral("CSV file of ") + entity}) {
        qWarning("Browse… chose \"%s\" through %s", qPrintable(file->text()),
                 qPrintable(m_prompter.fileDialogs.join(QLatin1Char(','))));
        return nullptr;
    }
    return dialog;
}

bool TestLocalData::waitFinished(CsvImportDialog* dialog)
{
    if (!dialog->isRunning()) {
        return true;
    }
    QSignalSpy finished(dialog->worker(), &CsvImportWorker::finished);
    return finished.wait(60000);
}

int TestLocalData::stored(const QString& entity) const
{
    return LocalRecordStore(*m_db).count(*LocalSchema::entity(entity));
}

void TestLocalData::panelCountsEveryEntity()
{
    CsvImport::Options options;
    QBuffer buffer;
    QByteArray csv = "id,name,account_type,currency\na1,Acme,Client,USD\na2,Beta,Client,EUR\n";
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(CsvImport(*m_db).importDevice(*LocalSchema::entity(QStringLiteral("accounts")), &buffer, options).imported);

    LocalDataPanel panel(*m_db, m_prompter);
    for (const QString& name : LocalSchema::entityNames()) { // the schema's list: entities added later appear
        QVERIFY2(panel.findChild<QPushButton*>(QStringLiteral("import_") + name), qPrintable(name));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("columns_") + name)
                    ->text()
                    .contains(LocalSchema::entity(name)->csvColumnNames().join(QLatin1String(", "))));
    }
    QCOMPARE(panel.count(QStringLiteral("accounts")), 2);
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("count_accounts"))->text().startsWith(QStringLiteral("2 record")));
    QCOMPARE(panel.count(QStringLiteral("users")), 0);
    auto* needsUsers = panel.findChild<QLabel*>(QStringLiteral("needs_users"));
    QVERIFY2(needsUsers->text().contains(QStringLiteral("User mapping needs users")), qPrintable(needsUsers->text()));
    QVERIFY(needsUsers->isVisibleTo(&panel));
    QVERIFY(!panel.findChild<QLabel*>(QStringLiteral("needs_accounts"))->isVisibleTo(&panel));

    // An import from the panel's dialog refreshes the counts.
    const QString users = write(QStringLiteral("users.csv"), "id,name,email\nu1,Ann,ann@x.example\nu2,Bob,\n");
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("users"), users);
    QVERIFY(dialog);
    QSignalSpy imported(&panel, &LocalDataPanel::imported);
    QVERIFY(dialog->startImport());
    QVERIFY(waitFinished(dialog));
    QCOMPARE(imported.count(), 1);
    QCOMPARE(panel.count(QStringLiteral("users")), 2);
    QVERIFY(!needsUsers->isVisibleTo(&panel));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("2 new")), qPrintable(dialog->resultText()));
}

// Browse… is a window-modal file dialog of the Prompter (never a blocking QFileDialog): the file chosen is read,
// and a cancelled dialog leaves the file as it was.
void TestLocalData::browseAsksThroughThePrompter()
{
    const QString path = write(QStringLiteral("browse.csv"), "id,name,email\nu1,Ann,ann@example.com\n");
    LocalDataPanel panel(*m_db, m_prompter);
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("users"), path);
    QVERIFY(dialog);
    QCOMPARE(dialog->preview()->rowCount(), 1);
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("import"))->isEnabled());

    m_prompter.openFilePath.clear(); // the admin cancels the file dialog
    dialog->findChild<QPushButton*>(QStringLiteral("browse"))->click();
    QTRY_COMPARE(m_prompter.fileDialogs.size(), 2);
    QTest::qWait(50); // the answer comes through the event loop
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("file"))->text(), path);
    QCOMPARE(dialog->preview()->rowCount(), 1);
}

void TestLocalData::previewFollowsTheEncoding()
{
    // Saved in ISO-8859-15 (0xA4 is €) with a "ü" (0xFC): not UTF-8, so Windows-1252 is proposed, where 0xA4 is ¤.
    const QString path = write(QStringLiteral("latin9.csv"), "id,name,email\r\nu1,Ann,\r\nu2,M\xFCller \xA4,\r\n");
    LocalDataPanel panel(*m_db, m_prompter);
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("users"), path);
    QVERIFY(dialog);
    QCOMPARE(dialog->encoding(), TextEncoding::Windows1252);
    QVERIFY2(dialog->encodingNote().contains(QStringLiteral("Line 3 is not UTF-8 (byte 0xFC at column 5)")),
             qPrintable(dialog->encodingNote()));
    QCOMPARE(dialog->preview()->rowCount(), 2);
    QCOMPARE(dialog->preview()->item(1, 1)->text(), QStringLiteral("Müller ¤"));

    auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("encoding"));
    combo->setCurrentIndex(combo->findData(static_cast<int>(TextEncoding::Latin9)));
    emit combo->activated(combo->currentIndex()); // as a pick in the list does
    QCOMPARE(dialog->preview()->item(1, 1)->text(), QStringLiteral("Müller €"));

    // Read as UTF-8 the file is refused, naming the line; nothing can be imported so.
    dialog->setEncoding(TextEncoding::Utf8);
    QCOMPARE(dialog->preview()->rowCount(), 1);
    QVERIFY2(dialog->resultText().contains(QStringLiteral("Line 3 is not UTF-8")), qPrintable(dialog->resultText()));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("import"))->isEnabled());

    dialog->setEncoding(TextEncoding::Latin9);
    QVERIFY(dialog->startImport());
    QVERIFY(waitFinished(dialog));
    QVERIFY2(dialog->lastResult().imported, qPrintable(dialog->resultText()));
    QCOMPARE(LocalRecordStore(*m_db)
                 .find(*LocalSchema::entity(QStringLiteral("users")), QStringLiteral("u2"))
                 ->values.value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("Müller €"));
}

void TestLocalData::rowErrorsThenGoodRowsOnly()
{
    const QString path = write(QStringLiteral("payments.csv"),
                               "id,invoice_id,method,amount,date\n"
                               "P1,I1,credit_card,10.00,2026-01-01\n"
                               "P2,I1,,5,2026-01-02\n"
                               "P3,I2,bank_deposit,abc,2026-01-03\n");
    LocalDataPanel panel(*m_db, m_prompter);
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("payments"), path);
    QVERIFY(dialog);
    QCOMPARE(dialog->preview()->rowCount(), 1);
    QTableWidget* errors = dialog->errors();
    QCOMPARE(errors->rowCount(), 2);
    QCOMPARE(errors->item(0, 0)->text(), QStringLiteral("2")); // row
    QCOMPARE(errors->item(0, 1)->text(), QStringLiteral("3")); // line
    QCOMPARE(errors->item(0, 2)->text(), QStringLiteral("method"));
    QVERIFY(errors->item(1, 3)->text().contains(QStringLiteral("“abc” is not a number")));

    QVERIFY(dialog->startImport()); // all or nothing: nothing
    QVERIFY(waitFinished(dialog));
    QVERIFY(!dialog->lastResult().imported);
    QVERIFY2(dialog->resultText().contains(QStringLiteral("Import the good rows only")),
             qPrintable(dialog->resultText()));
    QCOMPARE(errors->rowCount(), 2);
    QCOMPARE(stored(QStringLiteral("payments")), 0);

    dialog->findChild<QCheckBox*>(QStringLiteral("goodRowsOnly"))->setChecked(true);
    QVERIFY(dialog->startImport());
    QVERIFY(waitFinished(dialog));
    QVERIFY(dialog->lastResult().imported);
    QVERIFY2(dialog->resultText().contains(QStringLiteral("2 bad row")), qPrintable(dialog->resultText()));
    QCOMPARE(stored(QStringLiteral("payments")), 1);
    QCOMPARE(panel.count(QStringLiteral("payments")), 1);
}

void TestLocalData::errorTableKeepsTheFirstHundred()
{
    QByteArray csv = "id,name,email\n";
    for (int i = 1; i <= 150; ++i) {
        csv += "u" + QByteArray::number(i) + ",,\n"; // no name: every row is bad
    }
    LocalDataPanel panel(*m_db, m_prompter);
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("users"), write(QStringLiteral("bad.csv"), csv));
    QVERIFY(dialog);
    QVERIFY(dialog->startImport());
    QVERIFY(waitFinished(dialog));
    QCOMPARE(dialog->errors()->rowCount(), CsvRowErrors::kDefaultLimit);
    QCOMPARE(dialog->errors()->item(99, 0)->text(), QStringLiteral("100"));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("first 100 of 150 errors")),
             qPrintable(dialog->resultText()));
    QCOMPARE(stored(QStringLiteral("users")), 0);
}

void TestLocalData::progressThenEscCancelsAndWritesNothing()
{
    QByteArray csv = "id,name,email\n";
    for (int i = 1; i <= 150000; ++i) {
        csv += "u" + QByteArray::number(i) + ",User number " + QByteArray::number(i) + ",u" + QByteArray::number(i) +
            "@example.org\n";
    }
    const QString path = write(QStringLiteral("many-users.csv"), csv);
    LocalDataPanel panel(*m_db, m_prompter);
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("users"), path);
    QVERIFY(dialog);
    auto* progress = dialog->findChild<QProgressBar*>(QStringLiteral("progress"));
    auto* close = dialog->findChild<QPushButton*>(QStringLiteral("close"));
    int reports = 0;
    connect(dialog->worker(), &CsvImportWorker::progress, dialog, [&](int rows, qint64 bytes, qint64 total) {
        if (++reports == 1) {
            QVERIFY(rows > 0 && bytes > 0 && bytes < total);
            QVERIFY(progress->value() > 0 && progress->value() < 1000);
            QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("rate"))->text().contains(QStringLiteral("rows/s")));
            QCOMPARE(close->text(), QStringLiteral("&Cancel"));
            QTest::keyClick(dialog, Qt::Key_Escape); // Esc cancels the running import, the dialog stays
        }
    });
    QVERIFY(dialog->startImport());
    QVERIFY(waitFinished(dialog));
    QVERIFY2(reports >= 1, "no progress before the end");
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->lastResult().cancelled);
    QVERIFY2(dialog->resultText().contains(QStringLiteral("nothing was written")), qPrintable(dialog->resultText()));
    QCOMPARE(stored(QStringLiteral("users")), 0);
    QCOMPARE(close->text(), QStringLiteral("&Close"));
    QTest::keyClick(dialog, Qt::Key_Escape); // now Esc closes
    QVERIFY(!dialog->isVisible());
}

void TestLocalData::keyboardAlone()
{
    const QString path =
        write(QStringLiteral("products.csv"),
              "id,name,description,product_type,unit_type,price,cost\nP1,Widget,,Hardware,Each,9.5,4\n");
    LocalDataPanel panel(*m_db, m_prompter);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("products"), path);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->activateWindow();
    auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("file"));
    file->setFocus();
    // Tab walks through every control, each with a name a screen reader says.
    QSet<QString> reached;
    for (int i = 0; i < 12; ++i) {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QVERIFY2(!focus->accessibleName().isEmpty(),
                 qPrintable(focus->objectName() + QStringLiteral(" has no accessible name")));
        reached.insert(focus->objectName());
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    for (const char* name : {"file", "browse", "encoding", "preview", "errors", "goodRowsOnly", "import", "close"}) {
        QVERIFY2(reached.contains(QLatin1String(name)), name);
    }
    for (QLabel* label : dialog->findChildren<QLabel*>()) {
        if (label->buddy()) {
            QVERIFY(label->text().contains(QLatin1Char('&')));
        }
    }
    // Enter imports.
    file->setFocus();
    QTest::keyClick(file, Qt::Key_Return);
    QVERIFY(waitFinished(dialog));
    QVERIFY2(dialog->lastResult().imported, qPrintable(dialog->resultText()));
    QCOMPARE(panel.count(QStringLiteral("products")), 1);
    // The panel's buttons have names too.
    for (QPushButton* button : panel.findChildren<QPushButton*>()) {
        QVERIFY(!button->accessibleName().isEmpty());
        QVERIFY(button->focusPolicy() & Qt::TabFocus);
    }
}

void TestLocalData::fitsSmallScreenAt150Percent()
{
    // 1366×768 at 150 %: every logical pixel is 1.5 device pixels; keep 60 for the title bar and the task bar.
    auto fits = [](const QSize& logical) { return logical.width() * 1.5 <= 1366 && logical.height() * 1.5 <= 708; };
    LocalDataPanel panel(*m_db, m_prompter);
    const QString path = write(QStringLiteral("accounts.csv"), "id,name\na1,Acme\n");
    CsvImportDialog* dialog = openDialog(panel, QStringLiteral("accounts"), path);
    QVERIFY(dialog);
    const QSize dialogMinimum = dialog->minimumSizeHint().expandedTo(dialog->minimumSize());
    QVERIFY2(fits(dialogMinimum),
             qPrintable(QStringLiteral("%1x%2").arg(dialogMinimum.width()).arg(dialogMinimum.height())));
    QVERIFY2(fits(dialog->size()), qPrintable(QStringLiteral("%1x%2").arg(dialog->width()).arg(dialog->height())));
    // For a look at them as an admin would (build/screenshots, like the wizard's pages).
    QDir().mkpath(QStringLiteral(CW_SCREENSHOT_DIR));
    QVERIFY(dialog->grab().save(QStringLiteral(CW_SCREENSHOT_DIR "/csvimportdialog.png")));
    panel.resize(700, 420);
    QVERIFY(panel.grab().save(QStringLiteral(CW_SCREENSHOT_DIR "/localdatapanel.png")));
    const QSize panelMinimum = panel.minimumSizeHint().expandedTo(panel.minimumSize());
    QVERIFY2(fits(panelMinimum),
             qPrintable(QStringLiteral("%1x%2").arg(panelMinimum.width()).arg(panelMinimum.height())));
}

void TestLocalData::wizardPageBeforeUserMapping()
{
    MemorySecretStore store;
    InstanceSecrets secrets(store);
    SetupController controller(*m_db, secrets, CwTest::network());
    CwTest::ScriptedPrompter prompter;
    SetupWizard wizard(controller, prompter, SetupWizard::Mode::Create,
                       QList<SetupWizard::ExtraPage> {
                           LocalDataPage::factory([this] { return new LocalDataPanel(*m_db, m_prompter); })} +
                           PanelPage::configurationPages());
    const QList<int> ids = wizard.pageIds();
    const int check = static_cast<int>(ids.indexOf(int(PageId::Check)));
    QVERIFY(check >= 0);
    auto* page = qobject_cast<LocalDataPage*>(wizard.page(ids.at(check + 1)));
    QVERIFY(page);
    QCOMPARE(page->title(), QStringLiteral("Local data"));
    auto* next = qobject_cast<PanelPage*>(wizard.page(ids.at(check + 2)));
    QVERIFY(next);
    QCOMPARE(next->panel()->title(), QStringLiteral("User mapping"));
    const QSize minimum = page->minimumSizeHint().expandedTo(page->minimumSize());
    QVERIFY2(minimum.width() * 1.5 <= 1366 && minimum.height() * 1.5 <= 708,
             qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    // Records written meanwhile (another program, the CLI) show when the page is shown.
    QBuffer buffer;
    buffer.setData("id,name,email\nu1,Ann,\n");
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(CsvImport(*m_db).importDevice(*LocalSchema::entity(QStringLiteral("users")), &buffer).imported);
    page->initializePage();
    QCOMPARE(page->panel()->count(QStringLiteral("users")), 1);
}

QTEST_MAIN(TestLocalData)
#include "tst_localdata.moc"
