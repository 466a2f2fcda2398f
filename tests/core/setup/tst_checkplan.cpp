#include "core/check/ConnectorCheck.h"
#include "core/check/ServerVariablesStep.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/CheckRunner.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/SetupController.h"
#include "core/store/Database.h"
#include "tests/support/SimFixture.h"
#include "tests/support/SimProcess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

namespace {
constexpr int kWait = 30000;
} // namespace

// One systems check for the desktop app and the CLI: the GUI's CheckRunner builds its check with ConnectorCheck, the
// plan of `cwconnector-cli check`.
class TestCheckPlan final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void savedConnectorRunsTheCliPlan();

private:
    CwTest::SimProcess m_sim;
    QTemporaryDir m_dir;
};

void TestCheckPlan::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
}

// The desktop app's check of a saved connector runs the plan of `cwconnector-cli check` (ConnectorCheck): with only
// accounts on, the company module is probed and the invoice module is not, and the stale-server-variable layer runs
// (here failing on a status id that does not exist in ConnectWise).
void TestCheckPlan::savedConnectorRunsTheCliPlan()
{
    Database db(DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("plan.sqlite"))));
    QVERIFY(db.open());
    MemorySecretStore store;
    InstanceSecrets secrets(store);
    SetupController controller(db, secrets, CwTest::network());
    controller.draft().name = QStringLiteral("Planned");
    controller.setDeployment(Cw::Deployment::OnPremise);
    controller.draft().site = m_sim.baseUrl().toString();
    controller.draft().companyId = QStringLiteral("cwsim");
    controller.setKeys(ApiKeyPair {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")});
    QString error;
    QVERIFY(controller.saveDraft(&error));
    ConnectorConfigRepository repository(db);
    ConnectorConfig config = *repository.load(controller.draft().id);
    config.syncOptions.append({Entity::Accounts, Operation::PushCreate, true});
    config.serverVariables.append(
        {QStringLiteral("import_account_status"), QStringLiteral("999999"), QStringLiteral("Gone")});
    QVERIFY(repository.replace(controller.draft().id, config));

    CheckRunner runner(&db);
    QSignalSpy finished(&runner, &CheckRunner::finished);
    runner.start(*controller.session(&error), controller.draft().id);
    QVERIFY(finished.wait(kWait));
    QStringList ids;
    for (const CheckResult& r : runner.summary().results) {
        ids.append(r.id);
    }
    QVERIFY2(ids.contains(QStringLiteral("permission:company/companies")), qPrintable(ids.join(u' ')));
    QVERIFY2(!ids.contains(QStringLiteral("permission:finance/invoices")), qPrintable(ids.join(u' ')));
    const CheckResult* variables = runner.summary().find(ServerVariablesStep::stepId());
    QVERIFY2(variables, qPrintable(ids.join(u' ')));
    QCOMPARE(variables->status, CheckResult::Status::Failed);
    QVERIFY2(variables->diagnosis.contains(QLatin1String("import_account_status")), qPrintable(variables->diagnosis));
    QVERIFY(!runner.summary().passed());
    const CheckPlan cliPlan = ConnectorCheck::planFor(&config);
    for (const QString& path : cliPlan.permissionPaths) {
        QVERIFY2(ids.contains(QStringLiteral("permission:") + path), qPrintable(path));
    }

    // Without a saved connector (the wizard before Save) every module is probed, as the CLI's `check --site` does.
    CheckRunner unsaved;
    QSignalSpy unsavedFinished(&unsaved, &CheckRunner::finished);
    unsaved.start(*controller.session(&error));
    QVERIFY(unsavedFinished.wait(kWait));
    QVERIFY(unsaved.summary().find(QStringLiteral("permission:finance/invoices")));
    QVERIFY(!unsaved.summary().find(ServerVariablesStep::stepId()));
}

QTEST_GUILESS_MAIN(TestCheckPlan)
#include "tst_checkplan.moc"
