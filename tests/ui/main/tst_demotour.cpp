// `cwconnector --demo` as a complete tour, composed as app/gui/main.cpp composes it (DesktopWindow: the same wizard
// pages, Local data included): the demo simulator as a child process, the sample local records, the wizard accepted
// page by page with Enter only, then Sync now (the Sync button, by keyboard) writes the sample records into the
// simulator and the history lists them.
#include "app/gui/DemoSimulator.h"
#include "app/gui/DemoTour.h"
#include "app/gui/DesktopWindow.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Conditions.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/store/Database.h"
#include "core/sync/SyncHistory.h"
#include "tests/support/SimFixture.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestKeychain.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/sync/SyncDialog.h"
#include "ui/wizard/LocalDataPage.h"
#include "ui/wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace Cw;

namespace {
constexpr int kWait = 90000;
}

class TestDemoTour final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void enterThroughEveryPageThenSyncNowWritesRecords();

private:
    // Presses Enter where the keyboard focus is, once the page can be accepted; waits for the next page.
    bool acceptPage(SetupWizard* wizard);
    int countInSimulator(const QString& path, const QString& field, const QString& value);

    CwTest::TestDatabase m_testDb;
    std::unique_ptr<Database> m_db;
    DemoSimulator m_simulator;
    std::unique_ptr<DemoTour> m_tour;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<InstanceSecrets> m_secrets;
    CwTest::ScriptedPrompter m_prompter;
    std::unique_ptr<DesktopWindow> m_desktop;
};

void TestDemoTour::initTestCase()
{
    QString error;
    QVERIFY2(m_testDb.init(&error), qPrintable(error));
    m_db = std::make_unique<Database>(m_testDb.fresh(&error));
    StoreError storeError;
    QVERIFY2(m_db->open(&storeError), qPrintable(storeError.message));
    QSignalSpy ready(&m_simulator, &DemoSimulator::ready);
    m_simulator.start(DemoSimulator::findExecutable(QFileInfo(QStringLiteral(CW_GUI_EXECUTABLE)).absolutePath()));
    QVERIFY(ready.wait(kWait));
    m_tour = std::make_unique<DemoTour>(*m_db);
    QVERIFY2(m_tour->seedLocalData(&error), qPrintable(error));

    m_keychain = std::make_unique<KeychainSecretStore>(CwTest::testKeychainOptions());
    m_secrets = std::make_unique<InstanceSecrets>(*m_keychain);
    m_desktop = std::make_unique<DesktopWindow>(*m_db, *m_secrets, CwTest::network(), m_prompter);
    m_desktop->coordinator().setDemo(m_tour->withStarter(m_simulator.settings()));
    m_desktop->window().show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_desktop->window()));
}

void TestDemoTour::cleanupTestCase()
{
    if (m_db && m_keychain) {
        QVERIFY(CwTest::removeEveryConnectorsKeys(*m_db, *m_keychain, kWait));
    }
    m_desktop.reset();
}

bool TestDemoTour::acceptPage(SetupWizard* wizard)
{
    const int page = wizard->currentId();
    QAbstractButton* next = wizard->button(page == Summary ? QWizard::FinishButton : QWizard::NextButton);
    if (!QTest::qWaitFor([next] { return next->isVisible() && next->isEnabled(); }, kWait)) {
        qWarning("page %d cannot be accepted: %s", page, qPrintable(next->text()));
        return false;
    }
    QApplication::setActiveWindow(wizard);
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus && wizard->isAncestorOf(focus) ? focus : wizard, Qt::Key_Return);
    return QTest::qWaitFor([wizard, page] { return !wizard->isVisible() || wizard->currentId() != page; }, kWait);
}

int TestDemoTour::countInSimulator(const QString& path, const QString& field, const QString& value)
{
    auto client = CwTest::makeClient(CwTest::simConnection(m_simulator.settings().url));
    ApiRequest request = ApiRequest::get(path);
    request.addQuery(QStringLiteral("conditions"), Conditions::equals(field, value).toString());
    const ApiResult result = CwTest::run(client.get(), request);
    return result.ok() ? int(result.array().size()) : -1;
}

void TestDemoTour::enterThroughEveryPageThenSyncNowWritesRecords()
{
    ConnectorCoordinator& coordinator = m_desktop->coordinator();
    QSignalSpy syncOpened(&coordinator, &ConnectorCoordinator::syncDialogOpened);
    coordinator.newConnector(); // the connector window's "New connector"
    QPointer<SetupWizard> wizard = coordinator.wizard();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QList<int> visited;
    bool localData = false;
    for (int i = 0; i < 20 && wizard && wizard->isVisible(); ++i) {
        visited.append(wizard->currentId());
        localData = localData || qobject_cast<LocalDataPage*>(wizard->currentPage());
        QVERIFY2(acceptPage(wizard), qPrintable(QStringLiteral("stuck on page %1").arg(wizard->currentId())));
    }
    QVERIFY(!wizard || !wizard->isVisible());
    QVERIFY(visited.contains(int(Check)));
    QVERIFY(localData); // the app's wizard: Local data after the check, accepted with Enter too
    QCOMPARE(visited.last(), int(Summary));

    const auto saved = InstanceRepository(*m_db).findByName(QStringLiteral("Demo"));
    QVERIFY(saved);
    QCOMPARE(saved->state, Instance::State::Ready);
    const auto config = ConnectorConfigRepository(*m_db).load(saved->id);
    QVERIFY(config);
    QVERIFY(!config->syncOptions.isEmpty());
    QVERIFY(!config->lookups.isEmpty());
    QCOMPARE(config->userMappings.size(), 3);

    // Finish with "Run Sync now after Finish" (on for the demo) opened the sync window; its Sync button syncs.
    QVERIFY(syncOpened.count() > 0 || syncOpened.wait(kWait));
    SyncDialog* dialog = coordinator.syncDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy finished(dialog, &SyncDialog::runFinished);
    auto* sync = dialog->findChild<QAbstractButton*>(QStringLiteral("syncStart"));
    QVERIFY(sync);
    QTRY_VERIFY_WITH_TIMEOUT(sync->isEnabled(), kWait);
    dialog->activateWindow();
    QApplication::setActiveWindow(dialog);
    QTRY_COMPARE(QApplication::activeWindow(), dialog);
    sync->setFocus(Qt::TabFocusReason); // where Tab reaches it; Alt+S is shared with another label in the window
    QTest::keyClick(sync, Qt::Key_Space);
    QVERIFY(finished.wait(kWait));
    const SyncSummary summary = dialog->lastSummary();
    QVERIFY2(summary.ok(), qPrintable(summary.fatalError));
    QVERIFY(!summary.dryRun);
    QCOMPARE(summary.pushCounts.value(Entity::Accounts).created, 3);
    QCOMPARE(summary.pushCounts.value(Entity::Products).created, 4);
    QCOMPARE(summary.pushCounts.value(Entity::Invoices).created, 2);
    QCOMPARE(summary.pushCounts.value(Entity::InvoiceLines).created, 4);
    QCOMPARE(summary.pushCounts.value(Entity::Orders).created, 1);
    QCOMPARE(summary.pushCounts.value(Entity::Payments).created, 2);

    QCOMPARE(countInSimulator(QStringLiteral("company/companies"), QStringLiteral("name"),
                              QStringLiteral("Northwind Traders")),
             1);
    QCOMPARE(countInSimulator(QStringLiteral("finance/invoices"), QStringLiteral("invoiceNumber"),
                              QStringLiteral("DEMO-1001")),
             1);
    // The history lists the run and its records.
    const QList<SyncRunRecord> runs = SyncHistory(*m_db).runs(saved->id);
    QVERIFY(!runs.isEmpty());
    QCOMPARE(runs.first().id, summary.runId);
}

QTEST_MAIN(TestDemoTour)
#include "tst_demotour.moc"
