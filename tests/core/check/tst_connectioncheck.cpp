#include "core/check/ConnectionCheck.h"
#include "core/check/SystemsCheck.h"
#include "core/connectwise/ApiCall.h"
#include "core/connectwise/ApiClient.h"
#include "tests/support/SimFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Cw;

namespace {
const QString kPublic = QStringLiteral("demopublickey0001");
const QString kPrivate = QStringLiteral("demoprivatekey0001");
const QString kClientId = QStringLiteral("5b0e8a38-1f2c-4e4a-9a55-3b7a2a6c1d10");
} // namespace

// The whole layered check against cwconnector-sim over loopback.
class TestConnectionCheck final : public QObject
{
    Q_OBJECT

private slots:
    void healthyConnectionPassesEveryLayer();
    void deniedModuleNamesPermission();
    void unknownCompanyStopsAtLookup();
    void rejectedKeysStopAtAuthentication();
    void nothingListeningIsUnreachable();
    void selfSignedCertificateNamesTheCause();
    void privateCaFileIsTrusted();
    void emptyLookupListWarnsWithSetupTable();
    void cancelEndsTheCheck();
    void reportIsRedacted();

private:
    static Connection connectionTo(const QUrl& base, const QString& company = QStringLiteral("cwsim"));
    static CheckSummary run(ConnectionCheck& check);
};

Connection TestConnectionCheck::connectionTo(const QUrl& base, const QString& company)
{
    Connection c;
    c.site = *Site::parse(base.toString()).site;
    c.companyId = company;
    c.clientId = kClientId;
    c.publicKey = kPublic;
    c.privateKey = kPrivate;
    c.proxy.mode = ProxySettings::Mode::None;
    c.transferTimeoutMs = 10000;
    return c;
}

CheckSummary TestConnectionCheck::run(ConnectionCheck& check)
{
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start();
    if (!finished.wait(60000)) {
        return {};
    }
    return check.check()->summary();
}

void TestConnectionCheck::healthyConnectionPassesEveryLayer()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    ConnectionCheck check(CwTest::session(connectionTo(sim.baseUrl())), CheckPlan::full());
    const CheckSummary summary = run(check);
    for (const CheckResult& r : summary.results) {
        QVERIFY2(r.status == CheckResult::Status::Passed,
                 qPrintable(r.id + QLatin1String(": ") + CheckResult::statusName(r.status) + QLatin1Char(' ') +
                            r.diagnosis));
    }
    QVERIFY(summary.passed());
    const QStringList expected {QStringLiteral("input"),
                                QStringLiteral("dns"),
                                QStringLiteral("tcp"),
                                QStringLiteral("tls"),
                                QStringLiteral("company"),
                                QStringLiteral("auth"),
                                QStringLiteral("permission:finance/invoices"),
                                QStringLiteral("members")};
    for (const QString& id : expected) {
        QVERIFY2(summary.find(id), qPrintable(id));
    }
    QVERIFY(summary.find(QStringLiteral("company"))->summary.contains(QStringLiteral("v2025_1/")));
    QVERIFY(!check.members().isEmpty());
    for (const Member& m : check.members()) {
        QVERIFY(m.isMappable());
    }
}

void TestConnectionCheck::deniedModuleNamesPermission()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--deny-module"), QStringLiteral("finance/invoices")}),
             qPrintable(sim.output()));
    ConnectionCheck check(CwTest::session(connectionTo(sim.baseUrl())), CheckPlan::full());
    const CheckSummary summary = run(check);
    QVERIFY(!summary.passed());
    QVERIFY(!summary.unreachable());
    const CheckResult* denied = summary.find(QStringLiteral("permission:finance/invoices"));
    QVERIFY(denied);
    QCOMPARE(denied->status, CheckResult::Status::Failed);
    QVERIFY2(denied->diagnosis.contains(QStringLiteral("Finance")) || denied->fix.contains(QStringLiteral("Finance")),
             qPrintable(denied->diagnosis + QLatin1Char('|') + denied->fix));
    QVERIFY2(denied->fix.contains(QStringLiteral("Invoicing")), qPrintable(denied->fix));
    QCOMPARE(summary.find(QStringLiteral("permission:company/companies"))->status, CheckResult::Status::Passed);
    QCOMPARE(summary.firstFailure()->id, QStringLiteral("permission:finance/invoices"));
}

void TestConnectionCheck::unknownCompanyStopsAtLookup()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    ConnectionCheck check(CwTest::session(connectionTo(sim.baseUrl(), QStringLiteral("nosuchco"))), CheckPlan::full());
    const CheckSummary summary = run(check);
    const CheckResult* company = summary.find(QStringLiteral("company"));
    QCOMPARE(company->status, CheckResult::Status::Failed);
    QVERIFY(company->diagnosis.contains(QStringLiteral("nosuchco")));
    QCOMPARE(summary.find(QStringLiteral("auth"))->status, CheckResult::Status::Skipped);
    QCOMPARE(summary.find(QStringLiteral("tls"))->status, CheckResult::Status::Passed);
}

void TestConnectionCheck::rejectedKeysStopAtAuthentication()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    Connection c = connectionTo(sim.baseUrl());
    c.privateKey = QStringLiteral("wrongprivatekey1");
    ConnectionCheck check(CwTest::session(c), CheckPlan::full());
    const CheckSummary summary = run(check);
    const CheckResult* auth = summary.find(QStringLiteral("auth"));
    QCOMPARE(auth->status, CheckResult::Status::Failed);
    QCOMPARE(auth->errorKind, ApiError::kindName(ApiError::Kind::KeysRejected));
    QVERIFY(!auth->fix.isEmpty());
    QCOMPARE(summary.find(QStringLiteral("members"))->status, CheckResult::Status::Skipped);
}

void TestConnectionCheck::nothingListeningIsUnreachable()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
    probe.close();
    ConnectionCheck check(CwTest::session(connectionTo(url)), CheckPlan::full());
    const CheckSummary summary = run(check);
    QVERIFY(summary.unreachable());
    QCOMPARE(summary.firstFailure()->id, QStringLiteral("tcp"));
}

void TestConnectionCheck::selfSignedCertificateNamesTheCause()
{
    const QString tls = QStringLiteral(CW_TEST_DATA_DIR "/tls/");
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--tls-cert"), tls + QStringLiteral("selfsigned.pem"),
                        QStringLiteral("--tls-key"), tls + QStringLiteral("selfsigned.key")}),
             qPrintable(sim.output()));
    ConnectionCheck check(CwTest::session(connectionTo(sim.baseUrl())), CheckPlan::full());
    const CheckSummary summary = run(check);
    const CheckResult* tlsStep = summary.find(QStringLiteral("tls"));
    QCOMPARE(tlsStep->status, CheckResult::Status::Failed);
    QVERIFY2(tlsStep->diagnosis.contains(QStringLiteral("self-signed")), qPrintable(tlsStep->diagnosis));
    QVERIFY(tlsStep->fix.contains(QStringLiteral("CA file")));
    QVERIFY(summary.unreachable());
}

void TestConnectionCheck::privateCaFileIsTrusted()
{
    const QString tls = QStringLiteral(CW_TEST_DATA_DIR "/tls/");
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--tls-cert"), tls + QStringLiteral("server.pem"), QStringLiteral("--tls-key"),
                        tls + QStringLiteral("server.key")}),
             qPrintable(sim.output()));
    Connection c = connectionTo(sim.baseUrl());
    c.caFile = tls + QStringLiteral("ca.pem");
    CheckPlan plan;
    plan.permissionPaths = {QStringLiteral("company/companies")};
    plan.pullMembers = false;
    ConnectionCheck check(CwTest::session(c), plan);
    const CheckSummary summary = run(check);
    QVERIFY2(summary.passed(), summary.firstFailure() ? qPrintable(summary.firstFailure()->diagnosis) : "not finished");
    QCOMPARE(summary.find(QStringLiteral("tls"))->status, CheckResult::Status::Passed);
}

void TestConnectionCheck::emptyLookupListWarnsWithSetupTable()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    // Empty the currency list through the simulator's own API, as an admin would in Table Setup.
    Connection c = connectionTo(sim.baseUrl());
    CheckPlan plan;
    plan.permissionPaths = {QStringLiteral("finance/currencies")};
    plan.lists = {
        {QStringLiteral("finance/currencies"), QStringLiteral("currencies"), QStringLiteral("Company › Currency")}};
    plan.pullMembers = false;
    {
        ConnectionCheck check(CwTest::session(c), plan);
        QVERIFY(run(check).passed());
    }
    // Delete every currency via the API.
    ConnectionCheck lister(CwTest::session(c), plan);
    QVERIFY(run(lister).passed());
    ApiCall* call = lister.client()->send(ApiRequest::get(QStringLiteral("finance/currencies"))
                                              .addQuery(QStringLiteral("pageSize"), QStringLiteral("1000")));
    QSignalSpy listed(call, &ApiCall::finished);
    QVERIFY(listed.wait(10000));
    const QJsonArray currencies = listed.first().first().value<ApiResult>().array();
    QVERIFY(!currencies.isEmpty());
    for (const QJsonValue& v : currencies) {
        ApiCall* del = lister.client()->send(ApiRequest::del(
            QStringLiteral("finance/currencies/") + QString::number(v.toObject().value(QStringLiteral("id")).toInt())));
        QSignalSpy deleted(del, &ApiCall::finished);
        QVERIFY(deleted.wait(10000));
        QVERIFY(deleted.first().first().value<ApiResult>().ok());
    }
    ConnectionCheck check(CwTest::session(c), plan);
    const CheckSummary summary = run(check);
    const CheckResult* list = summary.find(QStringLiteral("list:finance/currencies"));
    QVERIFY(list);
    QCOMPARE(list->status, CheckResult::Status::Warning);
    QVERIFY(list->fix.contains(QStringLiteral("Company › Currency")));
}

void TestConnectionCheck::cancelEndsTheCheck()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--delay-ms"), QStringLiteral("3000")}), qPrintable(sim.output()));
    ConnectionCheck check(CwTest::session(connectionTo(sim.baseUrl())), CheckPlan::full());
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        check.check()->summary().find(QStringLiteral("company"))->status == CheckResult::Status::Running, 10000);
    check.cancel();
    QVERIFY(finished.wait(5000));
    const CheckSummary summary = finished.first().first().value<CheckSummary>();
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.find(QStringLiteral("company"))->status, CheckResult::Status::Skipped);
    QCOMPARE(summary.find(QStringLiteral("auth"))->status, CheckResult::Status::Skipped);
}

void TestConnectionCheck::reportIsRedacted()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    Connection c = connectionTo(sim.baseUrl());
    ConnectionCheck check(CwTest::session(c), CheckPlan::full());
    run(check);
    const CheckReport report = check.report();
    const QByteArray json = QJsonDocument(report.toJson()).toJson();
    const QByteArray text = report.toText().toUtf8();
    const QByteArray basic = QByteArray("cwsim+" + kPublic.toUtf8() + ':' + kPrivate.toUtf8()).toBase64();
    for (const QByteArray& secret : {kPublic.toUtf8(), kPrivate.toUtf8(), basic}) {
        QVERIFY(!json.contains(secret));
        QVERIFY(!text.contains(secret));
    }
    QVERIFY(text.contains("cwsim"));
    QVERIFY(text.contains("[PASSED] Authentication"));
}

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
