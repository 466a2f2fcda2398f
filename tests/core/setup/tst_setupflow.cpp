// SetupController as the wizard's flow, against cwconnector-sim: the demo's starter configuration is written
// when a Demo connector is saved and never for a real one (whose options stay off until the admin turns them on).
#include "core/check/CheckResult.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/CheckRunner.h"
#include "core/setup/CompanyProbe.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/KeyProbe.h"
#include "core/setup/SetupController.h"
#include "core/store/Database.h"
#include "tests/core/setup/SetupTestBase.h"
#include "tests/support/SimFixture.h"
#include "tests/support/SimProcess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

namespace {
const ApiKeyPair kKeys {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")};
constexpr int kWait = 30000;
} // namespace

class TestSetupFlow final : public SetupTestBase
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void demoConnectorStartsWithTheStarter();
    void realConnectorKeepsEveryOptionOff();
    void oneCompanyLookupPerSetup();

private:
    DemoSettings demo() const;
    void save(SetupController& controller);

    int m_starterCalls = 0;
    RemoteLists m_starterLists;
};

void TestSetupFlow::initTestCase()
{
    startSimulator();
}

void TestSetupFlow::init()
{
    freshStorage();
    m_starterCalls = 0;
}

void TestSetupFlow::cleanup()
{
    dropStorage();
}

DemoSettings TestSetupFlow::demo() const
{
    DemoSettings settings;
    settings.url = m_sim.baseUrl();
    settings.companyId = QStringLiteral("cwsim");
    settings.keys = kKeys;
    settings.starter = [this](const RemoteLists& lists) {
        auto* self = const_cast<TestSetupFlow*>(this);
        ++self->m_starterCalls;
        self->m_starterLists = lists;
        ConnectorConfig config;
        config.syncOptions.append({Entity::Accounts, Operation::PushCreate, true});
        const QList<RemoteItem> statuses = lists.items(RemoteLists::variableKinds().first());
        if (!statuses.isEmpty()) {
            config.serverVariables.append(
                {QStringLiteral("import_account_status"), statuses.first().id, statuses.first().name});
        }
        return config;
    };
    return settings;
}

void TestSetupFlow::save(SetupController& controller)
{
    controller.save();
    QTRY_COMPARE_WITH_TIMEOUT(controller.saveState(), SetupController::SaveState::Saved, kWait);
}

void TestSetupFlow::demoConnectorStartsWithTheStarter()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    controller.setDemo(demo());
    controller.setDeployment(Deployment::Demo);
    controller.draft().name = QStringLiteral("Demo");
    save(controller);
    QCOMPARE(m_starterCalls, 1);
    QVERIFY(!m_starterLists.items(RemoteLists::lookupKinds().first()).isEmpty()); // the live lists
    const auto config = ConnectorConfigRepository(*m_db).load(controller.draft().id);
    QVERIFY(config);
    QCOMPARE(config->syncOptions.size(), 1);
    QCOMPARE(config->serverVariables.size(), 1);

    // Saved again (Settings): what the admin has is never replaced.
    save(controller);
    QCOMPARE(m_starterCalls, 1);
}

void TestSetupFlow::realConnectorKeepsEveryOptionOff()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    controller.setDemo(demo()); // offered, but this connector is not the demo
    controller.setDeployment(Deployment::OnPremise);
    controller.draft().name = QStringLiteral("Real");
    controller.draft().site = m_sim.baseUrl().toString();
    controller.draft().companyId = QStringLiteral("cwsim");
    controller.setKeys(kKeys);
    save(controller);
    QCOMPARE(m_starterCalls, 0);
    const auto config = ConnectorConfigRepository(*m_db).load(controller.draft().id);
    QVERIFY(config);
    QVERIFY(config->syncOptions.isEmpty());
    QVERIFY(config->serverVariables.isEmpty());
    QVERIFY(config->lookups.isEmpty());
}

// The whole setup through the intent methods: the live company lookup, the key test, Save (with the demo's starter
// loading the live lists), the systems check and a page's live lists ask ConnectWise for the company once; every
// later client adopts the answer the controller kept (the simulator's request log counts the lookups).
void TestSetupFlow::oneCompanyLookupPerSetup()
{
    const int before = CwTest::simRequests(m_sim.baseUrl(), QStringLiteral("/login/companyinfo/")).size();
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    controller.setDemo(demo());
    controller.setDeployment(Deployment::Demo);
    controller.setName(QStringLiteral("Counted"));
    QSignalSpy companyChanged(&controller, &SetupController::companyChanged);
    controller.lookUpCompany();
    QTRY_COMPARE_WITH_TIMEOUT(controller.companyProbe().state(), CompanyProbe::State::Found, kWait);
    QVERIFY(controller.companyInfo());
    QVERIFY(!companyChanged.isEmpty());

    QString error;
    QSignalSpy keysTested(&controller.keyProbe(), &KeyProbe::finished);
    QVERIFY2(controller.testKeys(&error), qPrintable(error));
    QVERIFY(keysTested.wait(kWait));
    QCOMPARE(keysTested.first().at(0).toBool(), true);

    save(controller);
    QCOMPARE(m_starterCalls, 1);

    QSignalSpy checked(&controller.checkRunner(), &CheckRunner::finished);
    QVERIFY2(controller.runCheck(&error), qPrintable(error));
    QVERIFY(checked.wait(kWait));
    const CheckResult* company = controller.checkRunner().summary().find(QStringLiteral("company"));
    QVERIFY(company);
    QCOMPARE(company->status, CheckResult::Status::Passed);

    std::unique_ptr<ApiClient> client(controller.newClient(nullptr, &error));
    QVERIFY2(client, qPrintable(error));
    ApiError listError;
    const RemoteLists lists = CwTest::fetchLists(client.get(), RemoteLists::lookupKinds(), &listError);
    QVERIFY2(listError.isOk(), qPrintable(listError.message()));

    const QJsonArray lookups = CwTest::simRequests(m_sim.baseUrl(), QStringLiteral("/login/companyinfo/"));
    QCOMPARE(lookups.size() - before, 1);

    // Another company is another lookup: what was found no longer applies.
    controller.setCompanyId(QStringLiteral("othercompany"));
    QVERIFY(!controller.companyInfo());
}

QTEST_GUILESS_MAIN(TestSetupFlow)
#include "tst_setupflow.moc"
