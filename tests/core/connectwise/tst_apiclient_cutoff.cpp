// Cut-off answers against the real cwconnector-sim: a GET whose body was cut off is sent again (parsed or raw; sent
// as it is, or gzip-compressed), a POST never is and says its outcome is unknown.
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/BodyCheck.h"
#include "core/connectwise/Endpoints.h"
#include "tests/support/SimFixture.h"

#include <QTest>

using namespace Cw;
using CwTest::run;
using CwTest::SimProcess;

class TestApiClientCutOff final : public QObject
{
    Q_OBJECT

private slots:
    void cutOffGetIsSentAgain_data();
    void cutOffGetIsSentAgain();
    void cutOffGzipGetIsSentAgain();
    void failedPostIsNotSentAgain_data();
    void failedPostIsNotSentAgain();

private:
    static std::unique_ptr<ApiClient> client(const Connection& connection) { return CwTest::makeClient(connection); }
    static int requestsFor(const QUrl& sim, const QString& target, const QString& method)
    {
        int n = 0;
        for (const QJsonValue& v : CwTest::simRequests(sim, target)) {
            n += v.toObject().value(QLatin1String("method")).toString() == method ? 1 : 0;
        }
        return n;
    }
};

void TestApiClientCutOff::cutOffGetIsSentAgain_data()
{
    QTest::addColumn<bool>("expectJson");
    QTest::newRow("parsed") << true;
    QTest::newRow("raw") << false;
}

void TestApiClientCutOff::cutOffGetIsSentAgain()
{
    QFETCH(bool, expectJson);
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--truncate-every"), QStringLiteral("2")}), qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    auto c = client(connection);
    QVERIFY(run(c.get(), ApiRequest::get(Endpoints::systemInfo())).ok()); // the simulator's 1st reply: whole
    // A page below the simulator's gzip threshold: the cut shows against its Content-Length.
    ApiRequest page = ApiRequest::get(Endpoints::companies())
                          .addQuery(QStringLiteral("pageSize"), QStringLiteral("10"))
                          .addQuery(QStringLiteral("fields"), QStringLiteral("id,name"));
    page.expectJson = expectJson;
    ApiCall* call = c->send(page); // the 2nd reply is cut after half its body; the 3rd is whole
    QList<ApiError> reasons;
    connect(call, &ApiCall::retrying, this, [&reasons](const ApiError& reason, int, int) { reasons.append(reason); });
    const ApiResult r = CwTest::waitFor<ApiResult>(call, &ApiCall::finished);
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.attempts, 2);
    QCOMPARE(reasons.size(), 1);
    QCOMPARE(reasons.first().kind, ApiError::Kind::MalformedResponse);
    QVERIFY(reasons.first().truncated);
    if (expectJson) {
        QCOMPARE(r.json.array().size(), 10);
    } else {
        QVERIFY(BodyCheck::rawJson(r).isOk());
        QCOMPARE(QJsonDocument::fromJson(r.body).array().size(), 10);
    }
    QCOMPARE(requestsFor(sim.baseUrl(), Endpoints::companies(), QStringLiteral("GET")), 2);
    QCOMPARE(CwTest::simRequests(sim.baseUrl(), Endpoints::companies()).first()[QLatin1String("encoding")].toString(),
             QString());
}

void TestApiClientCutOff::cutOffGzipGetIsSentAgain()
{
    // Qt inflates a gzip reply by itself and reports no error when its stream is cut; it may even send the GET
    // again on its own and hand over both bodies run together. Either way the JSON is not whole: the call sends the
    // page again and returns it whole.
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--truncate-every"), QStringLiteral("3")}), qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    auto c = client(connection);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(run(c.get(), ApiRequest::get(Endpoints::systemInfo())).ok()); // replies 1 and 2: whole
    }
    ApiCall* call =
        c->send(ApiRequest::get(Endpoints::companies()).addQuery(QStringLiteral("pageSize"), QStringLiteral("100")));
    QList<ApiError> reasons;
    connect(call, &ApiCall::retrying, this, [&reasons](const ApiError& reason, int, int) { reasons.append(reason); });
    const ApiResult r = CwTest::waitFor<ApiResult>(call, &ApiCall::finished); // reply 3 is cut
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.attempts, 2);
    QCOMPARE(reasons.size(), 1);
    QCOMPARE(reasons.first().kind, ApiError::Kind::MalformedResponse);
    QCOMPARE(r.json.array().size(), 60); // all the simulator's companies
    const QJsonArray pages = CwTest::simRequests(sim.baseUrl(), Endpoints::companies());
    QVERIFY(pages.size() >= 2);
    for (const QJsonValue& v : pages) {
        QCOMPARE(v[QLatin1String("encoding")].toString(), QStringLiteral("gzip"));
    }
}

void TestApiClientCutOff::failedPostIsNotSentAgain_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("kind");
    QTest::newRow("cut off") << QStringLiteral("--truncate-every") << int(ApiError::Kind::MalformedResponse);
    QTest::newRow("5xx") << QStringLiteral("--fail-every") << int(ApiError::Kind::ServerError);
}

void TestApiClientCutOff::failedPostIsNotSentAgain()
{
    QFETCH(QString, fault);
    QFETCH(int, kind);
    SimProcess sim;
    QVERIFY2(sim.start({fault, QStringLiteral("2")}), qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    auto c = client(connection);
    QVERIFY(run(c.get(), ApiRequest::get(Endpoints::systemInfo())).ok()); // 1st reply: whole
    const QJsonDocument company(
        QJsonObject {{QStringLiteral("identifier"), QStringLiteral("CUT1")},
                     {QStringLiteral("name"), QStringLiteral("Cut One")},
                     {QStringLiteral("addressLine1"), QStringLiteral("1 Main St")},
                     {QStringLiteral("site"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Main")}}}});
    const ApiResult r = run(c.get(), ApiRequest::post(Endpoints::companies(), company)); // 2nd: the fault
    QCOMPARE(int(r.error.kind), kind);
    QCOMPARE(r.attempts, 1);
    QVERIFY(r.error.outcomeUnknown);
    QVERIFY(r.error.fix().contains(QStringLiteral("created")));
    QCOMPARE(requestsFor(sim.baseUrl(), Endpoints::companies(), QStringLiteral("POST")), 1);
    // The slot it held is free again: the next request goes through.
    QVERIFY(run(c.get(), ApiRequest::get(Endpoints::systemInfo())).ok());
    QCOMPARE(c->governor()->inFlight(), 0);
}

QTEST_GUILESS_MAIN(TestApiClientCutOff)
#include "tst_apiclient_cutoff.moc"
