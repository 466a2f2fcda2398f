// cwconnector-cli behind an authenticating proxy, as a process: a connector whose manual proxy and login were set as
// Settings › Connection sets them (the instance in the database; the login in the real keychain through
// ConnectorSession::writeProxyLogin) is checked and its members listed through tests/support/AuthProxy, a real
// CONNECT proxy in this test process, to the simulator over TLS. A wrong login fails naming the proxy login; the
// password is in no output and no file of the data folder; `instance remove` takes the login out of the keychain.
#include "core/config/ConnectorSession.h"
#include "core/config/InstanceRepository.h"
#include "core/secrets/KeychainSecretStore.h"
#include "tests/support/AuthProxy.h"
#include "tests/support/KillRounds.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

namespace {

const QString kUser = QStringLiteral("proxyadmin");
const QString kPassword = QStringLiteral("Pr0xy-cli-s3cret!");
constexpr int kWait = 90000;

} // namespace

class TestCliProxyLogin final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void checkAndMembersGoThroughTheProxy();
    void wrongLoginNamesTheProxyLogin();
    void removeTakesTheLoginOutOfTheKeychain();

private:
    // The tool with arguments after --data-dir, run while this process's event loop serves the proxy.
    CwTest::ProcessResult cli(const QStringList& arguments);
    // Saves the connector's manual proxy and its login as Settings › Connection does.
    bool setProxy(const QString& user, const QString& password, QString* error);
    // What the keychain holds under the connector's proxy user entry (empty when none).
    QString keychainProxyUser();

    QTemporaryDir m_dir;
    CwTest::SimProcess m_sim;
    std::unique_ptr<CwTest::AuthProxy> m_proxy;
    std::optional<DatabaseLocation> m_location;
    Instance m_instance;
    QByteArray m_printed; // everything the tool printed
};

void TestCliProxyLogin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start(CwTest::tlsArgs("server")), qPrintable(m_sim.output()));
    m_proxy = std::make_unique<CwTest::AuthProxy>(kUser, kPassword);
    QString error;
    m_location = CwTest::cliDataWithSim(m_dir.filePath(QStringLiteral("data")), m_sim.baseUrl(), &error,
                                        {QStringLiteral("--ca-file"), CwTest::tlsFile("ca.pem")});
    QVERIFY2(m_location, qPrintable(error));
    QVERIFY2(setProxy(kUser, kPassword, &error), qPrintable(error));
}

void TestCliProxyLogin::cleanupTestCase()
{
    if (m_location && !m_instance.keyId.isEmpty()) { // nothing left in the keyring, whatever failed
        KeychainSecretStore keychain {KeychainStoreOptions()};
        bool done = false;
        keychain.removeInstance(m_instance.keyId, this, [&done](const SecretResult&) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
    }
    QVERIFY2(!m_printed.contains(kPassword.toUtf8()), m_printed.constData());
    QDirIterator files(m_dir.filePath(QStringLiteral("data")), QDir::Files | QDir::Hidden,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(kPassword.toUtf8()), qPrintable(file.fileName()));
    }
}

CwTest::ProcessResult TestCliProxyLogin::cli(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CW_PUBLIC_KEY"));
    environment.remove(QStringLiteral("CW_PRIVATE_KEY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CW_CLI_EXECUTABLE),
                  QStringList {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))} + arguments);
    process.closeWriteChannel();
    const QDeadlineTimer deadline(kWait);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QTest::qWait(20); // the proxy answers from this event loop
    }
    CwTest::ProcessResult r;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        r.exitCode = -1;
    } else {
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    m_printed += r.out + r.err;
    return r;
}

bool TestCliProxyLogin::setProxy(const QString& user, const QString& password, QString* error)
{
    Database database(*m_location);
    StoreError storeError;
    auto found = database.open(&storeError)
        ? InstanceRepository(database).findByName(QStringLiteral("Sim"), &storeError)
        : std::nullopt;
    if (!found) {
        *error = storeError.message;
        return false;
    }
    found->proxyMode = Instance::ProxyMode::Manual;
    found->proxyHost = QStringLiteral("127.0.0.1");
    found->proxyPort = m_proxy->port();
    if (!InstanceRepository(database).update(&*found, &storeError)) {
        *error = storeError.message;
        return false;
    }
    m_instance = *found;
    KeychainSecretStore keychain {KeychainStoreOptions()}; // the store the tool reads
    std::optional<SecretResult> written;
    ConnectorSession::writeProxyLogin(m_instance, keychain, user, password, this,
                                      [&written](const SecretResult& result) { written = result; });
    const QDeadlineTimer deadline(kWait);
    while (!written && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    *error = written ? written->message : QStringLiteral("the keychain did not answer");
    return written && written->ok();
}

QString TestCliProxyLogin::keychainProxyUser()
{
    KeychainSecretStore keychain {KeychainStoreOptions()};
    std::optional<SecretResult> read;
    keychain.read({m_instance.keyId, SecretNames::proxyUser()}, this,
                  [&read](const SecretResult& result) { read = result; });
    const QDeadlineTimer deadline(kWait);
    while (!read && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return read && read->ok() ? read->value : QString();
}

void TestCliProxyLogin::checkAndMembersGoThroughTheProxy()
{
    const int tunnelsBefore = m_proxy->tunnels();
    const CwTest::ProcessResult check = cli({QStringLiteral("check"), QStringLiteral("Sim")});
    QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
    const CwTest::ProcessResult members =
        cli({QStringLiteral("--json"), QStringLiteral("members"), QStringLiteral("Sim")});
    QVERIFY2(members.exitCode == 0, members.err.constData());
    QVERIFY2(members.out.contains("\"identifier\""), members.out.constData());
    // Both runs went through the proxy with the login from the keychain (AuthProxy tunnels only a CONNECT that
    // carries the right one).
    QVERIFY(m_proxy->tunnels() >= tunnelsBefore + 2);
}

void TestCliProxyLogin::wrongLoginNamesTheProxyLogin()
{
    QString error;
    QVERIFY2(setProxy(kUser, QStringLiteral("not-the-password"), &error), qPrintable(error));
    const CwTest::ProcessResult members = cli({QStringLiteral("members"), QStringLiteral("Sim")});
    QCOMPARE(members.exitCode, 4); // ConnectWise cannot be reached through this proxy
    QVERIFY2(members.err.contains("407") && members.err.contains("Proxy password"), members.err.constData());
    QVERIFY2(setProxy(kUser, kPassword, &error), qPrintable(error));
}

void TestCliProxyLogin::removeTakesTheLoginOutOfTheKeychain()
{
    QCOMPARE(keychainProxyUser(), kUser);
    const CwTest::ProcessResult removed =
        cli({QStringLiteral("instance"), QStringLiteral("remove"), QStringLiteral("Sim")});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QCOMPARE(keychainProxyUser(), QString());
}

QTEST_GUILESS_MAIN(TestCliProxyLogin)
#include "tst_cli_proxylogin.moc"
