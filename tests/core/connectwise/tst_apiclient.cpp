// ApiClient + ApiCall against the real cwconnector-sim over loopback: auth, typed errors, retries.
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/CompanyLookup.h"
#include "core/connectwise/Conditions.h"
#include "core/connectwise/Endpoints.h"
#include "tests/support/SimFixture.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTest>

using namespace Cw;
using CwTest::run;
using CwTest::SimProcess;
using Kind = ApiError::Kind;

class TestApiClient final : public QObject
{
    Q_OBJECT

private slots:
    void discoversCodebaseAndAuthenticates();
    void codebaseOverrideSkipsDiscovery();
    void badKeys();
    void missingClientId();
    void wrongClientId();
    void deniedModuleNamesIt();
    void codebaseMoveIsFollowed();
    void rateLimitWaitsForRetryAfter();
    void rateLimitBeyondBudgetIsReported();
    void serverErrorRetriedThenSucceeds();
    void postNotRetriedOn503();
    void retriesBoundedByCountAndTime();
    void truncatedJson();
    void droppedConnectionRetriedForGet();
    void droppedPostIsOutcomeUnknown();
    void timeout();
    void connectionRefused();
    void dnsFailure();
    void invalidPostListsFields();
    void writeRoundTrip();
    void cancel();
    void logsNeverContainSecrets();

private:
    static std::unique_ptr<ApiClient> client(const Connection& connection) { return CwTest::makeClient(connection); }
    static QJsonDocument newCompany(const QString& identifier)
    {
        return QJsonDocument(
            QJsonObject {{QStringLiteral("identifier"), identifier},
                         {QStringLiteral("name"), QString(QStringLiteral("Test ") + identifier)},
                         {QStringLiteral("addressLine1"), QStringLiteral("1 Main St")},
                         {QStringLiteral("site"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Main")}}}});
    }
};

void TestApiClient::discoversCodebaseAndAuthenticates()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    QVERIFY(c->baseUrl().isEmpty());
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.httpStatus, 200);
    QVERIFY(r.json.object().value(QLatin1String("version")).toString().startsWith(QLatin1Char('v')));
    QCOMPARE(c->baseUrl().toString(), sim.baseUrl().toString() + QStringLiteral("/v2025_1/apis/3.0"));
    QVERIFY(c->companyInfo().has_value());
    QCOMPARE(r.attempts, 1);
}

void TestApiClient::codebaseOverrideSkipsDiscovery()
{
    SimProcess sim;
    QVERIFY(sim.start());
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.site = *Site::parse(sim.baseUrl().toString() + QStringLiteral("/v4_6_release/apis/3.0/")).site;
    auto c = client(connection);
    QCOMPARE(c->baseUrl().path(), QStringLiteral("/v4_6_release/apis/3.0"));
    const ApiResult r =
        run(c.get(), ApiRequest::get(Endpoints::companies()).addQuery(QStringLiteral("pageSize"), QStringLiteral("5")));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(r.json.array().size(), 5);
    QVERIFY(!c->companyInfo().has_value()); // companyinfo was never asked
    QCOMPARE(CwTest::simRequests(sim.baseUrl(), QStringLiteral("companyinfo")).size(), 0);
}

void TestApiClient::badKeys()
{
    SimProcess sim;
    QVERIFY(sim.start());
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.privateKey = QStringLiteral("not-the-key");
    auto c = client(connection);
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, Kind::KeysRejected);
    QCOMPARE(r.error.httpStatus, 401);
    QCOMPARE(r.attempts, 1); // a 401 is never retried
    QVERIFY(r.error.message().contains(QStringLiteral("cwsim")));
    QVERIFY(r.error.fix().contains(QStringLiteral("API Members")));
}

void TestApiClient::missingClientId()
{
    SimProcess sim;
    QVERIFY(sim.start());
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.clientId.clear();
    auto c = client(connection);
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, Kind::ClientIdRejected);
    QCOMPARE(r.error.httpStatus, 400);
    QVERIFY(!r.error.body.isJson); // the plain-text answer
    QVERIFY(r.error.message().contains(QStringLiteral("clientId")));
    QVERIFY(r.error.fix().contains(QStringLiteral("developer.connectwise.com")));
}

void TestApiClient::wrongClientId()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--client-id"), QStringLiteral("11111111-2222-3333-4444-555555555555")}));
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, Kind::ClientIdRejected);
    QCOMPARE(r.error.httpStatus, 401);
}

void TestApiClient::deniedModuleNamesIt()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--deny-module"), QStringLiteral("finance/invoices")}));
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    const ApiResult denied = run(c.get(), ApiRequest::get(Endpoints::invoices()));
    QCOMPARE(denied.error.kind, Kind::PermissionDenied);
    QCOMPARE(denied.error.httpStatus, 403);
    QCOMPARE(denied.error.permission, QStringLiteral("Finance > Invoicing"));
    QVERIFY2(denied.error.message().contains(QStringLiteral("Finance > Invoicing")),
             qPrintable(denied.error.message()));
    QVERIFY(denied.error.message().contains(QStringLiteral("Finance module"))); // the server's words too
    QVERIFY(denied.error.fix().contains(QStringLiteral("Security Roles")));
    // Only that module is denied.
    const ApiResult allowed = run(c.get(), ApiRequest::get(Endpoints::companies()));
    QVERIFY2(allowed.ok(), qPrintable(allowed.error.summary()));
}

void TestApiClient::codebaseMoveIsFollowed()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--move-codebase-after"), QStringLiteral("2")}));
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    QSignalSpy moved(c.get(), &ApiClient::baseUrlChanged);
    for (int i = 0; i < 5; ++i) {
        const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
        QVERIFY2(r.ok(), qPrintable(QStringLiteral("request %1: %2").arg(i).arg(r.error.summary())));
    }
    QVERIFY(c->baseUrl().path().startsWith(QStringLiteral("/v2025_2/")));
    QCOMPARE(moved.size(), 2); // discovered once, moved once
    QCOMPARE(CwTest::simRequests(sim.baseUrl(), QStringLiteral("companyinfo")).size(), 2);
}

void TestApiClient::rateLimitWaitsForRetryAfter()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--rate-limit"), QStringLiteral("1"), QStringLiteral("--rate-window-ms"),
                       QStringLiteral("60000"), QStringLiteral("--retry-after"), QStringLiteral("1")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.retry.maxAttempts = 10;
    auto c = client(connection);
    QVERIFY(run(c.get(), ApiRequest::get(Endpoints::systemInfo())).ok()); // uses the window's one request
    ApiCall* call = c->send(ApiRequest::get(Endpoints::systemInfo()));
    QElapsedTimer sinceRateLimited;
    int askedDelay = -1;
    Kind reason = Kind::None;
    connect(call, &ApiCall::retrying, this, [&](const ApiError& error, int, int delayMs) {
        if (askedDelay < 0) {
            reason = error.kind;
            askedDelay = delayMs;
            // Lift the limit now, so the retry the client sends after Retry-After gets through.
            CwTest::simControl(sim.baseUrl(), QStringLiteral("/_sim/faults"), "{\"rateLimit\":0}");
            sinceRateLimited.start();
        }
    });
    const ApiResult r = CwTest::waitFor<ApiResult>(call, &ApiCall::finished);
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(reason, Kind::RateLimited);
    QCOMPARE(r.attempts, 2);
    QVERIFY2(askedDelay >= 1000, qPrintable(QString::number(askedDelay)));
    // Behaviour, not speed: the retry was not sent before Retry-After (1 s) had passed.
    QVERIFY2(sinceRateLimited.elapsed() >= 1000, qPrintable(QString::number(sinceRateLimited.elapsed())));
    QVERIFY(r.elapsedMs >= 1000);
}

void TestApiClient::rateLimitBeyondBudgetIsReported()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--rate-limit"), QStringLiteral("1"), QStringLiteral("--rate-window-ms"),
                       QStringLiteral("600000"), QStringLiteral("--retry-after"), QStringLiteral("600")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.retry.maxRetryAfterMs = 5000;
    auto c = client(connection);
    run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, Kind::RateLimited);
    QCOMPARE(r.error.retryAfterSeconds, 600);
    QCOMPARE(r.attempts, 1);
    QVERIFY(r.error.message().contains(QStringLiteral("600")));
}

void TestApiClient::serverErrorRetriedThenSucceeds()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--fail-every"), QStringLiteral("2")}));
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    int attempts = 0;
    for (int i = 0; i < 3; ++i) {
        const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::companies()));
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
        attempts += r.attempts;
    }
    QVERIFY2(attempts > 3, "no request was retried"); // every 2nd request failed and was sent again
    const QJsonArray log = CwTest::simRequests(sim.baseUrl(), QStringLiteral("company/companies"));
    int failures = 0;
    for (const QJsonValue& v : log) {
        failures += v.toObject().value(QLatin1String("status")).toInt() >= 500 ? 1 : 0;
    }
    QCOMPARE(failures, attempts - 3);
}

void TestApiClient::postNotRetriedOn503()
{
    SimProcess sim;
    QVERIFY(sim.start());
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    QVERIFY(run(c.get(), ApiRequest::get(Endpoints::systemInfo())).ok()); // discover first
    CwTest::simControl(sim.baseUrl(), QStringLiteral("/_sim/faults"), "{\"failEvery\":1}");
    const ApiResult r = run(c.get(), ApiRequest::post(Endpoints::companies(), newCompany(QStringLiteral("POST503"))));
    QCOMPARE(r.error.kind, Kind::ServerError);
    QCOMPARE(r.error.httpStatus, 503);
    QCOMPARE(r.attempts, 1);
    QVERIFY(r.error.outcomeUnknown);
    QVERIFY(r.error.fix().contains(QStringLiteral("created")));
    int posts = 0;
    for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), QStringLiteral("company/companies"))) {
        posts += v.toObject().value(QLatin1String("method")).toString() == QLatin1String("POST") ? 1 : 0;
    }
    QCOMPARE(posts, 1);
}

void TestApiClient::retriesBoundedByCountAndTime()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--fail-every"), QStringLiteral("1")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    connection.retry.maxAttempts = 3;
    const ApiResult byCount = run(client(connection).get(), ApiRequest::get(Endpoints::companies()));
    QCOMPARE(byCount.error.kind, Kind::ServerError);
    QCOMPARE(byCount.attempts, 3);
    QVERIFY(!byCount.error.outcomeUnknown); // a GET has no outcome to reconcile
    // A time budget smaller than the first backoff stops retrying before the attempt count does.
    connection.retry.maxAttempts = 50;
    connection.retry.baseDelayMs = 2000;
    connection.retry.maxDelayMs = 2000;
    connection.retry.maxTotalMs = 900;
    const ApiResult byTime = run(client(connection).get(), ApiRequest::get(Endpoints::companies()));
    QCOMPARE(byTime.error.kind, Kind::ServerError);
    QCOMPARE(byTime.attempts, 1);
}

void TestApiClient::truncatedJson()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--truncate-every"), QStringLiteral("1")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    connection.retry.maxAttempts = 2;
    auto c = client(connection);
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::companies()));
    QCOMPARE(r.error.kind, Kind::MalformedResponse);
    QVERIFY(r.error.truncated);
    QCOMPARE(r.attempts, 2); // a GET is tried again
    QVERIFY(r.error.message().contains(QStringLiteral("cut off")));
}

void TestApiClient::droppedConnectionRetriedForGet()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--drop-every"), QStringLiteral("2")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    auto c = client(connection);
    for (int i = 0; i < 4; ++i) {
        const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::companies()));
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    }
    // The server really dropped some of them: those GETs were sent again (by Qt's own resend of a request
    // that got no answer byte, or by ApiCall) and every call still succeeded.
    int dropped = 0;
    for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), QStringLiteral("company/companies"))) {
        dropped += v.toObject().value(QLatin1String("status")).toInt() == 0 ? 1 : 0;
    }
    QVERIFY2(dropped >= 2, qPrintable(QString::number(dropped)));
    // Every request dropped: the retries run out and the error says so.
    CwTest::simControl(sim.baseUrl(), QStringLiteral("/_sim/faults"), "{\"dropEvery\":1}");
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::companies()));
    QCOMPARE(r.error.kind, Kind::ConnectionDropped);
    QCOMPARE(r.attempts, connection.retry.maxAttempts);
}

void TestApiClient::droppedPostIsOutcomeUnknown()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--drop-every"), QStringLiteral("1")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    auto c = client(connection);
    const ApiResult r = run(c.get(), ApiRequest::post(Endpoints::companies(), newCompany(QStringLiteral("DROP1"))));
    QCOMPARE(r.error.kind, Kind::ConnectionDropped);
    QCOMPARE(r.attempts, 1);
    QVERIFY(r.error.outcomeUnknown);
    QVERIFY(r.error.fix().contains(QStringLiteral("created")));
    // Nobody sent it again, not even Qt's transparent resend: the server saw exactly one POST.
    int posts = 0;
    for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), QStringLiteral("company/companies"))) {
        posts += v.toObject().value(QLatin1String("method")).toString() == QLatin1String("POST") ? 1 : 0;
    }
    QCOMPARE(posts, 1);
}

void TestApiClient::timeout()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--delay-ms"), QStringLiteral("5000")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    connection.transferTimeoutMs = 300;
    auto c = client(connection);
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, Kind::Timeout);
    QCOMPARE(r.attempts, 1); // timeouts are not retried unless the policy says so
    QVERIFY(r.error.message().contains(QStringLiteral("127.0.0.1")));
}

void TestApiClient::connectionRefused()
{
    Connection connection =
        CwTest::simConnection(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(CwTest::closedPort())));
    auto c = client(connection);
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, Kind::ConnectionRefused);
    QVERIFY(!r.error.fix().isEmpty());
}

void TestApiClient::dnsFailure()
{
    Connection connection = CwTest::simConnection(QUrl(QStringLiteral("https://cw-does-not-exist.invalid")));
    auto c = client(connection);
    const ApiResult r = run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
    QCOMPARE(r.error.kind, Kind::HostNotFound);
    QVERIFY(r.error.message().contains(QStringLiteral("cw-does-not-exist.invalid")));
}

void TestApiClient::invalidPostListsFields()
{
    SimProcess sim;
    QVERIFY(sim.start());
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    const ApiResult r =
        run(c.get(),
            ApiRequest::post(Endpoints::companies(),
                             QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("No id")}})));
    QCOMPARE(r.error.kind, Kind::InvalidRequest);
    QCOMPARE(r.attempts, 1);
    QVERIFY(!r.error.body.fields().isEmpty());
    QVERIFY(r.error.message().contains(r.error.body.fields().first()));
}

void TestApiClient::writeRoundTrip()
{
    SimProcess sim;
    QVERIFY(sim.start());
    auto c = client(CwTest::simConnection(sim.baseUrl()));
    const ApiResult created = run(c.get(), ApiRequest::post(Endpoints::companies(), newCompany(QStringLiteral("RT1"))));
    QVERIFY2(created.ok(), qPrintable(created.error.summary()));
    QCOMPARE(created.httpStatus, 201);
    const int id = created.json.object().value(QLatin1String("id")).toInt();
    QVERIFY(id > 0);
    const QString path = Endpoints::companies() + QLatin1Char('/') + QString::number(id);
    const QJsonArray patch {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("name")},
                                         {QStringLiteral("value"), QStringLiteral("Renamed & Co \"quoted\"")}}};
    const ApiResult patched = run(c.get(), ApiRequest::patch(path, QJsonDocument(patch)));
    QVERIFY2(patched.ok(), qPrintable(patched.error.summary()));
    // Find it again through a condition with characters that need escaping and encoding.
    ApiRequest find = ApiRequest::get(Endpoints::companies());
    find.addQuery(QStringLiteral("conditions"),
                  Conditions::equals(QStringLiteral("name"), QStringLiteral("Renamed & Co \"quoted\"")).toString());
    const ApiResult found = run(c.get(), find);
    QVERIFY2(found.ok(), qPrintable(found.error.summary()));
    QCOMPARE(found.json.array().size(), 1);
    QCOMPARE(found.json.array().first().toObject().value(QLatin1String("id")).toInt(), id);
    const ApiResult deleted = run(c.get(), ApiRequest::del(path));
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.summary()));
    const ApiResult gone = run(c.get(), ApiRequest::get(path));
    QCOMPARE(gone.error.kind, Kind::NotFound);
    QCOMPARE(gone.attempts, 1); // the codebase was looked up again, had not moved, so no second send
    QVERIFY(gone.error.message().contains(path));
}

void TestApiClient::cancel()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--delay-ms"), QStringLiteral("10000")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    auto c = client(connection);
    ApiCall* call = c->send(ApiRequest::get(Endpoints::systemInfo()));
    QSignalSpy finished(call, &ApiCall::finished);
    QTimer::singleShot(200, call, &ApiCall::cancel);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().value<ApiResult>().error.kind, Kind::Cancelled);
}

namespace {
QStringList* g_log = nullptr;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    if (g_log) {
        g_log->append(message);
    }
}
} // namespace

void TestApiClient::logsNeverContainSecrets()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--fail-every"), QStringLiteral("2")}));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    QStringList log;
    g_log = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("cwconnector.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);
    {
        auto c = client(connection);
        run(c.get(), ApiRequest::get(Endpoints::systemInfo()));
        run(c.get(), ApiRequest::get(Endpoints::companies()));
        Connection bad = connection;
        bad.privateKey = QStringLiteral("wrongprivatekey99");
        auto d = client(bad);
        run(d.get(), ApiRequest::get(Endpoints::systemInfo()));
    }
    qInstallMessageHandler(previous);
    g_log = nullptr;
    QLoggingCategory::setFilterRules(QString());
    QVERIFY2(log.size() >= 4, qPrintable(log.join(QLatin1Char('\n')))); // debug lines were really captured
    const QByteArray basic = QByteArray("cwsim+demopublickey0001:demoprivatekey0001").toBase64();
    for (const QString& line : std::as_const(log)) {
        QVERIFY2(!line.contains(QStringLiteral("demoprivatekey0001")), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("wrongprivatekey99")), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("demopublickey0001")), qPrintable(line));
        QVERIFY2(!line.contains(QString::fromLatin1(basic)), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("Authorization"), Qt::CaseInsensitive), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
