// cwconnector-sim's deliberate faults (flags and the runtime control API), request ordering on one
// connection, and the request log's content.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimFaults final : public QObject
{
    Q_OBJECT

private slots:
    void rateLimit();
    void failEvery();
    void failRepeat();
    void delay();
    void truncateEvery();
    void dropEvery();
    void denyModule();
    void controlApiChangesFaultsAtRuntime();
    void pipelinedRequestsAnswerInOrderBehindDelays();
    void requestLogHasNoSecrets();
    void expectContinueAndConnectionClose();

private:
    static QByteArray rawExchange(quint16 port, const QByteArray& requests, int expectedReplies);
};

namespace {

QString path(const char* p)
{
    return QString::fromLatin1(p);
}

} // namespace

void TestSimFaults::rateLimit()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--rate-limit"), QStringLiteral("2"), QStringLiteral("--rate-window-ms"),
                        QStringLiteral("600000"), QStringLiteral("--retry-after"), QStringLiteral("7")}),
             qPrintable(sim.output()));
    SimTestClient client(sim.baseUrl());
    QCOMPARE(client.get(client.api(path("system/info"))).status, 200);
    QCOMPARE(client.get(client.api(path("company/companies/count"))).status, 200);
    const SimReply limited = client.get(client.api(path("company/companies/count")));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("7"));
    // ConnectWise's own shape, which is not the usual {code, message, errors}.
    QCOMPARE(limited.object(),
             (QJsonObject {
                 {QStringLiteral("error"), QStringLiteral("ConnectWiseAPI")},
                 {QStringLiteral("message"), QStringLiteral("Too many requests. Please try again in 7 seconds.")}}));
    // The company lookup is not rate limited.
    QCOMPARE(client.get(client.url(QStringLiteral("/login/companyinfo/cwsim"))).status, 200);

    // The Cloudflare edge answers with a page that is not JSON: the switch at runtime, then as a flag.
    QCOMPARE(client
                 .control("POST", QStringLiteral("faults"),
                          R"({"rateLimit":1,"rateWindowMs":600000,"retryAfter":3,"rateLimitBody":"cloudflare"})")
                 .status,
             200);
    client.get(client.api(path("system/info")));
    const SimReply edge = client.get(client.api(path("system/info")));
    QCOMPARE(edge.status, 429);
    QCOMPARE(edge.header("Retry-After"), QByteArray("3"));
    QVERIFY(edge.header("Content-Type").startsWith("text/html"));
    QJsonParseError error;
    QJsonDocument::fromJson(edge.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(edge.body.contains("Error 1015"));
    QCOMPARE(client.control("POST", QStringLiteral("faults"), R"({"rateLimitBody":"xml"})").status, 400);

    CwTest::SimProcess flagged;
    QVERIFY(
        flagged.start({QStringLiteral("--rate-limit"), QStringLiteral("1"), QStringLiteral("--rate-window-ms"),
                       QStringLiteral("600000"), QStringLiteral("--rate-limit-body"), QStringLiteral("cloudflare")}));
    SimTestClient flaggedClient(flagged.baseUrl());
    flaggedClient.get(flaggedClient.api(path("system/info")));
    QVERIFY(flaggedClient.get(flaggedClient.api(path("system/info"))).body.contains("You are being rate limited"));
    CwTest::SimProcess wrong;
    QVERIFY(!wrong.start({QStringLiteral("--rate-limit-body"), QStringLiteral("xml")}));
}

void TestSimFaults::failEvery()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--fail-every"), QStringLiteral("3")}));
    SimTestClient client(sim.baseUrl());
    QList<int> statuses;
    for (int i = 0; i < 7; ++i) {
        const SimReply reply = client.get(client.api(path("company/companies/count")));
        statuses.append(reply.status);
        if (reply.status >= 500) {
            QVERIFY(!reply.object().value(QLatin1String("code")).toString().isEmpty()); // a JSON error body
        }
    }
    QCOMPARE(statuses, (QList<int> {200, 200, 503, 200, 200, 500, 200}));
}

void TestSimFaults::failRepeat()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start(
        {QStringLiteral("--fail-every"), QStringLiteral("3"), QStringLiteral("--fail-repeat"), QStringLiteral("2")}));
    SimTestClient client(sim.baseUrl());
    const QUrl count = client.api(path("company/companies/count"));
    const QUrl info = client.api(path("system/info"));
    // Request 3 fails and its target fails the next two times it is asked, whatever their numbers (6 is a
    // multiple of 3 too, but is the repeat); other targets are not held back, and then it answers again.
    QList<int> statuses;
    QString lastMessage;
    for (const QUrl& url : {count, count, count, count, info, count, count}) {
        const SimReply reply = client.get(url);
        statuses.append(reply.status);
        lastMessage = reply.status == 500 ? reply.object().value(QLatin1String("message")).toString() : lastMessage;
    }
    QCOMPARE(statuses, (QList<int> {200, 200, 503, 500, 200, 500, 200}));
    QVERIFY2(lastMessage.contains(QLatin1String("Query read timeout")), qPrintable(lastMessage));
    const QJsonObject faults =
        client.control("GET", QStringLiteral("state")).object().value(QLatin1String("faults")).toObject();
    QCOMPARE(faults.value(QLatin1String("failRepeat")).toInt(), 2);
}

void TestSimFaults::delay()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--delay-ms"), QStringLiteral("400")}));
    SimTestClient client(sim.baseUrl());
    const SimReply reply = client.get(client.api(path("system/info")));
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.elapsedMs >= 400, qPrintable(QString::number(reply.elapsedMs))); // cannot arrive earlier
    const QJsonArray log = client.control("GET", QStringLiteral("requests")).array();
    QCOMPARE(log.size(), 1);
    QVERIFY(log.at(0).toObject().value(QLatin1String("ms")).toInteger() >= 400);
    // Not delayed: the company lookup.
    QCOMPARE(client.get(client.url(QStringLiteral("/login/companyinfo/cwsim"))).status, 200);
}

void TestSimFaults::truncateEvery()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--truncate-every"), QStringLiteral("2")}));
    SimTestClient client(sim.baseUrl());
    const CwTest::Query big = {{QStringLiteral("pageSize"), QStringLiteral("50")}};
    const QList<QPair<QByteArray, QByteArray>> identity {{"Accept-Encoding", "identity"}};
    const SimReply whole = client.get(client.api(path("company/companies"), big), identity);
    QCOMPARE(whole.error, QNetworkReply::NoError);
    QCOMPARE(whole.array().size(), 50);
    const SimReply cut = client.get(client.api(path("company/companies"), big), identity);
    QVERIFY2(cut.error != QNetworkReply::NoError, qPrintable(QString::number(cut.error)));
    QVERIFY(cut.body.size() < whole.body.size());
    QCOMPARE(client.get(client.api(path("company/companies"), big), identity).body, whole.body); // whole again
    // Compressed, the cut is in the gzip stream: Qt inflates what came and reports no error, so only the JSON
    // shows it (Cw::ApiCall retries such a body as cut off: tst_apiclient_cutoff).
    const SimReply cutGzip = client.get(client.api(path("company/companies"), big));
    QCOMPARE(cutGzip.header("Content-Encoding"), QByteArray("gzip"));
    QVERIFY(cutGzip.body.size() < whole.body.size());
    QVERIFY(whole.body.startsWith(cutGzip.body));
    QJsonParseError error;
    QJsonDocument::fromJson(cutGzip.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    // Qt sometimes asks a GET whose gzip body was cut short again by itself (the simulator counts that request too,
    // and cuts every second one): the next whole reply is the next odd-numbered request. Asked without gzip, a cut
    // reply is an error and is not asked again.
    const qint64 counted =
        client.control("GET", QStringLiteral("state")).object().value(QLatin1String("apiRequestCount")).toInteger();
    QVERIFY2(counted == 4 || counted == 5, qPrintable(QString::number(counted)));
    if (counted == 5) {
        QVERIFY(client.get(client.api(path("company/companies"), big), identity).error != QNetworkReply::NoError);
    }
    QCOMPARE(client.get(client.api(path("company/companies"), big), identity).body, whole.body); // whole again
}

void TestSimFaults::dropEvery()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--drop-every"), QStringLiteral("2")}));
    // On a raw connection: request 1 answered, request 2 gets the connection closed without a byte.
    const QByteArray request =
        "GET /v2025_1/apis/3.0/system/info HTTP/1.1\r\nHost: x\r\nclientId: c\r\nAuthorization: " +
        SimTestClient(sim.baseUrl()).authorization() + "\r\n\r\n";
    const QByteArray answers = rawExchange(sim.port(), request + request, 2);
    QCOMPARE(answers.count("HTTP/1.1 200 OK"), 1);
    QVERIFY(answers.contains("\"version\""));
    QCOMPARE(answers.count("HTTP/1.1"), 1);

    // Qt re-sends an idempotent request by itself when the connection closes before any byte of the
    // answer, so with dropEvery 2 a Qt client's calls all succeed while the sim logs the drops...
    SimTestClient client(sim.baseUrl());
    QCOMPARE(client.control("POST", QStringLiteral("faults"), R"({"dropEvery":2})").status, 200);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(client.get(client.api(path("system/info"))).status, 200);
    }
    int drops = 0;
    for (const QJsonValue& entry : client.control("GET", QStringLiteral("requests")).array()) {
        drops += entry.toObject().value(QLatin1String("status")).toInt() == 0 ? 1 : 0;
    }
    QVERIFY(drops >= 1);
    // ...and with every request dropped the client sees a network error.
    QCOMPARE(client.control("POST", QStringLiteral("faults"), R"({"dropEvery":1})").status, 200);
    const SimReply dropped = client.get(client.api(path("system/info")));
    QCOMPARE(dropped.status, 0);
    QVERIFY(dropped.error != QNetworkReply::NoError);
    const QJsonArray log = client.control("GET", QStringLiteral("requests")).array();
    QVERIFY(!log.isEmpty());
    QCOMPARE(log.last().toObject().value(QLatin1String("status")).toInt(), 0); // logged as dropped
}

void TestSimFaults::denyModule()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--deny-module"), QStringLiteral("finance/invoices"),
                       QStringLiteral("--deny-module"), QStringLiteral("procurement")}));
    SimTestClient client(sim.baseUrl());
    const SimReply invoices = client.get(client.api(path("finance/invoices")));
    QCOMPARE(invoices.status, 403);
    QCOMPARE(invoices.object().value(QLatin1String("code")).toString(), QStringLiteral("Security"));
    QVERIFY(invoices.object().value(QLatin1String("errors")).isNull());
    QCOMPARE(invoices.object().value(QLatin1String("message")).toString(),
             QStringLiteral("You do not have permission to access the Finance module (Invoicing). Please contact your "
                            "administrator."));
    QCOMPARE(client.get(client.api(path("finance/invoices/1/payments"))).status, 403);
    QCOMPARE(client.get(client.api(path("finance/invoices/count"))).status, 403);
    const SimReply catalog = client.get(client.api(path("procurement/catalog/count")));
    QCOMPARE(catalog.status, 403);
    QVERIFY(catalog.object().value(QLatin1String("message")).toString().contains(QLatin1String("Procurement module")));
    QCOMPARE(client.get(client.api(path("finance/currencies"))).status, 200);
    QCOMPARE(client.get(client.api(path("company/companies/count"))).status, 200);
    // Authentication comes first: bad keys still get 401, not the module's 403.
    client.privateKey = QStringLiteral("wrong");
    QCOMPARE(client.get(client.api(path("finance/invoices"))).status, 401);
}

void TestSimFaults::controlApiChangesFaultsAtRuntime()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start());
    SimTestClient client(sim.baseUrl());
    QCOMPARE(client.get(client.api(path("company/companies/count"))).status, 200);

    SimReply set = client.control("POST", QStringLiteral("faults"), R"({"failEvery":1})");
    QCOMPARE(set.status, 200);
    QCOMPARE(client.get(client.api(path("company/companies/count"))).status, 503);
    QCOMPARE(client.get(client.api(path("company/companies/count"))).status, 500);

    set = client.control("POST", QStringLiteral("faults"), R"({"denyModules":["company"],"rateLimit":0})");
    QCOMPARE(set.status, 200);
    QCOMPARE(client.get(client.api(path("company/companies/count"))).status, 403); // failEvery replaced by 0
    QCOMPARE(client.get(client.api(path("system/info"))).status, 200);

    const QJsonObject state = client.control("GET", QStringLiteral("state")).object();
    QCOMPARE(state.value(QLatin1String("faults")).toObject().value(QLatin1String("denyModules")).toArray(),
             QJsonArray {QStringLiteral("company")});
    QCOMPARE(state.value(QLatin1String("faults")).toObject().value(QLatin1String("failEvery")).toInt(), 0);
    QVERIFY(state.value(QLatin1String("requestCount")).toInt() >= 5);
    QCOMPARE(state.value(QLatin1String("codebase")).toString(), QStringLiteral("v2025_1/"));

    QCOMPARE(client.control("POST", QStringLiteral("faults"), R"({"failEvery":"often"})").status, 400);
    QCOMPARE(client.control("POST", QStringLiteral("faults"), "[]").status, 400);
    QCOMPARE(client.control("GET", QStringLiteral("nothing")).status, 404);
    QCOMPARE(client.control("POST", QStringLiteral("faults"), "{}").status, 200); // all off again
    QCOMPARE(client.get(client.api(path("company/companies/count"))).status, 200);
}

QByteArray TestSimFaults::rawExchange(quint16 port, const QByteArray& requests, int expectedReplies)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000)) {
        return {};
    }
    socket.write(requests);
    QByteArray received;
    // Read until the expected replies are in or the server closes the connection.
    while (received.count("HTTP/1.1") < expectedReplies || !received.endsWith('}')) {
        if (!socket.waitForReadyRead(15000)) {
            break;
        }
        received += socket.readAll();
    }
    received += socket.readAll();
    return received;
}

void TestSimFaults::pipelinedRequestsAnswerInOrderBehindDelays()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--delay-ms"), QStringLiteral("150")}));
    const QByteArray auth = SimTestClient(sim.baseUrl()).authorization();
    auto request = [&auth](const char* target) -> QByteArray {
        return QByteArray("GET /v2025_1/apis/3.0/") + target +
            " HTTP/1.1\r\nHost: 127.0.0.1\r\nclientId: c\r\nAuthorization: " + auth + "\r\n\r\n";
    };
    const QByteArray answers = rawExchange(
        sim.port(), request("system/info") + request("company/companies/count") + request("system/info"), 3);
    QCOMPARE(answers.count("HTTP/1.1 200 OK"), 3);
    const qsizetype version = answers.indexOf("\"version\"");
    const qsizetype count = answers.indexOf("{\"count\"");
    QVERIFY(version >= 0 && count > version); // replies in request order
    QVERIFY(answers.lastIndexOf("\"version\"") > count);
}

void TestSimFaults::requestLogHasNoSecrets()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString logFile = dir.filePath(QStringLiteral("requests.log"));
    CwTest::SimProcess sim;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CWSIM_PUBLIC_KEY"), QStringLiteral("PubKeyMarker123"));
    env.insert(QStringLiteral("CWSIM_PRIVATE_KEY"), QStringLiteral("PrivKeyMarker456"));
    sim.process().setProcessEnvironment(env);
    QVERIFY(sim.start({QStringLiteral("--request-log"), logFile}));
    SimTestClient client(sim.baseUrl());
    client.publicKey = QStringLiteral("PubKeyMarker123");
    client.privateKey = QStringLiteral("PrivKeyMarker456");
    QCOMPARE(
        client.get(client.api(path("company/companies"), {{QStringLiteral("conditions"), QStringLiteral("id < 3")}}))
            .status,
        200);
    client.privateKey = QStringLiteral("WrongKeyMarker789");
    QCOMPARE(client.get(client.api(path("system/info"))).status, 401);
    const QByteArray goodAuth = "PubKeyMarker123:PrivKeyMarker456";

    QFile file(logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray log = file.readAll();
    QCOMPARE(log.count('\n'), 2);
    QVERIFY(log.contains("GET /v2025_1/apis/3.0/company/companies?conditions="));
    QVERIFY(log.contains(" 200 "));
    QVERIFY(log.contains(" 401 "));
    const QByteArray apiLog = client.control("GET", QStringLiteral("requests")).body;
    QCOMPARE(QJsonDocument::fromJson(apiLog).array().size(), 2);
    for (const QByteArray& text : {log, apiLog}) {
        QVERIFY(!text.contains("PubKeyMarker123"));
        QVERIFY(!text.contains("PrivKeyMarker456"));
        QVERIFY(!text.contains("WrongKeyMarker789"));
        QVERIFY(!text.contains(QByteArray("cwsim+" + goodAuth).toBase64()));
        QVERIFY(!text.contains("Basic"));
        QVERIFY(!text.contains("Authorization"));
    }
}

void TestSimFaults::expectContinueAndConnectionClose()
{
    CwTest::SimProcess sim;
    QVERIFY(sim.start());
    const QByteArray body =
        R"({"identifier":"Expect1","name":"Expect Continue Ltd","city":"Tampa","site":{"name":"Main"}})";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, sim.port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write("POST /v2025_1/apis/3.0/company/companies HTTP/1.1\r\nHost: x\r\nclientId: c\r\nAuthorization: " +
                 SimTestClient(sim.baseUrl()).authorization() + "\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
    QByteArray received;
    while (!received.contains("100 Continue") && socket.waitForReadyRead(15000)) {
        received += socket.readAll();
    }
    QVERIFY(received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    socket.write(body);
    // Connection: close: the server answers and then closes.
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(15000)) {
        received += socket.readAll();
    }
    received += socket.readAll();
    QVERIFY2(received.contains("HTTP/1.1 201 Created"), received.constData());
    QVERIFY(received.contains("Connection: close"));
    QVERIFY(received.contains("Expect Continue Ltd"));
}

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_sim_faults.moc"
