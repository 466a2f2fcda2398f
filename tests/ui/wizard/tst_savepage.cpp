// Step 14 when the keychain cannot be used: the Save page says so, offers Retry and "session-only", and
// session-only keeps the keys in memory (never in the keychain) and goes on to the systems check.
#include "WizardDriver.h"

#include "core/connectwise/NetworkAccessFactory.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/SetupController.h"
#include "core/store/Database.h"
#include "tests/support/SimProcess.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/wizard/SetupPage.h"

#include <QPushButton>
#include <QTemporaryDir>

using namespace Cw;
using namespace WizardDriver;

class TestSavePage final : public QObject
{
    Q_OBJECT

private slots:
    void lockedKeychainOffersRetryAndSessionOnly();
};

void TestSavePage::lockedKeychainOffersRetryAndSessionOnly()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start());
    QTemporaryDir dir;
    Database db(DatabaseLocation::sqlite(dir.filePath(QStringLiteral("save.sqlite"))));
    QVERIFY(db.open());
    MemorySecretStore store;
    InstanceSecrets secrets(store);
    const NetworkAccessFactory network;
    SetupController controller(db, secrets, network);
    controller.draft().name = QStringLiteral("Locked keyring");
    controller.setDeployment(Cw::Deployment::OnPremise);
    controller.draft().site = sim.baseUrl().toString();
    controller.draft().companyId = QStringLiteral("cwsim");
    controller.setKeys({QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")});
    QString error;
    QVERIFY(controller.saveDraft(&error));

    CwTest::ScriptedPrompter prompter;
    SetupWizard wizard(controller, prompter, SetupWizard::Mode::Create);
    wizard.setStartId(Save);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(Save));

    // Locked twice: the first Save and the Retry.
    const SecretResult locked = SecretResult::failure(SecretStatus::Locked, SecretResult::lockedMessage());
    store.failNext(MemorySecretStore::Operation::Write, SecretNames::publicKey(), locked);
    press(&wizard, QWizard::NextButton);
    auto* page = qobject_cast<SetupPage*>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(page->errorText().startsWith(QStringLiteral("Keys not saved")), kWait);
    auto* retry = wizard.findChild<QPushButton*>(QStringLiteral("retryKeychain"));
    auto* sessionOnly = wizard.findChild<QPushButton*>(QStringLiteral("sessionOnly"));
    QVERIFY(retry->isVisible());
    QVERIFY(sessionOnly->isVisible());
    QCOMPARE(wizard.currentId(), int(Save));
    screenshot(&wizard, QStringLiteral("15-keychain-locked"));

    store.failNext(MemorySecretStore::Operation::Write, SecretNames::publicKey(), locked);
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(controller.saveState() == SetupController::SaveState::KeychainUnusable, kWait);
    QCOMPARE(wizard.currentId(), int(Save));

    sessionOnly->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(Check), kWait);
    QVERIFY(controller.isSessionOnly());
    QVERIFY(secrets.isSessionOnly(controller.draft().id));
    QCOMPARE(store.size(), 0); // never written to the keychain
}

QTEST_MAIN(TestSavePage)
#include "tst_savepage.moc"
