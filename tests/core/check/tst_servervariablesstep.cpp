#include "core/check/ConnectionCheck.h"
#include "core/check/ServerVariablesStep.h"
#include "core/check/SystemsCheck.h"
#include "core/config/SyncMatrix.h"
#include "tests/support/SimFixture.h"

using namespace Cw;

// The systems-check step of the server variables against cwconnector-sim: a variable whose id was deleted or made
// inactive in ConnectWise fails the step with its name and the sync it blocks; a healthy one passes; the step joins
// a check built from the connector's configuration.
class TestServerVariablesStep final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deletedStatusFailsTheStep();
    void healthyStepPasses();
    void systemsCheckBuiltFromTheConfig();

private:
    static ConnectorConfig configWith(const QList<ServerVariable>& variables);
    static CheckResult runStep(ServerVariablesStep* step);
    CwTest::SimProcess m_sim;
    ApiClient* m_client = nullptr;
};

void TestServerVariablesStep::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    m_client = CwTest::simClient(m_sim.baseUrl(), this);
}

ConnectorConfig TestServerVariablesStep::configWith(const QList<ServerVariable>& variables)
{
    ConnectorConfig config;
    config.serverVariables = variables;
    return config;
}

CheckResult TestServerVariablesStep::runStep(ServerVariablesStep* step)
{
    QSignalSpy finished(step, &CheckStep::finished);
    step->start();
    if (!finished.wait(60000)) {
        return {};
    }
    return step->result();
}

void TestServerVariablesStep::deletedStatusFailsTheStep()
{
    const ConnectorConfig config =
        configWith({{QStringLiteral("import_account_status"), QStringLiteral("5"), QStringLiteral("Imported")},
                    {QStringLiteral("sales_representative"), QStringLiteral("101"), QStringLiteral("John Smith")}});
    QCOMPARE(runStep(new ServerVariablesStep(m_client, config, {}, this)).status, CheckResult::Status::Passed);

    // The status is deleted in ConnectWise after it was chosen.
    const ApiResult deleted = CwTest::run(m_client, ApiRequest::del(QStringLiteral("company/companies/statuses/5")));
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.message()));

    auto* step = new ServerVariablesStep(m_client, config, {}, this);
    const CheckResult result = runStep(step);
    QCOMPARE(result.status, CheckResult::Status::Failed);
    QVERIFY2(result.diagnosis.contains(QLatin1String("import_account_status")), qPrintable(result.diagnosis));
    QVERIFY(result.diagnosis.contains(QLatin1String("accounts.push_create")));
    QVERIFY(!result.fix.isEmpty());
    QCOMPARE(step->stale().size(), 1);
    QCOMPARE(step->stale().first().key, QStringLiteral("import_account_status"));
}

void TestServerVariablesStep::healthyStepPasses()
{
    // An inactive member fails the step; an active one passes.
    const CheckResult inactive = runStep(new ServerVariablesStep(
        m_client, configWith({{QStringLiteral("sales_representative"), QStringLiteral("115"), QString()}}), {}, this));
    QCOMPARE(inactive.status, CheckResult::Status::Failed);
    QVERIFY2(inactive.diagnosis.contains(QLatin1String("sales_representative")), qPrintable(inactive.diagnosis));
    const CheckResult healthy = runStep(new ServerVariablesStep(
        m_client, configWith({{QStringLiteral("sales_representative"), QStringLiteral("101"), QString()}}), {}, this));
    QCOMPARE(healthy.status, CheckResult::Status::Passed);
}

void TestServerVariablesStep::systemsCheckBuiltFromTheConfig()
{
    // A fresh simulator: the status is chosen, then deleted, then the whole check runs.
    CwTest::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    const Connection connection = CwTest::simConnection(sim.baseUrl());
    ConnectorConfig config =
        configWith({{QStringLiteral("import_account_status"), QStringLiteral("3"), QStringLiteral("Not Approved")}});
    config.syncOptions.append({Cw::Entity::Accounts, Cw::Operation::PushCreate, true});
    {
        ApiClient client(CwTest::network(), connection);
        QVERIFY(CwTest::run(&client, ApiRequest::del(QStringLiteral("company/companies/statuses/3"))).ok());
    }
    ConnectionCheck check(CwTest::session(connection), SyncMatrix::checkPlanFor(config));
    ServerVariablesStep* step = ServerVariablesStep::addTo(check, config);
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start();
    QVERIFY(finished.wait(90000));
    const CheckSummary summary = check.check()->summary();
    QVERIFY(!summary.passed());
    QStringList ids;
    for (const CheckResult& r : summary.results) {
        ids.append(r.id);
        if (r.id != ServerVariablesStep::stepId()) {
            QVERIFY2(r.status == CheckResult::Status::Passed, qPrintable(r.id + QLatin1Char(' ') + r.diagnosis));
        }
    }
    QVERIFY(ids.contains(QStringLiteral("permission:company/companies")));
    QVERIFY(!ids.contains(QStringLiteral("permission:finance/invoices"))); // not enabled: not probed
    QCOMPARE(step->result().status, CheckResult::Status::Failed);
    QVERIFY(step->result().diagnosis.contains(QLatin1String("import_account_status")));
}

QTEST_GUILESS_MAIN(TestServerVariablesStep)
#include "tst_servervariablesstep.moc"
