// The real setup wizard, offscreen, from the empty connector list to a passing systems check against
// cwconnector-sim, with the keys in the real keychain; then Settings shows the saved values, Check and
// Remove work; and the Demo deployment of `cwconnector --demo`.
#include "WizardFixture.h"

#include "app/gui/DemoSimulator.h"
#include "core/config/SettingsSections.h"
#include "core/setup/CheckRunner.h"
#include "tests/ui/KeyPress.h"
#include "ui/check/CheckResultsView.h"
#include "ui/main/CheckDialog.h"
#include "ui/wizard/CheckPage.h"
#include "ui/wizard/SetupPage.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QSignalSpy>

class TestSetupWizard final : public WizardTestBase
{
    Q_OBJECT

private slots:
    void walkThroughToPassingCheck();
    void demoDeploymentIsPrefilled();
};

void TestSetupWizard::walkThroughToPassingCheck()
{
    QVERIFY(m_window->isShowingEmptyState());
    screenshot(m_window.get(), QStringLiteral("00-connector-window-empty"));
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    // The 16 steps, then the pages after step 16 under their heading, the summary last.
    QCOMPARE(wizard->stepList()->item(15)->text(), QStringLiteral("16. Systems check and members"));
    QCOMPARE(wizard->stepList()->item(16)->text(), QStringLiteral("After step 16"));
    int afterCheck = 0; // the pages after step 16, the summary included
    for (const int id : wizard->pageIds()) {
        afterCheck += id >= FirstExtra ? 1 : 0;
    }
    QCOMPARE(wizard->stepList()->count(), 16 + 1 + afterCheck);
    QCOMPARE(wizard->stepList()->currentSteps(), QList<int>({1, 2, 3}));
    screenshot(wizard, QStringLiteral("01-welcome"));

    fillConnectorPage(wizard, QStringLiteral("Production"), m_sim.baseUrl(), QStringLiteral("cwsim"));
    QCOMPARE(wizard->stepList()->currentSteps(), QList<int>({4, 5, 6, 7}));
    QTRY_VERIFY_WITH_TIMEOUT(text(wizard, "companyStatus").startsWith(QStringLiteral("Found")), kWait);
    QVERIFY2(text(wizard, "apiUrl").contains(m_sim.baseUrl().toString() + QStringLiteral("/v2025_1/apis/3.0")),
             qPrintable(text(wizard, "apiUrl")));
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
    QCOMPARE(m_window->selectedConnector(), QStringLiteral("Production"));
    QVERIFY(m_window->syncAction()->isEnabled()); // ready: Sync now can run
    QVERIFY(!m_window->syncAction()->toolTip().contains(QStringLiteral("sync engine")));
    screenshot(m_window.get(), QStringLiteral("08-connector-window"));

    // Settings: one dialog with a section per concern, opened at Connection with the saved values.
    QVERIFY(m_window->selectConnector(QStringLiteral("Production")));
    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+,"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->settingsDialog() != nullptr, kWait);
    SettingsDialog* settings = m_coordinator->settingsDialog();
    QCOMPARE(settings->currentSection(), SettingsPlace::Connection);
    QCOMPARE(settings->findChild<QComboBox*>(QStringLiteral("proxyMode"))->currentData().toString(),
             QStringLiteral("none"));
    QCOMPARE(text(settings, "companyId"), QStringLiteral("cwsim"));
    QCOMPARE(text(settings, "site"), m_sim.baseUrl().toString());
    screenshot(settings, QStringLiteral("09-settings"));
    QPointer<SettingsDialog> settingsClosing(settings);
    settings->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!settingsClosing, kWait);
    QCOMPARE(instanceCount(), 1);

    // Check from the connector window.
    QVERIFY(m_window->selectConnector(QStringLiteral("Production")));
    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+K"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->checkDialog(), kWait);
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
    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(Qt::Key_Delete)));
    QVERIFY(removed.wait(kWait));
    QCOMPARE(removed.first().at(1).toBool(), true);
    QCOMPARE(m_prompter->questions.size(), 1);
    QCOMPARE(instanceCount(), 0);
    QVERIFY(m_window->isShowingEmptyState());
    keychainKeys(saved->id, &status);
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
