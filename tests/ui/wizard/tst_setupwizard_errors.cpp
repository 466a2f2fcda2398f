// The failure paths through the real wizard: a wrong company id (lookup error on the company page),
// rejected keys (named on the keys page), a module denied by the security role (its row red with the
// entry to grant), Cancel at step 5 (no trace) and after step 6 (keep or discard), a wrong client ID or CA file
// (named live on the endpoint page), and a manual proxy's login on the first page (a password without a user is
// named; the login goes to SetupController, which tst_setupproxylogin takes through a real proxy).
#include "WizardFixture.h"

#include "core/setup/CheckRunner.h"
#include "ui/check/CheckResultsView.h"
#include "ui/wizard/CheckPage.h"
#include "ui/wizard/SetupPage.h"

class TestSetupWizardErrors final : public WizardTestBase
{
    Q_OBJECT

private slots:
    void wrongCompanyShowsLookupError();
    void rejectedKeysNamedOnKeysPage();
    void deniedModuleShowsRedRow();
    void cancelAtStepFiveLeavesNoTrace();
    void advancedFieldsValidatedLive();
    void proxyLoginOnTheFirstPage();
};

void TestSetupWizardErrors::wrongCompanyShowsLookupError()
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

void TestSetupWizardErrors::rejectedKeysNamedOnKeysPage()
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

void TestSetupWizardErrors::deniedModuleShowsRedRow()
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
    // The first failure is selected and its whole text, fix included, is shown beside the rows.
    QCOMPARE(text(wizard, "selectedResult"), results->rowText(row));
    QVERIFY(text(wizard, "checkVerdict").startsWith(QStringLiteral("Not ready")));
    screenshot(wizard, QStringLiteral("13-error-permission"));
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::CancelButton); // saved (ready): closes without asking
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
    QVERIFY(m_prompter->questions.isEmpty());
    QCOMPARE(InstanceRepository(*m_db).findByName(QStringLiteral("Denied"))->lastCheckPassed,
             std::optional<bool>(false));
}

void TestSetupWizardErrors::cancelAtStepFiveLeavesNoTrace()
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

// The endpoint page's Advanced group: the client ID and the private CA file are checked as they are typed (the
// message names the field and the fix), Next stays on the page with the field focused while one is wrong, and what
// is right is saved with the connector.
void TestSetupWizardErrors::advancedFieldsValidatedLive()
{
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    fillConnectorPage(wizard, QStringLiteral("Advanced"), m_sim.baseUrl(), QStringLiteral("cwsim"));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Keys), kWait);
    type(wizard, "publicKey", QStringLiteral("demopublickey0001"));
    type(wizard, "privateKey", QStringLiteral("demoprivatekey0001"));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Endpoint), kWait);
    auto* page = qobject_cast<SetupPage*>(wizard->currentPage());

    type(wizard, "clientId", QStringLiteral("not-a-guid"));
    QVERIFY2(text(wizard, "clientIdStatus").startsWith(QStringLiteral("Client ID")),
             qPrintable(text(wizard, "clientIdStatus")));
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Endpoint));
    QVERIFY2(page->errorText().startsWith(QStringLiteral("Client ID")), qPrintable(page->errorText()));
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("clientId"));
    const QString clientId = QStringLiteral("9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    type(wizard, "clientId", clientId);
    QCOMPARE(text(wizard, "clientIdStatus"), QString());

    type(wizard, "caFile", QStringLiteral(CW_TEST_DATA_DIR "/tls/missing.pem"));
    QVERIFY2(text(wizard, "caFileStatus").startsWith(QStringLiteral("CA file")),
             qPrintable(text(wizard, "caFileStatus")));
    type(wizard, "caFile", QStringLiteral(CW_TEST_DATA_DIR "/tls/README.txt")); // readable, but no certificate
    QVERIFY2(text(wizard, "caFileStatus").contains(QStringLiteral("no PEM certificate")),
             qPrintable(text(wizard, "caFileStatus")));
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Endpoint));
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("caFile"));
    const QString caFile = QStringLiteral(CW_TEST_DATA_DIR "/tls/ca.pem");
    m_prompter->openFilePath = caFile; // chosen with Browse…
    auto* browse = wizard->findChild<QAbstractButton*>(QStringLiteral("browseCaFile"));
    QVERIFY(browse);
    browse->click();
    QTRY_COMPARE(text(wizard, "caFile"), caFile);
    QCOMPARE(m_prompter->fileDialogs, QStringList {QStringLiteral("Private CA file")});
    QCOMPARE(text(wizard, "caFileStatus"), QString());
    screenshot(wizard, QStringLiteral("13-endpoint-advanced"));

    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Save));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Check), kWait);
    const auto saved = InstanceRepository(*m_db).findByName(QStringLiteral("Advanced"));
    QVERIFY(saved);
    QCOMPARE(saved->clientId, clientId);
    QCOMPARE(saved->caFile, caFile);
}

void TestSetupWizardErrors::proxyLoginOnTheFirstPage()
{
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(Welcome));
    auto* user = wizard->findChild<QLineEdit*>(QStringLiteral("proxyUser"));
    auto* password = wizard->findChild<QLineEdit*>(QStringLiteral("proxyPassword"));
    QVERIFY(user && password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    choose(wizard, "proxyMode", QStringLiteral("system"));
    QVERIFY(!user->isEnabled() && !password->isEnabled()); // only a manual proxy has a login here

    choose(wizard, "proxyMode", QStringLiteral("manual"));
    QVERIFY(user->isEnabled() && password->isEnabled());
    type(wizard, "proxyHost", QStringLiteral("proxy.example.com"));
    type(wizard, "proxyPassword", QStringLiteral("Pr0xy-s3cret!"));
    press(wizard, QWizard::NextButton);
    auto* page = qobject_cast<SetupPage*>(wizard->currentPage());
    QCOMPARE(wizard->currentId(), int(Welcome));
    QVERIFY2(page->errorText().startsWith(QStringLiteral("Proxy user:")), qPrintable(page->errorText()));

    type(wizard, "proxyUser", QStringLiteral("proxyadmin"));
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Connector));
    QCOMPARE(wizard->controller().draft().proxyHost, QStringLiteral("proxy.example.com"));
    QCOMPARE(wizard->controller().proxyUser(), QStringLiteral("proxyadmin"));
    QCOMPARE(wizard->controller().proxyPassword(), QStringLiteral("Pr0xy-s3cret!"));
    QCOMPARE(instanceCount(), 0); // nothing stored before Save as draft, the login least of all

    // Back keeps the login; no proxy clears it from the setup.
    press(wizard, QWizard::BackButton);
    QCOMPARE(text(wizard, "proxyUser"), QStringLiteral("proxyadmin"));
    choose(wizard, "proxyMode", QStringLiteral("none"));
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Connector));
    QVERIFY(wizard->controller().proxyUser().isEmpty());
    QVERIFY(wizard->controller().proxyPassword().isEmpty());
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::CancelButton);
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
}

QTEST_MAIN(TestSetupWizardErrors)
#include "tst_setupwizard_errors.moc"
