// NetworkAccessFactory: each connection's proxy lives on its own QNetworkAccessManager; nothing global. It is
// injected: every client gets its manager from the factory it is given, in the thread it lives in.
#include "core/connectwise/ClientThread.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "tests/support/RecordingNetworkFactory.h"
#include "tests/support/SimFixture.h"

#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Cw;
using CwTest::SimProcess;

namespace {

// Records the first request line a client sends to it as a proxy, then hangs up.
class RecordingProxy final : public QObject
{
public:
    RecordingProxy()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                m_received += socket->readAll();
                if (m_received.contains("\r\n\r\n")) {
                    socket->disconnectFromHost();
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray requestLine() const { return m_received.left(m_received.indexOf("\r\n")); }
    QByteArray received() const { return m_received; }

private:
    QTcpServer m_server;
    QByteArray m_received;
};

} // namespace

class TestNetworkAccessFactory final : public QObject
{
    Q_OBJECT

private slots:
    void modesAreAppliedPerManager();
    void noProxyReachesSim();
    void manualProxyIsUsed();
    void manualProxyRefused();
    void clientsUseTheInjectedFactory();
};

void TestNetworkAccessFactory::modesAreAppliedPerManager()
{
    const QNetworkProxy appProxyBefore = QNetworkProxy::applicationProxy();
    ProxySettings manual;
    manual.mode = ProxySettings::Mode::Manual;
    manual.host = QStringLiteral("proxy.example.invalid");
    manual.port = 3128;
    ProxySettings none;
    none.mode = ProxySettings::Mode::None;
    const NetworkAccessFactory factory;
    std::unique_ptr<QNetworkAccessManager> a(factory.create(manual, nullptr));
    std::unique_ptr<QNetworkAccessManager> b(factory.create(none, nullptr));
    std::unique_ptr<QNetworkAccessManager> c(factory.create(ProxySettings(), nullptr));
    QCOMPARE(a->proxy().type(), QNetworkProxy::HttpProxy);
    QCOMPARE(a->proxy().hostName(), QStringLiteral("proxy.example.invalid"));
    QCOMPARE(a->proxy().port(), quint16(3128));
    QCOMPARE(b->proxy().type(), QNetworkProxy::NoProxy);
    QVERIFY(c->proxyFactory() != nullptr); // system: a per-manager factory
    QCOMPARE(NetworkAccessFactory::appliedProxyKey(a.get()), QStringLiteral("manual:proxy.example.invalid:3128"));
    QCOMPARE(NetworkAccessFactory::appliedProxyKey(c.get()), QStringLiteral("system"));
    // Process-wide state is untouched.
    QCOMPARE(QNetworkProxy::applicationProxy().type(), appProxyBefore.type());
    QCOMPARE(QNetworkProxy::applicationProxy().hostName(), appProxyBefore.hostName());
}

void TestNetworkAccessFactory::noProxyReachesSim()
{
    SimProcess sim;
    QVERIFY(sim.start());
    Connection connection = CwTest::simConnection(sim.baseUrl());
    ApiClient client(CwTest::network(), connection);
    const ApiResult r = CwTest::run(&client, ApiRequest::get(Endpoints::systemInfo()));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
}

void TestNetworkAccessFactory::manualProxyIsUsed()
{
    SimProcess sim;
    QVERIFY(sim.start());
    RecordingProxy proxy;
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    connection.proxy.mode = ProxySettings::Mode::Manual;
    connection.proxy.host = QStringLiteral("127.0.0.1");
    connection.proxy.port = proxy.port();
    connection.retry = RetryPolicy::none();
    ApiClient client(CwTest::network(), connection);
    const ApiResult r = CwTest::run(&client, ApiRequest::get(Endpoints::systemInfo()));
    QVERIFY(!r.ok()); // the recording proxy hangs up
    // The request went to the proxy, addressed to the simulator.
    const QByteArray expected = "GET " + sim.baseUrl().toString().toUtf8() + "/v2025_1/apis/3.0/system/info";
    QVERIFY2(proxy.requestLine().startsWith(expected), proxy.requestLine().constData());
}

void TestNetworkAccessFactory::manualProxyRefused()
{
    SimProcess sim;
    QVERIFY(sim.start());
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.proxy.mode = ProxySettings::Mode::Manual;
    connection.proxy.host = QStringLiteral("127.0.0.1");
    connection.proxy.port = CwTest::closedPort();
    ApiClient client(CwTest::network(), connection);
    const ApiResult r = CwTest::run(&client, ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, ApiError::Kind::Proxy);
    QVERIFY(r.error.fix().contains(QStringLiteral("proxy")));
}

void TestNetworkAccessFactory::clientsUseTheInjectedFactory()
{
    // The client's manager comes from the factory it was given, with the connection's proxy; so does the manager of
    // a ClientThread clone, made in the clone's thread.
    SimProcess sim;
    QVERIFY(sim.start());
    const CwTest::RecordingNetworkFactory factory;
    const Connection connection = CwTest::simConnection(sim.baseUrl());
    ApiClient client(factory, connection);
    QCOMPARE(factory.threads(), QList<QThread*> {QThread::currentThread()});
    QCOMPARE(client.networkAccessManager()->proxy().type(), QNetworkProxy::NoProxy);
    QCOMPARE(NetworkAccessFactory::appliedProxyKey(client.networkAccessManager()), QStringLiteral("none"));
    QCOMPARE(&client.networkFactory(), &factory);
    QVERIFY(CwTest::run(&client, ApiRequest::get(Endpoints::systemInfo())).ok());
    {
        ClientThread clone(client);
        QCOMPARE(factory.threads().size(), 2);
        QCOMPARE(factory.threads().at(1), clone.thread());
        QCOMPARE(&clone.client()->networkFactory(), &factory);
        QCOMPARE(clone.client()->governor(), client.governor());
    }
}

QTEST_GUILESS_MAIN(TestNetworkAccessFactory)
#include "tst_networkaccessfactory.moc"
