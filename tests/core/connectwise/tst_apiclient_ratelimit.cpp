// ApiClient's RateGovernor against the real cwconnector-sim: parallel requests under a rate limit, one governor shared
// by two clients in two threads, and the bound on requests in flight as the server sees it.
#include "core/connectwise/ClientThread.h"
#include "core/connectwise/Endpoints.h"
#include "tests/support/LogCapture.h"
#include "tests/support/SimFixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace Cw;
using CwTest::SimProcess;

namespace {

QStringList simArgs(std::initializer_list<const char*> args)
{
    QStringList out;
    for (const char* a : args) {
        out << QString::fromLatin1(a);
    }
    return out;
}

QString companyPath(int id)
{
    return Endpoints::companies() + QLatin1Char('/') + QString::number(id);
}

qint64 msecs(const QJsonObject& entry)
{
    return QDateTime::fromString(entry.value(QLatin1String("time")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class TestApiClientRateLimit final : public QObject
{
    Q_OBJECT

private slots:
    void parallelGetsAllSucceedUnderALimit();
    void unusableRetryAfterBacksOff();
    void permanentLimitEndsWithAClearError();
    void sharedGovernorPausesBothThreads();
    void inFlightNeverExceedsTheLimit_data();
    void inFlightNeverExceedsTheLimit();

private:
    static std::unique_ptr<ApiClient> client(const Connection& connection) { return CwTest::makeClient(connection); }
    // Sends every request at once and waits for all the answers.
    static QList<ApiResult> runAll(ApiClient* c, const QList<ApiRequest>& requests)
    {
        QList<ApiResult> results(requests.size());
        int done = 0;
        QObject context;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            ApiCall* call = c->send(requests.at(i));
            connect(call, &ApiCall::finished, &context, [&results, &done, i](const ApiResult& r) {
                results[i] = r;
                ++done;
            });
        }
        const qsizetype total = requests.size();
        if (!QTest::qWaitFor([&] { return done == total; }, 60000)) {
            qWarning("only %d of %lld requests finished", done, qlonglong(total));
        }
        return results;
    }
};

void TestApiClientRateLimit::parallelGetsAllSucceedUnderALimit()
{
    SimProcess sim;
    QVERIFY2(sim.start(simArgs({"--rate-limit", "3", "--rate-window-ms", "1000", "--retry-after", "1"})),
             qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    CwTest::LogCapture log;
    auto c = client(connection);
    QCOMPARE(c->governor()->maxInFlight(), 4);
    QList<ApiRequest> requests;
    for (int id = 1; id <= 12; ++id) {
        requests.append(ApiRequest::get(companyPath(id)));
    }
    const QList<ApiResult> results = runAll(c.get(), requests);
    for (qsizetype i = 0; i < results.size(); ++i) {
        QVERIFY2(results.at(i).ok(),
                 qPrintable(QStringLiteral("request %1: %2").arg(i).arg(results.at(i).error.summary())));
        QCOMPARE(results.at(i).json.object().value(QLatin1String("id")).toInt(), int(i + 1));
    }
    // The server processed each exactly once; the 429s were sent again, nothing else was.
    int limited = 0;
    for (int id = 1; id <= 12; ++id) {
        int ok = 0;
        for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), companyPath(id))) {
            const QJsonObject entry = v.toObject();
            if (!entry.value(QLatin1String("target")).toString().endsWith(companyPath(id))) {
                continue; // companies/1 also matches companies/10..12
            }
            const int status = entry.value(QLatin1String("status")).toInt();
            ok += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
            QVERIFY2(status == 200 || status == 429, qPrintable(QString::number(status)));
        }
        QCOMPARE(ok, 1);
    }
    QVERIFY2(limited >= 1, "the simulator never limited the rate: the test proves nothing");
    const QString text = log.text();
    // The pause, the cut, the regrowth and the resumption are in the log.
    QVERIFY2(text.contains(QStringLiteral("pausing every request of cwsim@")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Retry-After 1")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(": 4 -> 2 after a 429")), qPrintable(text));
    static const QRegularExpression growth(QStringLiteral(": (\\d) -> (\\d) after answers in a row"));
    QRegularExpressionMatch grew = growth.match(text);
    QVERIFY2(grew.hasMatch() && grew.captured(2).toInt() == grew.captured(1).toInt() + 1, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("resuming cwsim@")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("failed")), qPrintable(text));
}

void TestApiClientRateLimit::unusableRetryAfterBacksOff()
{
    // "Retry-After: 0" is no reason to come straight back: the connection backs off with jitter instead.
    SimProcess sim;
    QVERIFY2(sim.start(simArgs({"--rate-limit", "2", "--rate-window-ms", "1000", "--retry-after", "0"})),
             qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    connection.retry.baseDelayMs = 300;
    connection.retry.maxDelayMs = 1200;
    CwTest::LogCapture log;
    auto c = client(connection);
    QList<ApiRequest> requests;
    for (int id = 1; id <= 6; ++id) {
        requests.append(ApiRequest::get(companyPath(id)));
    }
    for (const ApiResult& r : runAll(c.get(), requests)) {
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    }
    const QJsonArray all = CwTest::simRequests(sim.baseUrl(), Endpoints::companies());
    const auto limited = std::count_if(all.cbegin(), all.cend(), [](const QJsonValue& v) {
        return v.toObject().value(QLatin1String("status")).toInt() == 429;
    });
    QVERIFY(limited >= 1);
    // Six answers need three windows; a client coming straight back would have sent hundreds of requests by then.
    QVERIFY2(all.size() <= 30, qPrintable(QString::number(all.size())));
    QVERIFY2(log.text().contains(QStringLiteral("no usable Retry-After: backoff")), qPrintable(log.text()));
}

void TestApiClientRateLimit::permanentLimitEndsWithAClearError()
{
    SimProcess sim;
    QVERIFY2(sim.start(simArgs({"--rate-limit", "1", "--rate-window-ms", "600000", "--retry-after", "1"})),
             qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    connection.retry.maxAttempts = 2;
    connection.retry.maxTotalMs = 3500;
    auto c = client(connection);
    QVERIFY(CwTest::run(c.get(), ApiRequest::get(Endpoints::systemInfo())).ok()); // the window's one request
    QElapsedTimer timer;
    timer.start();
    const QList<ApiResult> results =
        runAll(c.get(), {ApiRequest::get(companyPath(1)), ApiRequest::get(companyPath(2))});
    for (const ApiResult& r : results) {
        QCOMPARE(r.error.kind, ApiError::Kind::RateLimited);
        QCOMPARE(r.error.retryAfterSeconds, 1);
        QVERIFY(r.error.message().contains(QStringLiteral("limiting the request rate")));
    }
    // 429s do not use up maxAttempts (2): the first request was sent every second until maxTotalMs ran out...
    QVERIFY2(results.first().attempts >= 3, qPrintable(QString::number(results.first().attempts)));
    // ...and the one queued behind it did not wait longer than its own budget either.
    QVERIFY2(timer.elapsed() < 3500 + 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestApiClientRateLimit::sharedGovernorPausesBothThreads()
{
    SimProcess sim;
    // The 429 comes from ConnectWise's Cloudflare edge here: an HTML page, not JSON; its Retry-After counts the same.
    QVERIFY2(sim.start(simArgs({"--rate-limit", "2", "--rate-window-ms", "1000", "--retry-after", "1",
                                "--rate-limit-body", "cloudflare"})),
             qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    auto main = client(connection);
    ClientThread network(*main);
    QCOMPARE(network.client()->governor(), main->governor());
    // Three at once on this thread: two pass, the third gets the 429 that pauses the connection.
    QList<ApiResult> mainResults(3);
    int mainDone = 0;
    for (int i = 0; i < 3; ++i) {
        connect(main->send(ApiRequest::get(companyPath(i + 1))), &ApiCall::finished, this,
                [&mainResults, &mainDone, i](const ApiResult& r) {
                    mainResults[i] = r;
                    ++mainDone;
                });
    }
    QTRY_VERIFY_WITH_TIMEOUT(main->governor()->pauseRemainingMs() > 0, 10000);
    // Now the other client, in its thread, asks: it must wait for the pause instead of meeting a 429 itself.
    std::atomic_bool otherDone {false};
    ApiResult other;
    QMetaObject::invokeMethod(network.context(), [&] {
        ApiCall* call = network.client()->send(ApiRequest::get(Endpoints::systemInfo()));
        QObject::connect(call, &ApiCall::finished, network.context(), [&](const ApiResult& r) {
            other = r;
            otherDone = true;
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(otherDone && mainDone == 3, 30000);
    QVERIFY2(other.ok(), qPrintable(other.error.summary()));
    QCOMPARE(other.attempts, 1);
    for (const ApiResult& r : std::as_const(mainResults)) {
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    }
    const QJsonArray limited = [&] {
        QJsonArray out;
        for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), Endpoints::companies())) {
            if (v.toObject().value(QLatin1String("status")).toInt() == 429) {
                out.append(v);
            }
        }
        return out;
    }();
    QCOMPARE(limited.size(), 1);
    const QJsonArray info = CwTest::simRequests(sim.baseUrl(), Endpoints::systemInfo());
    QCOMPARE(info.size(), 1); // sent once, after the pause: never a 429
    QCOMPARE(info.first().toObject().value(QLatin1String("status")).toInt(), 200);
    const qint64 held = msecs(info.first().toObject()) - msecs(limited.first().toObject());
    QVERIFY2(held >= 950, qPrintable(QString::number(held))); // Retry-After 1, less the clocks' rounding
}

void TestApiClientRateLimit::inFlightNeverExceedsTheLimit_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("four") << 4;
}

void TestApiClientRateLimit::inFlightNeverExceedsTheLimit()
{
    QFETCH(int, maxInFlight);
    SimProcess sim;
    QVERIFY2(sim.start(simArgs({"--delay-ms", "250"})), qPrintable(sim.output()));
    Connection connection = CwTest::simConnection(sim.baseUrl());
    connection.codebaseOverride = QStringLiteral("v2025_1/");
    connection.maxInFlight = maxInFlight;
    auto c = client(connection);
    QList<ApiRequest> requests;
    for (int id = 1; id <= 8; ++id) { // more than Qt's six connections per host
        requests.append(ApiRequest::get(companyPath(id)));
    }
    const QList<ApiResult> results = runAll(c.get(), requests);
    for (const ApiResult& r : results) {
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    }
    QCOMPARE(c->governor()->peakInFlight(), maxInFlight);
    // As the server saw it: each request is held 250 ms; count how many were held at once.
    struct Span
    {
        qint64 from;
        qint64 to;
    };
    QList<Span> spans;
    for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), Endpoints::companies())) {
        const QJsonObject entry = v.toObject();
        const qint64 start = msecs(entry);
        spans.append({start, start + entry.value(QLatin1String("ms")).toInteger() - 20}); // less rounding slack
    }
    QCOMPARE(spans.size(), 8);
    int most = 0;
    for (const Span& s : std::as_const(spans)) {
        const auto overlapping = std::count_if(spans.cbegin(), spans.cend(),
                                               [&s](const Span& o) { return o.from <= s.from && s.from < o.to; });
        most = std::max(most, int(overlapping));
    }
    QCOMPARE(most, maxInFlight);
}

QTEST_GUILESS_MAIN(TestApiClientRateLimit)
#include "tst_apiclient_ratelimit.moc"
