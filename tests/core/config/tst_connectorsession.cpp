// ConnectorSession: the one place a connector is opened. Its keys from the secret store, its settings into the
// Connection, every client's manager from the injected factory, one rate governor and one company lookup per
// session (ClientThread clones included) — against the real cwconnector-sim.
#include "core/check/ConnectionCheck.h"
#include "core/check/SystemsCheck.h"
#include "core/config/ConnectorSession.h"
#include "core/connectwise/ClientThread.h"
#include "core/connectwise/Endpoints.h"
#include "core/secrets/MemorySecretStore.h"
#include "tests/support/RecordingNetworkFactory.h"
#include "tests/support/SimFixture.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Cw;

class TestConnectorSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensASavedConnectorWithItsKeys();
    void missingKeysSayWhy();
    void badSettingsNameTheField();
    void oneCompanyLookupPerSession();
    void everyManagerComesFromTheFactory();
    void requestsInFlightFollowTheConnector_data();
    void requestsInFlightFollowTheConnector();

private:
    Instance instance() const;
    OpenedSession openWith(MemorySecretStore& store, const Instance& instance);
    int companyLookups() const
    {
        return CwTest::simRequests(m_sim.baseUrl(), QStringLiteral("/login/companyinfo")).size();
    }

    CwTest::SimProcess m_sim;
    CwTest::RecordingNetworkFactory m_network;
};

void TestConnectorSession::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
}

Instance TestConnectorSession::instance() const
{
    return CwTest::simInstance(m_sim.baseUrl());
}

OpenedSession TestConnectorSession::openWith(MemorySecretStore& store, const Instance& instance)
{
    return CwTest::openSaved(instance, store, m_network);
}

void TestConnectorSession::opensASavedConnectorWithItsKeys()
{
    MemorySecretStore store;
    Instance saved = instance();
    saved.maxInFlight = 3;
    store.set({saved.keyId, SecretNames::publicKey()}, QStringLiteral("demopublickey0001"));
    store.set({saved.keyId, SecretNames::privateKey()}, QStringLiteral("demoprivatekey0001"));
    const OpenedSession opened = openWith(store, saved);
    QVERIFY2(opened.session, qPrintable(opened.error));
    QVERIFY(opened.keys.ok());
    QVERIFY(opened.error.isEmpty());
    const Connection& c = opened.session->connection();
    QCOMPARE(c.companyId, QStringLiteral("cwsim"));
    QCOMPARE(c.publicKey, QStringLiteral("demopublickey0001"));
    QCOMPARE(c.privateKey, QStringLiteral("demoprivatekey0001"));
    QCOMPARE(c.site.hostAndPort(), m_sim.hostAndPort());
    QCOMPARE(c.proxy.mode, ProxySettings::Mode::None);
    QVERIFY(!c.clientId.isEmpty()); // the integration's own when the connector has none
    QCOMPARE(c.maxInFlight, 3);
    QCOMPARE(opened.session->governor()->maxInFlight(), 3);
    QCOMPARE(opened.session->instance().name, QStringLiteral("Sim"));
    const std::unique_ptr<ApiClient> client(opened.session->newClient());
    const ApiResult info = CwTest::run(client.get(), ApiRequest::get(Endpoints::systemInfo()));
    QVERIFY2(info.ok(), qPrintable(info.error.summary()));
}

void TestConnectorSession::missingKeysSayWhy()
{
    MemorySecretStore store;
    const OpenedSession opened = openWith(store, instance());
    QVERIFY(!opened.session);
    QCOMPARE(opened.keys.status, SecretStatus::NotFound);
    QCOMPARE(opened.error, opened.keys.message);
    QVERIFY(!opened.error.isEmpty());
}

void TestConnectorSession::badSettingsNameTheField()
{
    Instance broken = instance();
    broken.site.clear(); // on premise without a site
    QString error;
    QVERIFY(!ConnectorSession::open(broken, ApiKeyPair(), m_network, &error));
    QVERIFY2(error.startsWith(QLatin1String("Site")), qPrintable(error));

    MemorySecretStore store;
    store.set({broken.keyId, SecretNames::publicKey()}, QStringLiteral("demopublickey0001"));
    store.set({broken.keyId, SecretNames::privateKey()}, QStringLiteral("demoprivatekey0001"));
    const OpenedSession opened = openWith(store, broken);
    QVERIFY(opened.keys.ok()); // the keys were read; the settings make no connection
    QVERIFY(!opened.session);
    QVERIFY2(opened.error.startsWith(QLatin1String("Site")), qPrintable(opened.error));
}

void TestConnectorSession::oneCompanyLookupPerSession()
{
    QString error;
    const auto session = ConnectorSession::open(
        instance(), {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")}, m_network, &error);
    QVERIFY2(session, qPrintable(error));
    const int before = companyLookups();
    QVERIFY(!session->companyInfo());

    const std::unique_ptr<ApiClient> first(session->newClient());
    QVERIFY(CwTest::run(first.get(), ApiRequest::get(Endpoints::systemInfo())).ok());
    QCOMPARE(companyLookups(), before + 1);
    QVERIFY(session->companyInfo());
    QCOMPARE(session->companyInfo()->companyId.toLower(), QStringLiteral("cwsim"));

    // A later client of the same session (or of a copy of it, as a worker thread gets) asks no more.
    const ConnectorSession copy = *session;
    const std::unique_ptr<ApiClient> second(copy.newClient());
    QCOMPARE(second->governor(), first->governor());
    QCOMPARE(second->baseUrl(), first->baseUrl());
    QVERIFY(CwTest::run(second.get(), ApiRequest::get(Endpoints::systemInfo())).ok());
    {
        ClientThread clone(*second);
        QCOMPARE(clone.client()->governor(), first->governor());
        ApiResult result;
        QMetaObject::invokeMethod(
            clone.context(),
            [&clone, &result] { result = CwTest::run(clone.client(), ApiRequest::get(Endpoints::systemInfo())); },
            Qt::BlockingQueuedConnection);
        QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    }
    // Other keys, same connector (a key check): still the same company and pipeline.
    const std::unique_ptr<ApiClient> checking(
        session->withKeys({QStringLiteral("demopublickey0001"), QStringLiteral("wrongkey")}).newClient());
    QCOMPARE(checking->governor(), first->governor());
    QCOMPARE(CwTest::run(checking.get(), ApiRequest::get(Endpoints::systemInfo())).error.kind,
             ApiError::Kind::KeysRejected);
    QCOMPARE(companyLookups(), before + 1);

    // Another session is another pipeline: it looks the company up again.
    const auto other = ConnectorSession::open(
        instance(), {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")}, m_network, &error);
    const std::unique_ptr<ApiClient> third(other->newClient());
    QVERIFY(third->governor() != first->governor());
    QVERIFY(CwTest::run(third.get(), ApiRequest::get(Endpoints::systemInfo())).ok());
    QCOMPARE(companyLookups(), before + 2);
}

void TestConnectorSession::everyManagerComesFromTheFactory()
{
    const CwTest::RecordingNetworkFactory factory;
    const ConnectorSession session = ConnectorSession::forConnection(CwTest::simConnection(m_sim.baseUrl()), factory);
    const std::unique_ptr<ApiClient> here(session.newClient());
    QThread worker;
    worker.start();
    QObject context;
    context.moveToThread(&worker);
    ApiResult result;
    QMetaObject::invokeMethod(
        &context,
        [&session, &result] {
            // As SyncWorker does: a client made and used in its own thread.
            const std::unique_ptr<ApiClient> there(session.newClient());
            result = CwTest::run(there.get(), ApiRequest::get(Endpoints::systemInfo()));
        },
        Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QCOMPARE(factory.threads(), (QList<QThread*> {QThread::currentThread(), &worker}));
    QCOMPARE(&here->networkFactory(), static_cast<const NetworkAccessFactory*>(&factory));
}

void TestConnectorSession::requestsInFlightFollowTheConnector_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("the default") << Instance::defaultMaxInFlight;
}

void TestConnectorSession::requestsInFlightFollowTheConnector()
{
    // The check's independent probes start together; the connector's setting caps how many are on the wire.
    QFETCH(int, maxInFlight);
    Instance limited = instance();
    limited.maxInFlight = maxInFlight;
    QString error;
    const auto session = ConnectorSession::open(
        limited, {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")}, m_network, &error);
    QVERIFY2(session, qPrintable(error));
    ConnectionCheck check(*session, CheckPlan::full());
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start();
    QVERIFY(finished.wait(60000));
    QVERIFY(check.check()->summary().passed());
    QCOMPARE(session->governor()->peakInFlight(), maxInFlight);
}

QTEST_GUILESS_MAIN(TestConnectorSession)
#include "tst_connectorsession.moc"
