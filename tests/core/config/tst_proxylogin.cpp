// The manual proxy's login, end to end: saved in the keychain (Settings › Connection), read by ConnectorSession when
// it opens the connector, sent to a real authenticating proxy (tests/support/AuthProxy) over loopback in front of the
// simulator over TLS. The right login lets the systems check and a pull through; a wrong or missing one says that
// the proxy refused the proxy login; the password reaches no log, no ProxySettings::key() and no check report.
#include "core/check/ConnectionCheck.h"
#include "core/check/ConnectorCheck.h"
#include "core/check/SystemsCheck.h"
#include "core/config/ConnectorSession.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/connectwise/Pager.h"
#include "core/secrets/MemorySecretStore.h"
#include "tests/support/AuthProxy.h"
#include "tests/support/LogCapture.h"
#include "tests/support/SimFixture.h"

#include <QLoggingCategory>
#include <QTest>

using namespace Cw;

namespace {

const QString kUser = QStringLiteral("proxyadmin");
const QString kPassword = QStringLiteral("Pr0xy-s3cret!");

// Our modules' debug lines on (the tests run with them off), so that what would be logged is really looked at.
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;
void enableOurDebug(QLoggingCategory* category)
{
    g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "cwconnector", 11) == 0) {
        category->setEnabled(QtDebugMsg, true);
    }
}

} // namespace

class TestProxyLogin final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rightLoginPassesThroughTheProxy();
    void wrongLoginNamesTheProxyLogin();
    void missingLoginNamesTheProxyLogin();
    void keyTellsLoginsApartWithoutThem();

private:
    Instance instance(quint16 proxyPort) const;
    OpenedSession openWith(const QString& user, const QString& password, quint16 proxyPort);

    CwTest::SimProcess m_sim;
};

void TestProxyLogin::initTestCase()
{
    QVERIFY2(m_sim.start(CwTest::tlsArgs("server")), qPrintable(m_sim.output()));
    QCOMPARE(m_sim.baseUrl().scheme(), QStringLiteral("https"));
    g_previousFilter = QLoggingCategory::installFilter(enableOurDebug);
}

void TestProxyLogin::cleanupTestCase()
{
    QLoggingCategory::installFilter(g_previousFilter);
}

Instance TestProxyLogin::instance(quint16 proxyPort) const
{
    Instance i = CwTest::simInstance(m_sim.baseUrl());
    i.caFile = CwTest::tlsFile("ca.pem");
    i.proxyMode = Instance::ProxyMode::Manual;
    i.proxyHost = QStringLiteral("127.0.0.1");
    i.proxyPort = proxyPort;
    return i;
}

OpenedSession TestProxyLogin::openWith(const QString& user, const QString& password, quint16 proxyPort)
{
    MemorySecretStore store;
    const Instance saved = instance(proxyPort);
    store.set({saved.keyId, SecretNames::publicKey()}, QStringLiteral("demopublickey0001"));
    store.set({saved.keyId, SecretNames::privateKey()}, QStringLiteral("demoprivatekey0001"));
    if (!user.isEmpty()) {
        store.set({saved.keyId, SecretNames::proxyUser()}, user);
        store.set({saved.keyId, SecretNames::proxyPassword()}, password);
    }
    return CwTest::openSaved(saved, store, CwTest::network());
}

void TestProxyLogin::rightLoginPassesThroughTheProxy()
{
    CwTest::AuthProxy proxy(kUser, kPassword);
    CwTest::LogCapture log("cwconnector");
    const OpenedSession opened = openWith(kUser, kPassword, proxy.port());
    QVERIFY2(opened.session, qPrintable(opened.error));
    QCOMPARE(opened.session->connection().proxy.user, kUser);
    QCOMPARE(opened.session->connection().proxy.password, kPassword);

    // The systems check: DNS, TCP and TLS through the proxy, then the API steps.
    const std::unique_ptr<ConnectionCheck> check = ConnectorCheck::make(*opened.session, nullptr);
    QSignalSpy finished(check->check(), &SystemsCheck::finished);
    check->start();
    QVERIFY(finished.wait(60000));
    const CheckSummary summary = check->check()->summary();
    QVERIFY2(summary.passed(),
             summary.firstFailure()
                 ? qPrintable(summary.firstFailure()->id + QLatin1Char(' ') + summary.firstFailure()->diagnosis)
                 : "no failure");
    QVERIFY2(summary.find(QStringLiteral("tcp"))->summary.contains(QStringLiteral("through the proxy")),
             qPrintable(summary.find(QStringLiteral("tcp"))->summary));

    // A pull: every company, page by page, through the proxy.
    const std::unique_ptr<ApiClient> client(opened.session->newClient());
    const ApiResult companies = CwTest::run(client.get(), ApiRequest::get(Endpoints::companies()));
    QVERIFY2(companies.ok(), qPrintable(companies.error.summary()));
    QVERIFY(!companies.json.array().isEmpty());

    QVERIFY(proxy.tunnels() >= 2); // the check's sockets and the client's connections all went through it
    const QByteArray sent = "Basic " + (kUser + QLatin1Char(':') + kPassword).toUtf8().toBase64();
    bool loginSent = false;
    for (const QByteArray& head : proxy.requestHeads()) {
        loginSent = loginSent || head.contains(QByteArray("Proxy-Authorization: " + sent));
    }
    QVERIFY(loginSent);

    // Neither the password nor the user is logged, nor in the check's report (which the admin may save and send).
    QVERIFY2(log.text().contains(QStringLiteral("with login")), qPrintable(log.text())); // debug lines were seen
    QVERIFY2(!log.text().contains(kPassword), qPrintable(log.text()));
    QVERIFY2(!log.text().contains(QString::fromLatin1(sent)), qPrintable(log.text()));
    const QString report = check->report().toText();
    QVERIFY2(!report.contains(kPassword) && !report.contains(kUser), qPrintable(report));
}

void TestProxyLogin::wrongLoginNamesTheProxyLogin()
{
    CwTest::AuthProxy proxy(kUser, kPassword);
    const OpenedSession opened = openWith(kUser, QStringLiteral("not-the-password"), proxy.port());
    QVERIFY2(opened.session, qPrintable(opened.error));
    const std::unique_ptr<ApiClient> client(opened.session->newClient());
    const ApiResult r = CwTest::run(client.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, ApiError::Kind::ProxyLoginRejected);
    QVERIFY2(r.error.message().contains(QStringLiteral("127.0.0.1:%1").arg(proxy.port())),
             qPrintable(r.error.message()));
    QVERIFY2(r.error.message().contains(QStringLiteral("proxy user and password")), qPrintable(r.error.message()));
    QVERIFY2(r.error.fix().contains(QStringLiteral("Settings › Connection")), qPrintable(r.error.fix()));
    QVERIFY(r.error.isUnreachable()); // the CLI's exit code 4
    QVERIFY(proxy.rejected() >= 1);
    QCOMPARE(proxy.tunnels(), 0);

    // The systems check stops at the TCP step, with the same words.
    const std::unique_ptr<ConnectionCheck> check = ConnectorCheck::make(*opened.session, nullptr);
    QSignalSpy finished(check->check(), &SystemsCheck::finished);
    check->start();
    QVERIFY(finished.wait(60000));
    const CheckResult* tcp = check->check()->summary().find(QStringLiteral("tcp"));
    QCOMPARE(tcp->status, CheckResult::Status::Failed);
    QVERIFY2(tcp->diagnosis.contains(QStringLiteral("proxy user and password")), qPrintable(tcp->diagnosis));
    QVERIFY2(tcp->fix.contains(QStringLiteral("Proxy password")), qPrintable(tcp->fix));
}

void TestProxyLogin::missingLoginNamesTheProxyLogin()
{
    CwTest::AuthProxy proxy(kUser, kPassword);
    const OpenedSession opened = openWith(QString(), QString(), proxy.port());
    QVERIFY2(opened.session, qPrintable(opened.error));
    QVERIFY(opened.session->connection().proxy.user.isEmpty());
    const std::unique_ptr<ApiClient> client(opened.session->newClient());
    const ApiResult r = CwTest::run(client.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, ApiError::Kind::ProxyLoginRejected);
    QCOMPARE(ApiError::kindName(r.error.kind), QStringLiteral("proxy-login-rejected"));
    QVERIFY(proxy.rejected() >= 1);
}

void TestProxyLogin::keyTellsLoginsApartWithoutThem()
{
    ProxySettings a;
    a.mode = ProxySettings::Mode::Manual;
    a.host = QStringLiteral("proxy.lan");
    a.port = 3128;
    ProxySettings b = a;
    b.user = kUser;
    b.password = kPassword;
    ProxySettings c = b;
    c.password = QStringLiteral("another");
    QCOMPARE(a.key(), QStringLiteral("manual:proxy.lan:3128"));
    QVERIFY(a.key() != b.key());
    QVERIFY(b.key() != c.key());
    QVERIFY(!(b == c));
    ProxySettings bAgain = b;
    QCOMPARE(bAgain.key(), b.key()); // stable within the run
    for (const ProxySettings& p : {b, c}) {
        QVERIFY2(!p.key().contains(kUser) && !p.key().contains(p.password), qPrintable(p.key()));
        QCOMPARE(p.describe(), QStringLiteral("manual:proxy.lan:3128 (with login)"));
    }
    const std::unique_ptr<QNetworkAccessManager> manager(NetworkAccessFactory().create(b, nullptr));
    QCOMPARE(manager->proxy().user(), kUser);
    QCOMPARE(manager->proxy().password(), kPassword);
    QCOMPARE(NetworkAccessFactory::appliedProxyKey(manager.get()), b.key());
    // A login on a proxy that is not manual is not used.
    ProxySettings none = b;
    none.mode = ProxySettings::Mode::None;
    QVERIFY(!none.hasLogin());
    QCOMPARE(none.key(), QStringLiteral("none"));
}

QTEST_GUILESS_MAIN(TestProxyLogin)
#include "tst_proxylogin.moc"
