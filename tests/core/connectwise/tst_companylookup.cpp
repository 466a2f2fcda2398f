// CompanyLookup against the real cwconnector-sim: GET /login/companyinfo/{id}.
#include "core/connectwise/CompanyLookup.h"
#include "tests/support/SimFixture.h"

#include <QTest>

using namespace Cw;
using CwTest::SimProcess;

class TestCompanyLookup final : public QObject
{
    Q_OBJECT

private slots:
    void knownCompany();
    void knownCompanyCaseInsensitive();
    void unknownCompany();
    void needsNoKeys();
    void plainHttpAnswerMustStayLoopback();
    void refused();

private:
    CompanyLookupResult lookup(const Connection& connection, ApiClient** clientOut = nullptr)
    {
        auto* client = new ApiClient(CwTest::network(), connection, this);
        if (clientOut) {
            *clientOut = client;
        }
        return CwTest::waitFor<CompanyLookupResult>(client->lookupCompany(), &CompanyLookup::finished);
    }
};

void TestCompanyLookup::knownCompany()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    ApiClient* client = nullptr;
    const CompanyLookupResult r = lookup(CwTest::simConnection(sim.baseUrl()), &client);
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.info.codebase, QStringLiteral("v2025_1/"));
    QCOMPARE(r.info.siteUrl, sim.hostAndPort());
    QVERIFY(!r.info.companyName.isEmpty());
    QCOMPARE(r.apiBaseUrl.toString(), sim.baseUrl().toString() + QStringLiteral("/v2025_1/apis/3.0"));
    // The client adopted the answer.
    QCOMPARE(client->baseUrl(), r.apiBaseUrl);
    QVERIFY(client->companyInfo().has_value());
}

void TestCompanyLookup::knownCompanyCaseInsensitive()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--company"), QStringLiteral("AcmeIT"), QStringLiteral("--codebase"),
                       QStringLiteral("v2024_3/")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.companyId = QStringLiteral("acmeit");
    const CompanyLookupResult r = lookup(connection);
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.info.codebase, QStringLiteral("v2024_3/"));
}

void TestCompanyLookup::unknownCompany()
{
    SimProcess sim;
    QVERIFY(sim.start());
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.companyId = QStringLiteral("Acme Corporation");
    const CompanyLookupResult r = lookup(connection);
    QCOMPARE(r.error.kind, ApiError::Kind::UnknownCompany);
    QVERIFY(r.error.message().contains(QStringLiteral("Acme Corporation")));
    QVERIFY(r.error.message().contains(sim.hostAndPort()));
    QVERIFY(r.error.fix().contains(QStringLiteral("Company field")));
}

void TestCompanyLookup::needsNoKeys()
{
    SimProcess sim;
    QVERIFY(sim.start());
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.publicKey.clear();
    connection.privateKey.clear();
    connection.clientId.clear();
    QVERIFY(lookup(connection).ok());
}

void TestCompanyLookup::plainHttpAnswerMustStayLoopback()
{
    Site site = *Site::parse(QStringLiteral("http://127.0.0.1:9")).site;
    CompanyInfo info;
    info.codebase = QStringLiteral("v2025_1/");
    info.siteUrl = QStringLiteral("api-na.myconnectwise.net");
    QUrl base;
    QCOMPARE(CompanyLookup::apiBaseUrlFor(site, info, &base).kind, ApiError::Kind::Configuration);
    info.siteUrl = QStringLiteral("localhost:9");
    QVERIFY(CompanyLookup::apiBaseUrlFor(site, info, &base).isOk());
    QCOMPARE(base.toString(), QStringLiteral("http://localhost:9/v2025_1/apis/3.0"));
}

void TestCompanyLookup::refused()
{
    const CompanyLookupResult r =
        lookup(CwTest::simConnection(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(CwTest::closedPort()))));
    QCOMPARE(r.error.kind, ApiError::Kind::ConnectionRefused);
}

QTEST_GUILESS_MAIN(TestCompanyLookup)
#include "tst_companylookup.moc"
