#include "core/check/CheckStep.h"
#include "core/check/SystemsCheck.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Cw;

namespace {

// A step that finishes after a delay with a chosen status, and records when it started.
class ScriptedStep final : public CheckStep
{
public:
    ScriptedStep(const QString& id, const QStringList& deps, CheckResult::Status outcome, int delayMs,
                 QStringList* startLog)
        : CheckStep(id, id, deps), m_outcome(outcome), m_delayMs(delayMs), m_startLog(startLog)
    { }

    bool aborted = false;

protected:
    void run() override
    {
        m_startLog->append(id());
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (m_outcome == CheckResult::Status::Failed) {
                fail(QStringLiteral("broken"), QStringLiteral("fix it"));
            } else if (m_outcome == CheckResult::Status::Warning) {
                warn(QStringLiteral("meh"), QStringLiteral("d"), QStringLiteral("f"));
            } else {
                pass(QStringLiteral("ok"));
            }
        });
        m_timer->start(m_delayMs);
    }
    void abort() override
    {
        aborted = true;
        m_timer->stop();
    }

private:
    CheckResult::Status m_outcome;
    int m_delayMs;
    QStringList* m_startLog;
    QTimer* m_timer = nullptr;
};

} // namespace

class TestSystemsCheck final : public QObject
{
    Q_OBJECT

private slots:
    void runsInDependencyOrderAndInParallel();
    void failureSkipsDependantsWithReason();
    void warningDoesNotBlock();
    void cancelStopsRunningAndSkipsPending();
    void durationsAreMeasured();
};

void TestSystemsCheck::runsInDependencyOrderAndInParallel()
{
    QStringList started;
    SystemsCheck check;
    check.addStep(new ScriptedStep(QStringLiteral("a"), {}, CheckResult::Status::Passed, 50, &started));
    check.addStep(
        new ScriptedStep(QStringLiteral("b"), {QStringLiteral("a")}, CheckResult::Status::Passed, 200, &started));
    check.addStep(
        new ScriptedStep(QStringLiteral("c"), {QStringLiteral("a")}, CheckResult::Status::Passed, 10, &started));
    check.addStep(new ScriptedStep(QStringLiteral("d"), {QStringLiteral("b"), QStringLiteral("c")},
                                   CheckResult::Status::Passed, 10, &started));
    QSignalSpy finished(&check, &SystemsCheck::finished);
    QSignalSpy stepStarted(&check, &SystemsCheck::stepStarted);
    check.start();
    // b and c both start as soon as a passes, before either of them has finished.
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 3, 5000);
    QCOMPARE(started.first(), QStringLiteral("a"));
    QVERIFY(check.steps().at(1)->result().status == CheckResult::Status::Running);
    QVERIFY(finished.wait(5000));
    QCOMPARE(started.last(), QStringLiteral("d"));
    QCOMPARE(stepStarted.count(), 4);
    const auto summary = finished.first().first().value<CheckSummary>();
    QVERIFY(summary.passed());
    QCOMPARE(summary.results.size(), 4);
    QCOMPARE(summary.results.at(3).id, QStringLiteral("d")); // reported in the order added
}

void TestSystemsCheck::failureSkipsDependantsWithReason()
{
    QStringList started;
    SystemsCheck check;
    check.addStep(new ScriptedStep(QStringLiteral("dns"), {}, CheckResult::Status::Failed, 10, &started));
    check.addStep(
        new ScriptedStep(QStringLiteral("tcp"), {QStringLiteral("dns")}, CheckResult::Status::Passed, 10, &started));
    check.addStep(
        new ScriptedStep(QStringLiteral("tls"), {QStringLiteral("tcp")}, CheckResult::Status::Passed, 10, &started));
    check.addStep(new ScriptedStep(QStringLiteral("other"), {}, CheckResult::Status::Passed, 10, &started));
    QSignalSpy finished(&check, &SystemsCheck::finished);
    check.start();
    QVERIFY(finished.wait(5000));
    const CheckSummary summary = check.summary();
    QVERIFY(!summary.passed());
    QVERIFY(summary.unreachable());
    QCOMPARE(summary.find(QStringLiteral("tcp"))->status, CheckResult::Status::Skipped);
    QVERIFY(summary.find(QStringLiteral("tcp"))->diagnosis.contains(QStringLiteral("dns")));
    QCOMPARE(summary.find(QStringLiteral("tls"))->status, CheckResult::Status::Skipped);
    QCOMPARE(summary.find(QStringLiteral("other"))->status, CheckResult::Status::Passed);
    QCOMPARE(summary.firstFailure()->id, QStringLiteral("dns"));
    QCOMPARE(summary.firstFailure()->fix, QStringLiteral("fix it"));
    QVERIFY(!started.contains(QStringLiteral("tcp")));
}

void TestSystemsCheck::warningDoesNotBlock()
{
    QStringList started;
    SystemsCheck check;
    check.addStep(new ScriptedStep(QStringLiteral("a"), {}, CheckResult::Status::Warning, 10, &started));
    check.addStep(
        new ScriptedStep(QStringLiteral("b"), {QStringLiteral("a")}, CheckResult::Status::Passed, 10, &started));
    QSignalSpy finished(&check, &SystemsCheck::finished);
    check.start();
    QVERIFY(finished.wait(5000));
    QVERIFY(check.summary().passed());
    QCOMPARE(started, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
}

void TestSystemsCheck::cancelStopsRunningAndSkipsPending()
{
    QStringList started;
    SystemsCheck check;
    auto* slow = new ScriptedStep(QStringLiteral("slow"), {}, CheckResult::Status::Passed, 60000, &started);
    check.addStep(slow);
    check.addStep(
        new ScriptedStep(QStringLiteral("after"), {QStringLiteral("slow")}, CheckResult::Status::Passed, 10, &started));
    QSignalSpy finished(&check, &SystemsCheck::finished);
    check.start();
    QTRY_COMPARE(started.size(), 1);
    check.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(slow->aborted);
    const CheckSummary summary = check.summary();
    QVERIFY(summary.cancelled);
    QVERIFY(!summary.passed());
    QCOMPARE(summary.find(QStringLiteral("slow"))->status, CheckResult::Status::Skipped);
    QCOMPARE(summary.find(QStringLiteral("after"))->status, CheckResult::Status::Skipped);
    QVERIFY(!check.isRunning());
}

void TestSystemsCheck::durationsAreMeasured()
{
    QStringList started;
    SystemsCheck check;
    check.addStep(new ScriptedStep(QStringLiteral("a"), {}, CheckResult::Status::Passed, 120, &started));
    QSignalSpy finished(&check, &SystemsCheck::finished);
    check.start();
    QVERIFY(finished.wait(5000));
    QVERIFY(check.summary().results.first().durationMs >= 100);
}

QTEST_GUILESS_MAIN(TestSystemsCheck)
#include "tst_systemscheck.moc"
