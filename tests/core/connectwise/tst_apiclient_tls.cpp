// ApiClient over HTTPS against the real cwconnector-sim: certificate checks are never skipped, and each
// certificate problem is named.
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Endpoints.h"
#include "tests/support/SimFixture.h"

#include <QTest>

using namespace Cw;
using CwTest::SimProcess;
using Reason = ApiError::TlsReason;

class TestApiClientTls final : public QObject
{
    Q_OBJECT

private slots:
    void selfSignedWithoutCaFile();
    void selfSignedTrustedByCaFile();
    void privateCaTrustedByCaFile();
    void privateCaWithoutCaFile();
    void wrongHost();
    void expired();
    void unreadableCaFile();

private:
    ApiResult call(SimProcess& sim, const QString& caFile)
    {
        Connection connection = CwTest::simConnection(sim.baseUrl());
        connection.caFile = caFile;
        auto* client = new ApiClient(CwTest::network(), connection, this);
        const ApiResult r = CwTest::run(client, ApiRequest::get(Endpoints::systemInfo()));
        client->deleteLater();
        return r;
    }
};

void TestApiClientTls::selfSignedWithoutCaFile()
{
    SimProcess sim;
    QVERIFY2(sim.start(CwTest::tlsArgs("selfsigned")), qPrintable(sim.output()));
    QCOMPARE(sim.baseUrl().scheme(), QStringLiteral("https"));
    const ApiResult r = call(sim, QString());
    QCOMPARE(r.error.kind, ApiError::Kind::Tls);
    QVERIFY(r.error.tlsReasons.contains(Reason::SelfSigned));
    QCOMPARE(r.error.tlsReasons.first(), Reason::SelfSigned);
    QVERIFY2(r.error.message().contains(QStringLiteral("self-signed")), qPrintable(r.error.message()));
    QVERIFY(r.error.fix().contains(QStringLiteral("CA file")));
    QCOMPARE(r.error.host, sim.hostAndPort());
}

void TestApiClientTls::selfSignedTrustedByCaFile()
{
    SimProcess sim;
    QVERIFY(sim.start(CwTest::tlsArgs("selfsigned")));
    const ApiResult r = call(sim, CwTest::tlsFile("selfsigned.pem"));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
}

void TestApiClientTls::privateCaTrustedByCaFile()
{
    SimProcess sim;
    QVERIFY(sim.start(CwTest::tlsArgs("server")));
    const ApiResult r = call(sim, CwTest::tlsFile("ca.pem"));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QVERIFY(r.json.isObject());
}

void TestApiClientTls::privateCaWithoutCaFile()
{
    SimProcess sim;
    QVERIFY(sim.start(CwTest::tlsArgs("server")));
    const ApiResult r = call(sim, QString());
    QCOMPARE(r.error.kind, ApiError::Kind::Tls);
    QVERIFY2(r.error.tlsReasons.contains(Reason::UntrustedChain) || r.error.tlsReasons.contains(Reason::SelfSigned),
             qPrintable(r.error.detail));
}

void TestApiClientTls::wrongHost()
{
    SimProcess sim;
    QVERIFY(sim.start(CwTest::tlsArgs("wronghost")));
    const ApiResult r = call(sim, CwTest::tlsFile("ca.pem"));
    QCOMPARE(r.error.kind, ApiError::Kind::Tls);
    QCOMPARE(r.error.tlsReasons, QList<Reason> {Reason::WrongHost});
    QVERIFY(r.error.message().contains(QStringLiteral("another host")));
}

void TestApiClientTls::expired()
{
    SimProcess sim;
    QVERIFY(sim.start(CwTest::tlsArgs("expired")));
    const ApiResult r = call(sim, CwTest::tlsFile("ca.pem"));
    QCOMPARE(r.error.kind, ApiError::Kind::Tls);
    QCOMPARE(r.error.tlsReasons, QList<Reason> {Reason::Expired});
    QVERIFY(r.error.message().contains(QStringLiteral("expired")));
    QVERIFY(r.error.fix().contains(QStringLiteral("Renew")));
}

void TestApiClientTls::unreadableCaFile()
{
    SimProcess sim;
    QVERIFY(sim.start(CwTest::tlsArgs("server")));
    const ApiResult r = call(sim, QStringLiteral("/nonexistent/ca.pem"));
    QCOMPARE(r.error.kind, ApiError::Kind::Configuration);
    QVERIFY(r.error.message().contains(QStringLiteral("/nonexistent/ca.pem")));
    QCOMPARE(r.attempts, 0); // nothing was sent
}

QTEST_GUILESS_MAIN(TestApiClientTls)
#include "tst_apiclient_tls.moc"
