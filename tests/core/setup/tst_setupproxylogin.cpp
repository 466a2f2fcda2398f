// The setup wizard's flow behind an authenticating proxy (tests/support/AuthProxy, a real CONNECT proxy on loopback
// in front of cwconnector-sim over TLS): the login given on the wizard's first page (SetupController::setProxyLogin)
// is what the company lookup, the key test and the systems check send, and Save keeps it in the real keychain beside
// the keys, where the connector's later sessions read it. Without it, the lookup says the proxy refused the login
// and where to enter it; a new login looks up again.
#include "core/config/ConnectorSession.h"
#include "core/config/InstanceRepository.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/CheckRunner.h"
#include "core/setup/CompanyProbe.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/KeyProbe.h"
#include "core/setup/SetupController.h"
#include "core/store/Database.h"
#include "tests/support/AuthProxy.h"
#include "tests/support/SimFixture.h"
#include "tests/support/TestKeychain.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

namespace {

const QString kUser = QStringLiteral("proxyadmin");
const QString kPassword = QStringLiteral("Pr0xy-s3cret!");
const ApiKeyPair kKeys {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")};
constexpr int kWait = 30000;

} // namespace

class TestSetupProxyLogin final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loginReachesEveryProbeAndTheKeychain();
    void missingLoginNamesWhereToEnterIt();
    void noManualProxyRemovesASavedLogin();

private:
    // A draft for the simulator behind the proxy at proxyPort, with the login given (none: empty user).
    void fillDraft(SetupController& controller, const QString& name, quint16 proxyPort, const QString& user,
                   const QString& password);
    // What the keychain holds for the saved connector: (user, password); NotFound entries read as empty.
    QPair<QString, QString> keychainLogin(const Instance& instance);

    CwTest::SimProcess m_sim;
    QTemporaryDir m_dir;
    const NetworkAccessFactory m_network;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<InstanceSecrets> m_secrets;
};

void TestSetupProxyLogin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start(CwTest::tlsArgs("server")), qPrintable(m_sim.output()));
    QCOMPARE(m_sim.baseUrl().scheme(), QStringLiteral("https"));
}

void TestSetupProxyLogin::init()
{
    m_db = std::make_unique<Database>(
        DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("setup%1.sqlite").arg(++m_counter))));
    StoreError error;
    QVERIFY2(m_db->open(&error), qPrintable(error.message));
    m_keychain = std::make_unique<KeychainSecretStore>(CwTest::testKeychainOptions());
    m_secrets = std::make_unique<InstanceSecrets>(*m_keychain);
}

void TestSetupProxyLogin::cleanup()
{
    if (m_db && m_keychain) {
        QVERIFY(CwTest::removeEveryConnectorsKeys(*m_db, *m_keychain, kWait)); // nothing left in the keyring
    }
    m_secrets.reset();
    m_keychain.reset();
    m_db.reset();
}

void TestSetupProxyLogin::fillDraft(SetupController& controller, const QString& name, quint16 proxyPort,
                                    const QString& user, const QString& password)
{
    controller.companyProbe().setDebounceMs(0);
    controller.setName(name);
    controller.setDeployment(Deployment::OnPremise);
    controller.setProxy(Instance::ProxyMode::Manual, QStringLiteral("127.0.0.1"), proxyPort);
    controller.setProxyLogin(user, password);
    QVERIFY(controller.setCaFile(CwTest::tlsFile("ca.pem")).isEmpty());
    controller.setSite(m_sim.baseUrl().toString());
    controller.setCompanyId(QStringLiteral("cwsim"));
    controller.setKeys(kKeys);
}

QPair<QString, QString> TestSetupProxyLogin::keychainLogin(const Instance& instance)
{
    KeychainSecretStore reader(CwTest::testKeychainOptions()); // a fresh store: what the keychain really holds
    QPair<QString, QString> login;
    int answers = 0;
    for (const QString& name : {SecretNames::proxyUser(), SecretNames::proxyPassword()}) {
        reader.read({instance.keyId, name}, this, [&, name](const SecretResult& result) {
            (name == SecretNames::proxyUser() ? login.first : login.second) = result.ok() ? result.value : QString();
            ++answers;
        });
    }
    [&] { QTRY_COMPARE_WITH_TIMEOUT(answers, 2, kWait); }();
    return login;
}

void TestSetupProxyLogin::loginReachesEveryProbeAndTheKeychain()
{
    CwTest::AuthProxy proxy(kUser, kPassword);
    SetupController controller(*m_db, *m_secrets, m_network);
    fillDraft(controller, QStringLiteral("Behind the proxy"), proxy.port(), QStringLiteral(" ") + kUser, kPassword);
    QCOMPARE(controller.proxyUser(), kUser); // trimmed

    // Step 7: the company lookup, through the proxy with its login.
    QTRY_COMPARE_WITH_TIMEOUT(controller.companyProbe().state(), CompanyProbe::State::Found, kWait);
    int sent = proxy.tunnels(); // AuthProxy tunnels only a CONNECT with the right login
    QVERIFY(sent >= 1);

    // Steps 8-12: the key test.
    QSignalSpy keysTested(&controller.keyProbe(), &KeyProbe::finished);
    QString error;
    QVERIFY2(controller.testKeys(&error), qPrintable(error));
    QVERIFY(keysTested.wait(kWait));
    QVERIFY2(keysTested.first().at(0).toBool(), qPrintable(keysTested.first().at(1).toString()));
    QVERIFY(proxy.tunnels() > sent);
    sent = proxy.tunnels();

    // Step 14: Save puts the login into the keychain beside the keys; the database holds only host and port.
    QVERIFY2(controller.saveDraft(&error), qPrintable(error));
    controller.save();
    QTRY_COMPARE_WITH_TIMEOUT(controller.saveState(), SetupController::SaveState::Saved, kWait);
    const auto saved = InstanceRepository(*m_db).findByName(QStringLiteral("Behind the proxy"));
    QVERIFY(saved);
    QCOMPARE(saved->proxyPort, int(proxy.port()));
    QCOMPARE(keychainLogin(*saved), qMakePair(kUser, kPassword));

    // Step 16: the systems check, every step through the proxy.
    QSignalSpy checked(&controller.checkRunner(), &CheckRunner::finished);
    QVERIFY2(controller.runCheck(&error), qPrintable(error));
    QVERIFY(checked.wait(60000));
    QVERIFY2(controller.checkRunner().summary().passed(), qPrintable(controller.checkRunner().reportText()));
    QVERIFY(proxy.tunnels() > sent);
    QVERIFY(!controller.checkRunner().reportText().contains(kPassword));

    // Later, the connector window opens the saved connector with the login from the keychain.
    std::optional<OpenedSession> opened;
    ConnectorSession::open(*saved, *m_keychain, m_network, this, [&opened](const OpenedSession& o) { opened = o; });
    QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), kWait);
    QVERIFY2(opened->session, qPrintable(opened->error));
    QCOMPARE(opened->session->connection().proxy.user, kUser);
    QCOMPARE(opened->session->connection().proxy.password, kPassword);
}

void TestSetupProxyLogin::missingLoginNamesWhereToEnterIt()
{
    CwTest::AuthProxy proxy(kUser, kPassword);
    SetupController controller(*m_db, *m_secrets, m_network);
    fillDraft(controller, QStringLiteral("No login"), proxy.port(), QString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(controller.companyProbe().state(), CompanyProbe::State::Failed, kWait);
    QCOMPARE(controller.companyProbe().error().kind, ApiError::Kind::ProxyLoginRejected);
    const QString message = controller.companyProbe().errorMessage();
    QVERIFY2(message.contains(QStringLiteral("407")) && message.contains(QStringLiteral("wizard's first page")),
             qPrintable(message));
    QVERIFY(proxy.rejected() >= 1);

    // A wrong password is refused too; the right login, entered on the first page, looks the company up again.
    controller.setProxyLogin(kUser, QStringLiteral("wrong"));
    QTRY_COMPARE_WITH_TIMEOUT(controller.companyProbe().state(), CompanyProbe::State::Failed, kWait);
    QCOMPARE(controller.companyProbe().error().kind, ApiError::Kind::ProxyLoginRejected);
    controller.setProxyLogin(kUser, kPassword);
    QTRY_COMPARE_WITH_TIMEOUT(controller.companyProbe().state(), CompanyProbe::State::Found, kWait);
}

void TestSetupProxyLogin::noManualProxyRemovesASavedLogin()
{
    CwTest::AuthProxy proxy(kUser, kPassword);
    SetupController controller(*m_db, *m_secrets, m_network);
    fillDraft(controller, QStringLiteral("Proxy dropped"), proxy.port(), kUser, kPassword);
    QString error;
    QVERIFY2(controller.saveDraft(&error), qPrintable(error));
    controller.save();
    QTRY_COMPARE_WITH_TIMEOUT(controller.saveState(), SetupController::SaveState::Saved, kWait);
    QCOMPARE(keychainLogin(controller.draft()), qMakePair(kUser, kPassword));

    // The setup resumed (keys and login read back), then saved without a proxy: the login leaves the keychain.
    SetupController resumed(*m_db, *m_secrets, m_network);
    QVERIFY2(resumed.load(controller.draft().id, &error), qPrintable(error));
    std::optional<bool> loaded;
    resumed.loadKeys(this, [&loaded](const SecretResult& result) { loaded = result.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), kWait);
    QVERIFY(*loaded);
    QCOMPARE(resumed.proxyUser(), kUser);
    QCOMPARE(resumed.proxyPassword(), kPassword);
    resumed.setProxy(Instance::ProxyMode::None);
    resumed.save();
    QTRY_COMPARE_WITH_TIMEOUT(resumed.saveState(), SetupController::SaveState::Saved, kWait);
    QCOMPARE(keychainLogin(resumed.draft()), qMakePair(QString(), QString()));
}

QTEST_GUILESS_MAIN(TestSetupProxyLogin)
#include "tst_setupproxylogin.moc"
