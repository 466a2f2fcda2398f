#include "core/check/ConnectionCheck.h"
#include "core/check/SystemsCheck.h"
#include "core/config/ConnectorSession.h"
#include "core/connectwise/RateGovernor.h"
#include "tests/support/LogCapture.h"
#include "tests/support/SimFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Cw;

// The systems check of a saved connector against cwconnector-sim under a rate limit of 3 requests a second
// (Retry-After 1): the independent probes run in parallel through the session's one rate governor, which pauses
// them all on a 429 and halves their concurrency, so every probe still ends green.
class TestCheckRateLimit final : public QObject
{
    Q_OBJECT

private slots:
    void everyProbePassesUnderARateLimit();
};

void TestCheckRateLimit::everyProbePassesUnderARateLimit()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--rate-limit"), QStringLiteral("3"), QStringLiteral("--retry-after"),
                        QStringLiteral("1")}),
             qPrintable(sim.output()));
    const Instance instance = CwTest::simInstance(sim.baseUrl()); // the default: 4 requests in flight
    QString error;
    const auto session =
        ConnectorSession::open(instance, {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")},
                               CwTest::network(), &error);
    QVERIFY2(session, qPrintable(error));
    QCOMPARE(session->governor()->maxInFlight(), Instance::defaultMaxInFlight);

    CwTest::LogCapture log;
    ConnectionCheck check(*session, CheckPlan::full());
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start();
    QVERIFY(finished.wait(120000));
    const CheckSummary summary = check.check()->summary();
    QVERIFY(summary.results.size() > 10);
    for (const CheckResult& r : summary.results) {
        QVERIFY2(r.status == CheckResult::Status::Passed,
                 qPrintable(r.id + QLatin1String(": ") + CheckResult::statusName(r.status) + QLatin1Char(' ') +
                            r.diagnosis));
    }
    QVERIFY(summary.passed());

    // The simulator did limit the check (or the test proves nothing), and answered every limited request later.
    int limited = 0;
    for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), QStringLiteral("/apis/3.0/"))) {
        limited += v.toObject().value(QLatin1String("status")).toInt() == 429 ? 1 : 0;
    }
    QVERIFY2(limited >= 1, "the simulator never limited the rate");
    QVERIFY(session->governor()->peakInFlight() > 1); // the probes did run in parallel

    // The governor's pause, its cut of the concurrency and the resumption are in cwconnector.core.connectwise.
    const QString text = log.text();
    QVERIFY2(text.contains(QStringLiteral("pausing every request of cwsim@")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(": 4 -> 2 after a 429")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("resuming cwsim@")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestCheckRateLimit)
#include "tst_check_ratelimit.moc"
