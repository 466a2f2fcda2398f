// The admin's whole job, through the widgets only (issue 13): the connector window as the desktop app composes it
// (DesktopWindow), cwconnector-sim as ConnectWise, the real keychain. New connector → the wizard filled in by
// typing → the systems check passes → Local data: the CSV files imported through the import window (picked with
// Browse…, one typed) → user mapping:
// auto-match, confirm → server variables picked → sync options ticked → lookups auto-mapped → Finish → Sync now:
// preview, then sync → the history lists the created records (and the simulator holds them) → Settings › Lookups:
// one value changed and applied, leaving the keychain and the systems check untouched.
//
// The test never calls a repository, runs no SQL and no CLI: it presses, types and picks (JourneyDriver.h), reads
// what the windows show, and cross-checks ConnectWise's side over HTTP (the simulator's records and request log).
// The steps are test functions run in order, each continuing where the previous one left the windows.
#include "JourneySteps.h"

#include "app/gui/DesktopWindow.h"
#include "core/connectwise/Conditions.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/store/Database.h"
#include "tests/support/RecordingSecretStore.h"
#include "tests/support/SimFixture.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/panels/ServerVariablesPanel.h"
#include "ui/panels/SyncOptionsPanel.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/sync/SyncDialog.h"
#include "ui/sync/SyncHistoryDialog.h"
#include "ui/sync/SyncOutcomeModel.h"
#include "ui/sync/SyncRunModel.h"

#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace Cw;
using namespace Journey;

namespace {

const QString kName = QStringLiteral("Journey");
const QString kPublic = QStringLiteral("demopublickey0001");
const QString kPrivate = QStringLiteral("demoprivatekey0001");

constexpr int kCreated = 7; // 2 accounts, 2 products, 1 invoice and its 2 lines

KeychainStoreOptions keychainOptions()
{
    KeychainStoreOptions options;
    options.service = QStringLiteral("cwconnector-test-%1").arg(QCoreApplication::applicationPid());
    return options;
}

} // namespace

class TestGuiJourney final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wizardToPassingCheck();
    void localDataFromCsvFiles();
    void configurationPagesThenFinish();
    void syncNowPreviewsThenWrites();
    void historyListsTheCreatedRecords();
    void lookupChangeLeavesKeysAndCheckAlone();

private:
    bool next(const QString& expectedTitle); // Next, and the wizard shows that page
    template <typename Panel>
    Panel* pagePanel() const;
    QString keychainValue(const QString& name); // read back from the Secret Service by a store of its own
    int simRequests(const QString& needle) const;
    qint64 simId(const QString& path, const QString& field, const QString& value);

    QTemporaryDir m_dir;
    CwTest::SimProcess m_sim;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<CwTest::RecordingSecretStore> m_recorder;
    std::unique_ptr<InstanceSecrets> m_secrets;
    CwTest::ScriptedPrompter m_prompter;
    std::unique_ptr<DesktopWindow> m_desktop;
    QPointer<SetupWizard> m_wizard;
    QString m_keyId; // the connector's keychain entries, from what the wizard's Save wrote
    QStringList m_keychainWrites; // every keychain write and remove, once the wizard has finished
    QHash<QString, QString> m_remoteIds; // local id -> ConnectWise id, as the history shows them
};

void TestGuiJourney::initTestCase()
{
    QString why;
    QVERIFY2(CwTest::onLaptopScreen(&why), qPrintable(why));
    QVERIFY(m_dir.isValid());
    for (const CsvFile& file : kFiles) {
        QFile out(m_dir.filePath(QString::fromLatin1(file.entity) + QStringLiteral(".csv")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(file.content) > 0);
    }
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    m_db = std::make_unique<Database>(DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("cwconnector.sqlite"))));
    StoreError error;
    QVERIFY2(m_db->open(&error), qPrintable(error.message));

    // The real keychain under a service of this process only, behind a recorder of what is written and removed.
    m_keychain = std::make_unique<KeychainSecretStore>(keychainOptions());
    m_recorder = std::make_unique<CwTest::RecordingSecretStore>(*m_keychain);
    m_secrets = std::make_unique<InstanceSecrets>(*m_recorder);
    m_desktop = std::make_unique<DesktopWindow>(*m_db, *m_secrets, CwTest::network(), m_prompter);
    m_desktop->window().show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_desktop->window()));
    QVERIFY(fitsLaptop(&m_desktop->window()));
}

void TestGuiJourney::cleanupTestCase()
{
    if (!m_keyId.isEmpty() && m_keychain) {
        bool done = false;
        m_keychain->removeInstance(m_keyId, this, [&done](const SecretResult&) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
    }
    m_desktop.reset();
}

bool TestGuiJourney::next(const QString& expectedTitle)
{
    if (!click(m_wizard->button(QWizard::NextButton), "Next")) {
        return false;
    }
    if (!QTest::qWaitFor([&] { return m_wizard->currentPage()->title() == expectedTitle; }, kWait)) {
        qWarning("the wizard shows \"%s\", not \"%s\"", qPrintable(m_wizard->currentPage()->title()),
                 qPrintable(expectedTitle));
        return false;
    }
    return true;
}

template <typename Panel>
Panel* TestGuiJourney::pagePanel() const
{
    return m_wizard->currentPage()->findChild<Panel*>();
}

QString TestGuiJourney::keychainValue(const QString& name)
{
    KeychainSecretStore reader(keychainOptions());
    return CwTest::RecordingSecretStore::value(reader, {m_keyId, name});
}

int TestGuiJourney::simRequests(const QString& needle) const
{
    return static_cast<int>(CwTest::simRequests(m_sim.baseUrl(), needle).size());
}

qint64 TestGuiJourney::simId(const QString& path, const QString& field, const QString& value)
{
    auto client = CwTest::makeClient(CwTest::simConnection(m_sim.baseUrl()));
    ApiRequest request = ApiRequest::get(path);
    request.addQuery(QStringLiteral("conditions"), Conditions::equals(field, value).toString());
    const ApiResult result = CwTest::run(client.get(), request);
    if (!result.ok() || result.array().size() != 1) {
        qWarning("%s %s=%s: %d records", qPrintable(path), qPrintable(field), qPrintable(value),
                 result.ok() ? int(result.array().size()) : -1);
        return -1;
    }
    return result.array().first().toObject().value(QLatin1String("id")).toInteger();
}

void TestGuiJourney::wizardToPassingCheck()
{
    QVERIFY(m_desktop->window().isShowingEmptyState());
    QVERIFY(click(m_desktop->window().findChild<QPushButton*>(QStringLiteral("emptyStateNewConnector"))));
    m_wizard = waitForWindow<SetupWizard>(QStringLiteral("setupWizard"));
    QVERIFY(m_wizard);
    QVERIFY(fitsLaptop(m_wizard));

    QVERIFY(pickData(m_wizard->findChild<QComboBox*>(QStringLiteral("proxyMode")), QStringLiteral("none")));
    QVERIFY(next(QStringLiteral("New connector")));
    WizardDriver::type(m_wizard, "instanceName", kName);
    QVERIFY(pickData(m_wizard->findChild<QComboBox*>(QStringLiteral("deployment")), QStringLiteral("onpremise")));
    WizardDriver::type(m_wizard, "site", m_sim.baseUrl().toString());
    WizardDriver::type(m_wizard, "companyId", QStringLiteral("cwsim"));
    QTRY_VERIFY_WITH_TIMEOUT(WizardDriver::text(m_wizard, "companyStatus").startsWith(QStringLiteral("Found")), kWait);
    QVERIFY(next(QStringLiteral("API keys")));
    WizardDriver::type(m_wizard, "publicKey", kPublic);
    WizardDriver::type(m_wizard, "privateKey", kPrivate);
    QVERIFY(next(QStringLiteral("Site and endpoint")));
    QTRY_VERIFY_WITH_TIMEOUT(WizardDriver::text(m_wizard, "discoveredEndpoint").contains(QStringLiteral("apis/3.0")),
                             kWait);
    QVERIFY(next(QStringLiteral("Save the connector")));
    QVERIFY(m_recorder->writes.isEmpty()); // nothing reaches the keychain before Save
    QVERIFY(next(QStringLiteral("Systems check"))); // Save: the keys go to the keychain
    QTRY_VERIFY_WITH_TIMEOUT(
        WizardDriver::text(m_wizard, "checkVerdict").startsWith(QStringLiteral("All checks passed")), kWait);

    // The keys the admin typed are in the Secret Service, and nowhere else.
    QCOMPARE(m_recorder->writes.size(), 2);
    m_keyId = m_recorder->writes.first().section(QLatin1Char('/'), 0, -2);
    QCOMPARE(m_recorder->writes.first(), m_keyId + QStringLiteral("/publicKey"));
    QCOMPARE(keychainValue(QStringLiteral("publicKey")), kPublic);
    QCOMPARE(keychainValue(QStringLiteral("privateKey")), kPrivate);
}

void TestGuiJourney::localDataFromCsvFiles()
{
    QVERIFY(next(QStringLiteral("Local data")));
    auto* panel = m_wizard->currentPage()->findChild<LocalDataPanel*>(QStringLiteral("localDataPanel"));
    QVERIFY(panel);
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("needs_users"))->isVisible()); // user mapping needs them
    // The first file's path typed into File, the others picked with Browse… (the file dialog answered by the script).
    bool typed = false;
    for (const CsvFile& file : kFiles) {
        const QString path = m_dir.filePath(QString::fromLatin1(file.entity) + QStringLiteral(".csv"));
        QVERIFY2(importCsv(panel, file, path, typed ? &m_prompter : nullptr), file.entity);
        typed = true;
    }
    QCOMPARE(m_prompter.fileDialogs.size(), qsizetype(std::size(kFiles)) - 1);
    QVERIFY(!panel->findChild<QLabel*>(QStringLiteral("needs_users"))->isVisible());
    QVERIFY(screenshot(m_wizard, QStringLiteral("24-local-data")));
}

void TestGuiJourney::configurationPagesThenFinish()
{
    // User mapping: the users just imported, matched to members by e-mail, then confirmed.
    QVERIFY(next(QStringLiteral("User mapping")));
    QVERIFY(autoMatchAndConfirm(pagePanel<UserMappingPanel>(), 3));

    // Server variables: what the records created in ConnectWise get, picked from its lists.
    QVERIFY(next(QStringLiteral("Server variables")));
    auto* variables = pagePanel<ServerVariablesPanel>();
    QVERIFY(variables);
    const auto variable = [variables](const char* key) {
        return variables->findChild<QComboBox*>(QStringLiteral("variable_") + QLatin1String(key));
    };
    QTRY_VERIFY_WITH_TIMEOUT(variable("import_account_status")->count() > 1, kWait);
    QVERIFY(pickText(variable("import_account_status"), QStringLiteral("Imported")));
    QVERIFY(pickText(variable("product_category"), QStringLiteral("Computers")));
    QVERIFY(pickText(variable("product_subcategory"), QStringLiteral("Laptops")));
    QVERIFY(pickText(variable("product_uom"), QStringLiteral("Each")));
    QVERIFY(pickText(variable("product_billable_option"), QStringLiteral("Billable")));

    // Sync options: a new connector starts with everything off; push what was imported.
    QVERIFY(next(QStringLiteral("Sync options")));
    auto* options = pagePanel<SyncOptionsPanel>();
    QVERIFY(options);
    for (const char* cell :
         {"option_accounts_push_create", "option_products_push_create", "option_invoices_push_create"}) {
        auto* box = options->findChild<QCheckBox*>(QLatin1String(cell));
        QVERIFY2(box && !box->isChecked(), cell);
        QVERIFY2(toggle(box, cell), cell);
    }

    // Lookups: every table auto-mapped at once; the summary says what was mapped.
    QVERIFY(next(QStringLiteral("Lookups")));
    QVERIFY(autoMapAllLookups(pagePanel<LookupsPanel>(), kLookupValues));

    QVERIFY(next(QStringLiteral("Summary")));
    QVERIFY(!m_wizard->findChild<QCheckBox*>(QStringLiteral("syncAfterFinish"))->isChecked()); // a real tenant
    QPointer<SetupWizard> closing(m_wizard);
    QVERIFY(click(m_wizard->button(QWizard::FinishButton), "Finish"));
    QTRY_VERIFY_WITH_TIMEOUT(!closing || !closing->isVisible(), kWait);
    m_keychainWrites = m_recorder->writes + m_recorder->removes;
}

void TestGuiJourney::syncNowPreviewsThenWrites()
{
    MainWindow& window = m_desktop->window();
    QTRY_COMPARE_WITH_TIMEOUT(window.selectedConnector(), kName, kWait);
    auto* check = window.findChild<QLabel*>(QStringLiteral("statusCheck"));
    QTRY_VERIFY_WITH_TIMEOUT(check->text().startsWith(QStringLiteral("Last check: passed")), kWait);

    QVERIFY(clickToolbar(&window, "syncAction"));
    auto* dialog = waitForWindow<SyncDialog>(QStringLiteral("syncDialog"));
    QVERIFY(dialog);
    QVERIFY(fitsLaptop(dialog));
    QSignalSpy finished(dialog, &SyncDialog::runFinished);
    auto* result = dialog->findChild<QLabel*>(QStringLiteral("syncResult"));

    // Preview: what would be created, and nothing in ConnectWise yet.
    QVERIFY(click(dialog->findChild<QPushButton*>(QStringLiteral("syncPreview"))));
    QVERIFY(finished.wait(kWait));
    const QAbstractItemModel* outcomes = dialog->findChild<QTableView*>(QStringLiteral("syncOutcomes"))->model();
    QVERIFY2(
        result->text().startsWith(QStringLiteral("Preview (nothing was written): %1 would be created").arg(kCreated)),
        qPrintable(rowsShown(outcomes)));
    QVERIFY(outcomes->rowCount() >= kCreated);
    QCOMPARE(simId(QStringLiteral("company/companies"), QStringLiteral("name"), QStringLiteral("Journey Traders")), -1);

    // Sync: written, with the counts per entity.
    QVERIFY(click(dialog->findChild<QPushButton*>(QStringLiteral("syncStart"))));
    QVERIFY(finished.count() == 2 || finished.wait(kWait));
    QVERIFY2(result->text().startsWith(QStringLiteral("The sync succeeded: %1 created").arg(kCreated)),
             qPrintable(result->text()));
    auto* counts = dialog->findChild<QTableWidget*>(QStringLiteral("syncCountsTable"));
    QHash<QString, QString> created;
    for (int r = 0; r < counts->rowCount(); ++r) {
        created.insert(counts->item(r, 0)->text(), counts->item(r, 2)->text());
    }
    QCOMPARE(created.value(QStringLiteral("Push Accounts")), QStringLiteral("2"));
    QCOMPARE(created.value(QStringLiteral("Push Products")), QStringLiteral("2"));
    QCOMPARE(created.value(QStringLiteral("Push Invoices")), QStringLiteral("1"));
    QVERIFY(screenshot(dialog, QStringLiteral("26-sync-now")));
    QVERIFY2(m_sim.modelViolations().isEmpty(), qPrintable(CwTest::SimProcess::describe(m_sim.modelViolations())));

    QPointer<SyncDialog> closing(dialog);
    QVERIFY(click(dialog->findChild<QPushButton*>(QStringLiteral("syncClose"))));
    QTRY_VERIFY_WITH_TIMEOUT(!closing || !closing->isVisible(), kWait);
}

void TestGuiJourney::historyListsTheCreatedRecords()
{
    QVERIFY(clickToolbar(&m_desktop->window(), "historyAction"));
    auto* history = waitForWindow<SyncHistoryDialog>(QStringLiteral("syncHistoryDialog"));
    QVERIFY(history);
    QVERIFY(fitsLaptop(history));
    const QAbstractItemModel* runs = history->findChild<QTableView*>(QStringLiteral("syncRuns"))->model();
    QVERIFY(runs->rowCount() >= 1);
    QCOMPARE(runs->index(0, SyncRunModel::CreatedColumn).data().toString(), QString::number(kCreated));
    QCOMPARE(runs->index(0, SyncRunModel::FailedColumn).data().toString(), QStringLiteral("0"));

    // Only the created records, by the action filter.
    QVERIFY(pickText(history->findChild<QComboBox*>(QStringLiteral("historyActionFilter")), QStringLiteral("Created")));
    const QAbstractItemModel* records = history->findChild<QTableView*>(QStringLiteral("syncRunOutcomes"))->model();
    QTRY_COMPARE_WITH_TIMEOUT(records->rowCount(), kCreated, kWait);
    for (int r = 0; r < records->rowCount(); ++r) {
        QCOMPARE(records->index(r, SyncOutcomeModel::ActionColumn).data().toString(), QStringLiteral("Created"));
        m_remoteIds.insert(records->index(r, SyncOutcomeModel::LocalIdColumn).data().toString(),
                           records->index(r, SyncOutcomeModel::RemoteIdColumn).data().toString());
    }
    const QStringList expected = {QStringLiteral("A1"),  QStringLiteral("A2"), QStringLiteral("P1"),
                                  QStringLiteral("P2"),  QStringLiteral("I1"), QStringLiteral("I1-1"),
                                  QStringLiteral("I1-2")};
    for (const QString& id : expected) {
        QVERIFY2(!m_remoteIds.value(id).isEmpty(), qPrintable(id));
    }
    // ConnectWise holds them, under the ids the history shows.
    QCOMPARE(QString::number(
                 simId(QStringLiteral("company/companies"), QStringLiteral("name"), QStringLiteral("Journey Traders"))),
             m_remoteIds.value(QStringLiteral("A1")));
    QCOMPARE(QString::number(simId(QStringLiteral("company/companies"), QStringLiteral("name"),
                                   QStringLiteral("Journey Logistics"))),
             m_remoteIds.value(QStringLiteral("A2")));
    QCOMPARE(QString::number(simId(QStringLiteral("finance/invoices"), QStringLiteral("invoiceNumber"),
                                   QStringLiteral("JRN-1001"))),
             m_remoteIds.value(QStringLiteral("I1")));

    QVERIFY(screenshot(history, QStringLiteral("27-sync-history")));
    QVERIFY(screenshot(&m_desktop->window(), QStringLiteral("25-connector-window")));
    QPointer<SyncHistoryDialog> closing(history);
    QVERIFY(click(dialogButton(history, QDialogButtonBox::Close)));
    QTRY_VERIFY_WITH_TIMEOUT(!closing || !closing->isVisible(), kWait);
}

void TestGuiJourney::lookupChangeLeavesKeysAndCheckAlone()
{
    MainWindow& window = m_desktop->window();
    const QString checkShown = window.findChild<QLabel*>(QStringLiteral("statusCheck"))->text();
    const int checksBefore = simRequests(QStringLiteral("system/info"));
    const int companyLookupsBefore = simRequests(QStringLiteral("companyinfo"));

    // Settings › Lookups: the currency USD mapped to another ConnectWise currency, then Apply.
    QString picked;
    for (int round = 0; round < 2; ++round) {
        QVERIFY(clickToolbar(&window, "settingsAction"));
        auto* settings = waitForWindow<SettingsDialog>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QVERIFY(fitsLaptop(settings));
        QVERIFY(clickItem(settings->categories(), QStringLiteral("Lookups")));
        auto* lookups = settings->findChild<LookupsPanel*>();
        QTRY_VERIFY_WITH_TIMEOUT(lookups->isVisible(), kWait);
        auto* values = lookups->findChild<QTableWidget*>(QStringLiteral("values"));
        QVERIFY(listsShown(values));
        QVERIFY(pickData(lookups->findChild<QComboBox*>(QStringLiteral("lookup")), QStringLiteral("currency")));
        QComboBox* usd = rowCombo(values, QStringLiteral("USD"));
        QVERIFY(usd);
        if (round == 0) {
            const int before = usd->currentIndex();
            QVERIFY(pickIndex(usd, before + 1 < usd->count() ? before + 1 : before - 1));
            picked = usd->currentText();
            QVERIFY(settings->applyButton()->isEnabled());
            QVERIFY(click(settings->applyButton(), "Apply"));
            QTRY_VERIFY_WITH_TIMEOUT(!settings->applyButton()->isEnabled(), kWait);
        } else {
            QCOMPARE(usd->currentText(), picked); // saved: a new Settings window shows it
            for (int row = 0; row < settings->categories()->count(); ++row) {
                settings->categories()->setCurrentRow(row);
                QVERIFY(screenshot(
                    settings,
                    QStringLiteral("28-settings-%1").arg(SettingsSections::id(SettingsSections::all().at(row)))));
            }
        }
        QPointer<SettingsDialog> closing(settings);
        QVERIFY(click(dialogButton(settings, QDialogButtonBox::Close), "Close"));
        QTRY_VERIFY_WITH_TIMEOUT(!closing || !closing->isVisible(), kWait);
    }

    // The keychain: nothing written or removed since the wizard, and the entries hold what the admin typed.
    QCOMPARE(m_recorder->writes + m_recorder->removes, m_keychainWrites);
    QCOMPARE(keychainValue(QStringLiteral("publicKey")).toUtf8(), kPublic.toUtf8());
    QCOMPARE(keychainValue(QStringLiteral("privateKey")).toUtf8(), kPrivate.toUtf8());
    // No check ran: ConnectWise saw no probe, and the connector window shows the same last check.
    QCOMPARE(simRequests(QStringLiteral("system/info")), checksBefore);
    QCOMPARE(simRequests(QStringLiteral("companyinfo")), companyLookupsBefore);
    QCOMPARE(window.findChild<QLabel*>(QStringLiteral("statusCheck"))->text(), checkShown);
}

QTEST_MAIN(TestGuiJourney)
#include "tst_gui_journey.moc"
