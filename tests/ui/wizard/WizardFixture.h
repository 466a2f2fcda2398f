#pragma once

// The connector window, the wizard and their services, as the app composes them, for the GUI tests: a fresh
// SQLite database per test function, the real keychain, cwconnector-sim, and a scripted Prompter.
#include "WizardDriver.h"

#include "core/config/InstanceRepository.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/store/Database.h"
#include "tests/support/SimProcess.h"
#include "tests/support/TestKeychain.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/main/ConnectorCoordinator.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/MainWindow.h"

#include <QAction>
#include <QPushButton>
#include <QTemporaryDir>

#include <memory>

using namespace Cw;
using namespace WizardDriver;

namespace {
const QString kPublic = QStringLiteral("demopublickey0001");
const QString kPrivate = QStringLiteral("demoprivatekey0001");
} // namespace

class WizardTestBase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

protected:
    static KeychainStoreOptions keychainOptions() { return CwTest::testKeychainOptions(); }
    SetupWizard* openNewConnector();
    void fillConnectorPage(SetupWizard* wizard, const QString& name, const QUrl& site, const QString& company);
    ApiKeyPair keychainKeys(qint64 id, SecretStatus* status);
    int instanceCount() const { return InstanceRepository(*m_db).list().size(); }

    CwTest::SimProcess m_sim;
    QTemporaryDir m_dir;
    const NetworkAccessFactory m_network;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<InstanceSecrets> m_secrets;
    std::unique_ptr<CwTest::ScriptedPrompter> m_prompter;
    std::unique_ptr<ConnectorListModel> m_model;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConnectorCoordinator> m_coordinator;
};

inline void WizardTestBase::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
}

inline void WizardTestBase::init()
{
    m_db = std::make_unique<Database>(
        DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("wizard%1.sqlite").arg(++m_counter))));
    StoreError error;
    QVERIFY2(m_db->open(&error), qPrintable(error.message));
    m_keychain = std::make_unique<KeychainSecretStore>(keychainOptions());
    m_secrets = std::make_unique<InstanceSecrets>(*m_keychain);
    m_prompter = std::make_unique<CwTest::ScriptedPrompter>();
    m_model = std::make_unique<ConnectorListModel>();
    m_window = std::make_unique<MainWindow>(m_model.get());
    m_coordinator =
        std::make_unique<ConnectorCoordinator>(*m_db, *m_secrets, m_network, *m_prompter, *m_model, *m_window);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

inline void WizardTestBase::cleanup()
{
    // Leave nothing in the keyring: remove the keys of every connector this test saved.
    if (m_db && m_keychain) {
        QVERIFY(CwTest::removeEveryConnectorsKeys(*m_db, *m_keychain, kWait));
    }
    m_coordinator.reset();
    m_window.reset();
    m_model.reset();
    m_prompter.reset();
    m_secrets.reset();
    m_keychain.reset();
    m_db.reset();
}

inline SetupWizard* WizardTestBase::openNewConnector()
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

inline void WizardTestBase::fillConnectorPage(SetupWizard* wizard, const QString& name, const QUrl& site,
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

inline ApiKeyPair WizardTestBase::keychainKeys(qint64 id, SecretStatus* status)
{
    bool done = false;
    ApiKeyPair keys;
    KeychainSecretStore reader(keychainOptions()); // a fresh store: what the keychain really holds
    const auto instance = InstanceRepository(*m_db).findById(id);
    if (!instance) {
        *status = SecretStatus::NotFound;
        return keys;
    }
    reader.readKeys(instance->keyId, this, [&](const SecretResult& result, const ApiKeyPair& read) {
        *status = result.status;
        keys = read;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, kWait); }();
    return keys;
}
