// The real setup wizard, offscreen, from the empty connector list to a passing systems check against
// cwconnector-sim, with the keys in the real keychain; then Settings shows the saved values, Check and
// Remove work; and the failure paths: wrong company id, rejected keys, a denied module, Cancel.
#include "WizardDriver.h"

#include "core/config/InstanceRepository.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/CheckRunner.h"
#include "core/setup/DemoSimulator.h"
#include "core/setup/InstanceSecrets.h"
#include "core/store/Database.h"
#include "tests/support/SimProcess.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/check/CheckResultsView.h"
#include "ui/main/CheckDialog.h"
#include "ui/main/ConnectorCoordinator.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/MainWindow.h"
#include "ui/wizard/CheckPage.h"
#include "ui/wizard/SetupPage.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Cw;
using namespace WizardDriver;

namespace {
const QString kPublic = QStringLiteral("demopublickey0001");
const QString kPrivate = QStringLiteral("demoprivatekey0001");
} // namespace

class TestSetupWizard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void walkThroughToPassingCheck();
    void wrongCompanyShowsLookupError();
    void rejectedKeysNamedOnKeysPage();
    void deniedModuleShowsRedRow();
    void cancelAtStepFiveLeavesNoTrace();
    void demoDeploymentIsPrefilled();

private:
    SetupWizard* openNewConnector();
    void fillConnectorPage(SetupWizard* wizard, const QString& name, const QUrl& site, const QString& company);
    ApiKeyPair keychainKeys(qint64 id, SecretStatus* status);
    int instanceCount() const { return InstanceRepository(*m_db).list().size(); }

    CwTest::SimProcess m_sim;
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<InstanceSecrets> m_secrets;
    std::unique_ptr<CwTest::ScriptedPrompter> m_prompter;
    std::unique_ptr<ConnectorListModel> m_model;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConnectorCoordinator> m_coordinator;
};

void TestSetupWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
}

void TestSetupWizard::init()
{
    m_db = std::make_unique<Database>(
        DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("wizard%1.sqlite").arg(++m_counter))));
    StoreError error;
    QVERIFY2(m_db->open(&error), qPrintable(error.message));
    m_keychain = std::make_unique<KeychainSecretStore>();
    m_secrets = std::make_unique<InstanceSecrets>(*m_keychain);
    m_prompter = std::make_unique<CwTest::ScriptedPrompter>();
    m_model = std::make_unique<ConnectorListModel>();
    m_window = std::make_unique<MainWindow>(m_model.get());
    m_coordinator = std::make_unique<ConnectorCoordinator>(*m_db, *m_secrets, *m_prompter, *m_model, *m_window);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSetupWizard::cleanup()
{
    // Leave nothing in the keyring: remove the keys of every connector this test saved.
    if (m_db && m_keychain) {
        for (const Instance& instance : InstanceRepository(*m_db).list()) {
            bool done = false;
            m_keychain->removeInstance(QString::number(instance.id), this,
                                       [&done](const SecretResult&) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
        }
    }
    m_coordinator.reset();
    m_window.reset();
    m_model.reset();
    m_prompter.reset();
    m_secrets.reset();
    m_keychain.reset();
    m_db.reset();
}

SetupWizard* TestSetupWizard::openNewConnector()
{
    auto* button = m_window->findChild<QPushButton*>(QStringLiteral("emptyStateNewConnector"));
    if (!button || !button->isVisible()) {
        m_window->newConnectorAction()->trigger();
    } else {
        QTest::mouseClick(button, Qt::LeftButton);
    }
    SetupWizard* wizard = m_coordinator->wizard();
    if (wizard && !QTest::qWaitForWindowExposed(wizard)) {
        return nullptr;
    }
    return wizard;
}

void TestSetupWizard::fillConnectorPage(SetupWizard* wizard, const QString& name, const QUrl& site,
                                        const QString& company)
{
    QCOMPARE(wizard->currentId(), int(Welcome));
    choose(wizard, "proxyMode", QStringLiteral("none"));
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Connector));
    type(wizard, "instanceName", name);
    choose(wizard, "deployment", QStringLiteral("onpremise"));
    type(wizard, "site", site.toString());
    type(wizard, "companyId", company);
}

ApiKeyPair TestSetupWizard::keychainKeys(qint64 id, SecretStatus* status)
{
    bool done = false;
    ApiKeyPair keys;
    KeychainSecretStore reader; // a fresh store: what the keychain really holds
    reader.readKeys(QString::number(id), this, [&](const SecretResult& result, const ApiKeyPair& read) {
        *status = result.status;
        keys = read;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, kWait); }();
    return keys;
}

void TestSetupWizard::walkThroughToPassingCheck()
{
    QVERIFY(m_window->isShowingEmptyState());
    screenshot(m_window.get(), QStringLiteral("00-connector-window-empty"));
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    QCOMPARE(wizard->stepList()->count(), 16);
    QCOMPARE(wizard->stepList()->currentSteps(), QList<int>({1, 2, 3}));
    screenshot(wizard, QStringLiteral("01-welcome"));

    fillConnectorPage(wizard, QStringLiteral("Production"), m_sim.baseUrl(), QStringLiteral("cwsim"));
    QCOMPARE(wizard->stepList()->currentSteps(), QList<int>({4, 5, 6, 7}));
    QTRY_VERIFY_WITH_TIMEOUT(text(wizard, "companyStatus").startsWith(QStringLiteral("Found")), kWait);
    QVERIFY2(text(wizard, "siteStatus").contains(m_sim.baseUrl().toString() + QStringLiteral("/v2025_1/apis/3.0")),
             qPrintable(text(wizard, "siteStatus")));
    screenshot(wizard, QStringLiteral("02-connector"));
    QCOMPARE(instanceCount(), 0); // nothing before "Save as draft"
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Keys), kWait);
    const auto draft = InstanceRepository(*m_db).findByName(QStringLiteral("Production"));
    QVERIFY(draft);
    QCOMPARE(draft->state, Instance::State::Draft);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 1, kWait); // the window lists the draft

    // Both keys pasted at once into the public key field, with stray whitespace.
    QApplication::clipboard()->setText(QStringLiteral("  ") + kPublic + QStringLiteral("\n") + kPrivate +
                                       QStringLiteral("\n"));
    auto* publicKey = wizard->findChild<QLineEdit*>(QStringLiteral("publicKey"));
    publicKey->setFocus();
    QTest::keySequence(publicKey, QKeySequence::Paste);
    QCOMPARE(text(wizard, "publicKey"), kPublic);
    QCOMPARE(text(wizard, "privateKey"), kPrivate);
    QCOMPARE(publicKey->echoMode(), QLineEdit::Password);
    screenshot(wizard, QStringLiteral("03-keys"));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Endpoint), kWait);

    QTRY_VERIFY_WITH_TIMEOUT(text(wizard, "discoveredEndpoint").contains(QStringLiteral("apis/3.0")), kWait);
    screenshot(wizard, QStringLiteral("04-endpoint"));
    // Back always works, and keeps the values.
    press(wizard, QWizard::BackButton);
    QCOMPARE(wizard->currentId(), int(Keys));
    QCOMPARE(text(wizard, "privateKey"), kPrivate);
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Endpoint), kWait);
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Save));
    QVERIFY(text(wizard, "overview").contains(QStringLiteral("cwsim")));
    screenshot(wizard, QStringLiteral("05-save"));
    press(wizard, QWizard::NextButton); // Save: keys into the keychain, asynchronously
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Check), kWait);

    auto* checkPage = qobject_cast<CheckPage*>(wizard->currentPage());
    QVERIFY(checkPage);
    QTRY_VERIFY_WITH_TIMEOUT(checkPage->runner()->hasResult() && !checkPage->runner()->isRunning(), kWait);
    QVERIFY2(checkPage->runner()->summary().passed(), qPrintable(checkPage->runner()->reportText()));
    auto* results = wizard->findChild<CheckResultsView*>(QStringLiteral("checkResults"));
    QVERIFY(results);
    QCOMPARE(results->rowStatus(QStringLiteral("auth")), CheckResult::Status::Passed);
    QVERIFY(results->rowCount() > 8);
    auto* members = wizard->findChild<QListWidget*>(QStringLiteral("members"));
    QVERIFY(members->count() > 0);
    screenshot(wizard, QStringLiteral("06-check"));

    // Save report through the file-dialog seam: redacted.
    m_prompter->saveFilePath = m_dir.filePath(QStringLiteral("report.txt"));
    wizard->findChild<QPushButton*>(QStringLiteral("saveReport"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_prompter->saveFilePath), kWait);
    QFile report(m_prompter->saveFilePath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    QVERIFY(!report.readAll().contains(kPrivate.toUtf8()));

    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Summary));
    screenshot(wizard, QStringLiteral("07-summary"));
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::FinishButton);
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
    QVERIFY(m_prompter->questions.isEmpty());

    // Saved: ready, checked, keys in the real keychain.
    const auto saved = InstanceRepository(*m_db).findByName(QStringLiteral("Production"));
    QVERIFY(saved);
    QCOMPARE(saved->state, Instance::State::Ready);
    QCOMPARE(saved->lastCheckPassed, std::optional<bool>(true));
    SecretStatus status = SecretStatus::Error;
    QCOMPARE(keychainKeys(saved->id, &status), (ApiKeyPair {kPublic, kPrivate}));
    QCOMPARE(status, SecretStatus::Ok);
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_model->index(0).data().toString().contains(QStringLiteral("check passed")));
    QVERIFY(!m_window->syncAction()->isEnabled());
    QVERIFY(m_window->syncAction()->toolTip().contains(QStringLiteral("sync engine")));
    screenshot(m_window.get(), QStringLiteral("08-connector-window"));

    // Settings reopens the same pages with the saved values.
    QVERIFY(m_window->selectConnector(QStringLiteral("Production")));
    m_window->settingsAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->wizard() != nullptr, kWait);
    SetupWizard* settings = m_coordinator->wizard();
    QCOMPARE(settings->mode(), SetupWizard::Mode::Edit);
    QCOMPARE(settings->currentId(), int(Welcome));
    QCOMPARE(settings->findChild<QComboBox*>(QStringLiteral("proxyMode"))->currentData().toString(),
             QStringLiteral("none"));
    press(settings, QWizard::NextButton);
    QCOMPARE(settings->currentId(), int(Connector));
    QCOMPARE(text(settings, "instanceName"), QStringLiteral("Production"));
    QCOMPARE(text(settings, "companyId"), QStringLiteral("cwsim"));
    QCOMPARE(text(settings, "site"), m_sim.baseUrl().toString());
    screenshot(settings, QStringLiteral("09-settings"));
    press(settings, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(settings->currentId(), int(Keys), kWait);
    QCOMPARE(text(settings, "publicKey"), kPublic);
    QCOMPARE(text(settings, "privateKey"), kPrivate);
    QPointer<SetupWizard> settingsClosing(settings);
    press(settings, QWizard::CancelButton);
    QTRY_VERIFY_WITH_TIMEOUT(!settingsClosing, kWait);
    QCOMPARE(instanceCount(), 1);

    // Check from the connector window.
    QVERIFY(m_window->selectConnector(QStringLiteral("Production")));
    m_window->checkAction()->trigger();
    QVERIFY(m_coordinator->checkDialog());
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->checkDialog()->runner()->hasResult(), kWait);
    QVERIFY(m_coordinator->checkDialog()->runner()->summary().passed());
    QCOMPARE(m_coordinator->checkDialog()->results()->rowStatus(QStringLiteral("company")),
             CheckResult::Status::Passed);
    screenshot(m_coordinator->checkDialog(), QStringLiteral("10-check-dialog"));
    m_coordinator->checkDialog()->close();

    // Remove, confirmed through the seam: database row and keychain entries go.
    m_prompter->answers = {0};
    QSignalSpy removed(m_coordinator.get(), &ConnectorCoordinator::removed);
    QVERIFY(m_window->selectConnector(QStringLiteral("Production")));
    m_window->removeConnectorAction()->trigger();
    QVERIFY(removed.wait(kWait));
    QCOMPARE(removed.first().at(1).toBool(), true);
    QCOMPARE(m_prompter->questions.size(), 1);
    QCOMPARE(instanceCount(), 0);
    QVERIFY(m_window->isShowingEmptyState());
    keychainKeys(saved->id, &status);
    QCOMPARE(status, SecretStatus::NotFound);
}

void TestSetupWizard::wrongCompanyShowsLookupError()
{
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    fillConnectorPage(wizard, QStringLiteral("Wrong company"), m_sim.baseUrl(), QStringLiteral("nosuchco"));
    QTRY_VERIFY_WITH_TIMEOUT(text(wizard, "companyStatus").contains(QStringLiteral("nosuchco")), kWait);
    press(wizard, QWizard::NextButton);
    auto* page = qobject_cast<SetupPage*>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(page->errorText().startsWith(QStringLiteral("Company ID:")), kWait);
    QVERIFY2(page->errorText().contains(QStringLiteral("nosuchco")), qPrintable(page->errorText()));
    QCOMPARE(wizard->currentId(), int(Connector));
    screenshot(wizard, QStringLiteral("11-error-company"));
    QCOMPARE(instanceCount(), 0);
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::CancelButton);
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
    QVERIFY(m_prompter->questions.isEmpty());
}

void TestSetupWizard::rejectedKeysNamedOnKeysPage()
{
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    fillConnectorPage(wizard, QStringLiteral("Bad keys"), m_sim.baseUrl(), QStringLiteral("cwsim"));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Keys), kWait);
    const qint64 id = InstanceRepository(*m_db).findByName(QStringLiteral("Bad keys"))->id;
    type(wizard, "publicKey", QStringLiteral("wrongpublic"));
    type(wizard, "privateKey", QStringLiteral("wrongprivate"));
    press(wizard, QWizard::NextButton);
    auto* page = qobject_cast<SetupPage*>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(page->errorText().startsWith(QStringLiteral("Keys rejected")), kWait);
    QVERIFY(page->errorText().contains(QStringLiteral("API Members")));
    QCOMPARE(wizard->currentId(), int(Keys));
    screenshot(wizard, QStringLiteral("12-error-keys"));

    // Cancel after the draft exists: keep-or-discard; discard removes it and leaves no keychain entry.
    m_prompter->answers = {1};
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::CancelButton);
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
    QCOMPARE(m_prompter->questions.size(), 1);
    QVERIFY(m_prompter->questions.first().contains(QStringLiteral("Discard")));
    QCOMPARE(instanceCount(), 0);
    SecretStatus status = SecretStatus::Error;
    keychainKeys(id, &status);
    QCOMPARE(status, SecretStatus::NotFound);
}

void TestSetupWizard::deniedModuleShowsRedRow()
{
    CwTest::SimProcess denied;
    QVERIFY(denied.start({QStringLiteral("--deny-module"), QStringLiteral("finance/invoices")}));
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    fillConnectorPage(wizard, QStringLiteral("Denied"), denied.baseUrl(), QStringLiteral("cwsim"));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Keys), kWait);
    type(wizard, "publicKey", kPublic);
    type(wizard, "privateKey", kPrivate);
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Endpoint), kWait);
    press(wizard, QWizard::NextButton);
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Check), kWait);
    auto* checkPage = qobject_cast<CheckPage*>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(checkPage->runner()->hasResult() && !checkPage->runner()->isRunning(), kWait);
    auto* results = wizard->findChild<CheckResultsView*>(QStringLiteral("checkResults"));
    const QString row = QStringLiteral("permission:finance/invoices");
    QCOMPARE(results->rowStatus(row), CheckResult::Status::Failed);
    QVERIFY2(results->rowText(row).contains(QStringLiteral("Finance")), qPrintable(results->rowText(row)));
    QVERIFY(results->rowText(row).contains(QStringLiteral("Fix:")));
    QVERIFY(text(wizard, "checkVerdict").startsWith(QStringLiteral("Not ready")));
    screenshot(wizard, QStringLiteral("13-error-permission"));
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::CancelButton); // saved (ready): closes without asking
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
    QVERIFY(m_prompter->questions.isEmpty());
    QCOMPARE(InstanceRepository(*m_db).findByName(QStringLiteral("Denied"))->lastCheckPassed,
             std::optional<bool>(false));
}

void TestSetupWizard::cancelAtStepFiveLeavesNoTrace()
{
    Instance existing;
    existing.name = QStringLiteral("Existing");
    existing.deployment = QStringLiteral("na");
    existing.companyId = QStringLiteral("acme");
    QVERIFY(InstanceRepository(*m_db).create(&existing));
    m_coordinator->refresh();

    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("permissionTable"))->text().contains(QStringLiteral("Finance")));
    // The name is checked live against the other connectors.
    fillConnectorPage(wizard, QStringLiteral("existing"), m_sim.baseUrl(), QStringLiteral("cwsim"));
    QVERIFY2(text(wizard, "nameStatus").contains(QStringLiteral("already used")),
             qPrintable(text(wizard, "nameStatus")));
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Connector));
    QVERIFY(qobject_cast<SetupPage*>(wizard->currentPage())->errorText().startsWith(QStringLiteral("Name:")));
    type(wizard, "instanceName", QStringLiteral("Abandoned"));
    QCOMPARE(text(wizard, "nameStatus"), QString());

    // Cancel at step 5: no question, no instance, no keychain entry.
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::CancelButton);
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
    QVERIFY(m_prompter->questions.isEmpty());
    const QList<Instance> all = InstanceRepository(*m_db).list();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().name, QStringLiteral("Existing"));
    // Ids are never reused: an instance created by the wizard would have had the next id; nothing is stored
    // under it.
    SecretStatus status = SecretStatus::Error;
    keychainKeys(existing.id + 1, &status);
    QCOMPARE(status, SecretStatus::NotFound);
}

void TestSetupWizard::demoDeploymentIsPrefilled()
{
    // What `cwconnector --demo` does: the simulator as a child process, a Demo deployment pre-filled.
    DemoSimulator simulator;
    QSignalSpy ready(&simulator, &DemoSimulator::ready);
    simulator.start(DemoSimulator::findExecutable(QFileInfo(QStringLiteral(CW_GUI_EXECUTABLE)).absolutePath()));
    QVERIFY(ready.wait(kWait));
    m_coordinator->setDemo(simulator.settings());
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Connector));
    auto* deployment = wizard->findChild<QComboBox*>(QStringLiteral("deployment"));
    QCOMPARE(deployment->currentData().toString(), QStringLiteral("demo"));
    QCOMPARE(deployment->currentText(), QStringLiteral("Demo (simulated ConnectWise)"));
    QCOMPARE(text(wizard, "companyId"), QStringLiteral("cwsim"));
    QCOMPARE(text(wizard, "site"), simulator.settings().url.toString());
    QTRY_VERIFY_WITH_TIMEOUT(text(wizard, "companyStatus").startsWith(QStringLiteral("Found")), kWait);
    screenshot(wizard, QStringLiteral("14-demo"));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Keys), kWait);
    QCOMPARE(text(wizard, "publicKey"), kPublic);
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Endpoint), kWait);
    press(wizard, QWizard::NextButton);
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Check), kWait);
    auto* checkPage = qobject_cast<CheckPage*>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(checkPage->runner()->hasResult() && !checkPage->runner()->isRunning(), kWait);
    QVERIFY(checkPage->runner()->summary().passed());
    QCOMPARE(InstanceRepository(*m_db).findByName(QStringLiteral("Demo"))->deployment, QStringLiteral("demo"));
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::CancelButton);
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
