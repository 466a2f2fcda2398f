// Import configuration behind an authenticating proxy: a file whose connector uses a manual proxy opens the import
// dialog with that proxy's login fields; the target's lists are read through tests/support/AuthProxy (a real CONNECT
// proxy) from the simulator over TLS with that login, which is then kept in the real keychain beside the keys.
// Without the login nothing is imported and the message names the proxy login; a password without a user is named.
#include "core/config/ConfigExport.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/store/Database.h"
#include "tests/support/AuthProxy.h"
#include "tests/support/SimFixture.h"
#include "tests/support/TestKeychain.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/main/ConfigTransfer.h"
#include "ui/main/ImportDialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

namespace {

const QString kUser = QStringLiteral("proxyadmin");
const QString kPassword = QStringLiteral("Pr0xy-import-s3cret!");
const ApiKeyPair kKeys {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")};
constexpr int kWait = 60000;

} // namespace

class TestImportProxy final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void passwordWithoutUserIsNamed();
    void withoutTheLoginNothingIsImported();
    void withTheLoginTheImportGoesThroughTheProxy();

private:
    // The import dialog for the exported file, its name, keys and proxy login typed in as the admin would.
    ImportDialog* openDialog(const QString& name, const QString& user, const QString& password);
    QString keychainValue(const QString& keyId, const QString& name);

    QTemporaryDir m_dir;
    CwTest::SimProcess m_sim;
    std::unique_ptr<CwTest::AuthProxy> m_proxy;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<InstanceSecrets> m_secrets;
    const NetworkAccessFactory m_network;
    CwTest::ScriptedPrompter m_prompter;
    QWidget m_window;
    std::unique_ptr<ConfigTransfer> m_transfer;
    QString m_file; // the exported configuration
};

void TestImportProxy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start(CwTest::tlsArgs("server")), qPrintable(m_sim.output()));
    m_proxy = std::make_unique<CwTest::AuthProxy>(kUser, kPassword);
    m_db = std::make_unique<Database>(DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("db.sqlite"))));
    StoreError error;
    QVERIFY2(m_db->open(&error), qPrintable(error.message));
    m_keychain = std::make_unique<KeychainSecretStore>(CwTest::testKeychainOptions());
    m_secrets = std::make_unique<InstanceSecrets>(*m_keychain);
    m_transfer = std::make_unique<ConfigTransfer>(*m_db, *m_secrets, m_network, m_prompter, m_window);

    // The file another installation exported: its connector goes through the proxy.
    Instance source = CwTest::simInstance(m_sim.baseUrl());
    source.name = QStringLiteral("Source");
    source.caFile = CwTest::tlsFile("ca.pem");
    source.proxyMode = Instance::ProxyMode::Manual;
    source.proxyHost = QStringLiteral("127.0.0.1");
    source.proxyPort = m_proxy->port();
    QVERIFY2(InstanceRepository(*m_db).create(&source, &error), qPrintable(error.message));
    ConnectorConfig config; // a reference the import looks up again by name, in the target ConnectWise
    config.serverVariables.append(
        {QStringLiteral("import_account_status"), QStringLiteral("1"), QStringLiteral("Active")});
    QVERIFY2(ConnectorConfigRepository(*m_db).replace(source.id, config, &error), qPrintable(error.message));
    const auto json = ConfigExport(*m_db).exportJson(source.name, &error);
    QVERIFY2(json, qPrintable(error.message));
    m_file = m_dir.filePath(QStringLiteral("source.json"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(*json) == json->size());
}

void TestImportProxy::cleanupTestCase()
{
    if (m_db && m_keychain) {
        QVERIFY(CwTest::removeEveryConnectorsKeys(*m_db, *m_keychain, kWait));
    }
}

ImportDialog* TestImportProxy::openDialog(const QString& name, const QString& user, const QString& password)
{
    m_transfer->importFile(m_file);
    ImportDialog* dialog = m_transfer->importDialog();
    if (!dialog) {
        return nullptr;
    }
    auto* nameField = dialog->findChild<QLineEdit*>(QStringLiteral("importName"));
    nameField->clear();
    QTest::keyClicks(nameField, name);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("importPublicKey")), kKeys.publicKey);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("importPrivateKey")), kKeys.privateKey);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("importProxyUser")), user);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("importProxyPassword")), password);
    return dialog;
}

QString TestImportProxy::keychainValue(const QString& keyId, const QString& name)
{
    KeychainSecretStore reader(CwTest::testKeychainOptions()); // a fresh store: what the keychain really holds
    std::optional<SecretResult> read;
    reader.read({keyId, name}, this, [&read](const SecretResult& result) { read = result; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), kWait); }();
    return read && read->ok() ? read->value : QString();
}

void TestImportProxy::passwordWithoutUserIsNamed()
{
    ImportDialog* dialog = openDialog(QStringLiteral("No user"), QString(), kPassword);
    QVERIFY(dialog);
    auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("importProxyPassword"));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY2(dialog->validationMessage().startsWith(QStringLiteral("Proxy user:")),
             qPrintable(dialog->validationMessage()));
    QVERIFY(!dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->reject();
}

void TestImportProxy::withoutTheLoginNothingIsImported()
{
    ImportDialog* dialog = openDialog(QStringLiteral("Without login"), QString(), QString());
    QVERIFY(dialog);
    QVERIFY2(dialog->validationMessage().isEmpty(), qPrintable(dialog->validationMessage()));
    QSignalSpy failed(m_transfer.get(), &ConfigTransfer::importFailed);
    dialog->accept();
    QVERIFY(failed.wait(kWait));
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("407")) && message.contains(QStringLiteral("Proxy password")),
             qPrintable(message));
    QVERIFY(!InstanceRepository(*m_db).findByName(QStringLiteral("Without login")));
}

void TestImportProxy::withTheLoginTheImportGoesThroughTheProxy()
{
    ImportDialog* dialog = openDialog(QStringLiteral("Imported"), kUser, kPassword);
    QVERIFY(dialog);
    QVERIFY2(dialog->validationMessage().isEmpty(), qPrintable(dialog->validationMessage()));
    const int tunnels = m_proxy->tunnels();
    QSignalSpy imported(m_transfer.get(), &ConfigTransfer::imported);
    QSignalSpy failed(m_transfer.get(), &ConfigTransfer::importFailed);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() || failed.count(), kWait);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(m_proxy->tunnels() > tunnels); // the lists came through the proxy

    const auto created = InstanceRepository(*m_db).findByName(QStringLiteral("Imported"));
    QVERIFY(created);
    QCOMPARE(created->proxyMode, Instance::ProxyMode::Manual);
    QCOMPARE(created->proxyPort, int(m_proxy->port()));
    QCOMPARE(keychainValue(created->keyId, SecretNames::privateKey()), kKeys.privateKey);
    QCOMPARE(keychainValue(created->keyId, SecretNames::proxyUser()), kUser);
    QCOMPARE(keychainValue(created->keyId, SecretNames::proxyPassword()), kPassword);
}

QTEST_MAIN(TestImportProxy)
#include "tst_importproxy.moc"
