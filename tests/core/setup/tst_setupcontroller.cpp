// The setup flow without widgets, against cwconnector-sim: live company lookup, name uniqueness, Save as
// draft, Cancel semantics, Save (keys then settings), keychain failure -> session-only, key validation and
// the systems check with its report.
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

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

namespace {
const ApiKeyPair kDemoKeys {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")};
constexpr int kWait = 30000;
} // namespace

class TestSetupController final : public SetupTestBase
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void lookupShowsCompanyName();
    void lookupReportsUnknownCompany();
    void nameMustBeUnique();
    void cancelBeforeDraftLeavesNoTrace();
    void saveWritesKeysAndMarksReady();
    void discardRemovesInstanceAndKeys();
    void keychainFailureOffersSessionOnly();
    void demoDeploymentFillsEverything();
    void keyProbeTellsRejectedKeys();
    void checkRunsAndSavesRedactedReport();
    void deniedModuleFailsItsRow();
    void checkCanBeCancelled();

private:
    void fillDraft(SetupController& controller, const QString& name);
};

void TestSetupController::initTestCase()
{
    startSimulator();
}

void TestSetupController::init()
{
    freshStorage();
}

void TestSetupController::cleanup()
{
    dropStorage();
}

void TestSetupController::fillDraft(SetupController& controller, const QString& name)
{
    controller.draft().name = name;
    controller.setDeployment(Cw::Deployment::OnPremise);
    controller.draft().site = m_sim.baseUrl().toString();
    controller.draft().companyId = QStringLiteral("cwsim");
    controller.setKeys(ApiKeyPair {QStringLiteral("  demopublickey0001\n"), QStringLiteral("demoprivatekey0001 ")});
}

void TestSetupController::lookupShowsCompanyName()
{
    CompanyProbe probe(CwTest::network());
    probe.setDebounceMs(20);
    Instance target;
    target.deployment = QStringLiteral("onpremise");
    target.site = m_sim.baseUrl().toString();
    target.companyId = QStringLiteral("cw"); // typing...
    probe.setTarget(target);
    QCOMPARE(probe.state(), CompanyProbe::State::Waiting);
    target.companyId = QStringLiteral("cwsim");
    probe.setTarget(target);
    QTRY_COMPARE_WITH_TIMEOUT(probe.state(), CompanyProbe::State::Found, kWait);
    QVERIFY(!probe.companyName().isEmpty());
    QCOMPARE(probe.info().codebase.isEmpty(), false);
    QCOMPARE(probe.apiBaseUrl().host(), QStringLiteral("127.0.0.1"));

    // No company id: nothing is asked.
    target.companyId.clear();
    probe.setTarget(target);
    QCOMPARE(probe.state(), CompanyProbe::State::Idle);
}

void TestSetupController::lookupReportsUnknownCompany()
{
    CompanyProbe probe(CwTest::network());
    probe.setDebounceMs(0);
    Instance target;
    target.deployment = QStringLiteral("onpremise");
    target.site = m_sim.baseUrl().toString();
    target.companyId = QStringLiteral("nosuchcompany");
    probe.setTarget(target);
    QTRY_COMPARE_WITH_TIMEOUT(probe.state(), CompanyProbe::State::Failed, kWait);
    QCOMPARE(probe.error().kind, ApiError::Kind::UnknownCompany);
    QVERIFY2(probe.errorMessage().contains(QStringLiteral("nosuchcompany")), qPrintable(probe.errorMessage()));
}

void TestSetupController::nameMustBeUnique()
{
    SetupController first(*m_db, *m_secrets, CwTest::network());
    fillDraft(first, QStringLiteral("Production"));
    QVERIFY(first.nameProblem(QStringLiteral("Production")).isEmpty());
    QString error;
    QVERIFY2(first.saveDraft(&error), qPrintable(error));
    QVERIFY(first.isStored());
    // Its own name stays available to itself.
    QVERIFY(first.nameProblem(QStringLiteral("Production")).isEmpty());

    SetupController second(*m_db, *m_secrets, CwTest::network());
    const QString problem = second.nameProblem(QStringLiteral("production "));
    QVERIFY2(problem.contains(QStringLiteral("Production"), Qt::CaseInsensitive), qPrintable(problem));
    QVERIFY(!second.nameProblem(QString()).isEmpty());
}

void TestSetupController::cancelBeforeDraftLeavesNoTrace()
{
    {
        SetupController controller(*m_db, *m_secrets, CwTest::network());
        fillDraft(controller, QStringLiteral("Never saved"));
        QVERIFY(!controller.isStored());
        bool done = false;
        controller.discard(this, [&done](bool ok, const QString&) { done = ok; });
        QVERIFY(done);
    }
    QVERIFY(InstanceRepository(*m_db).list().isEmpty());
    QCOMPARE(m_store->size(), 0);
}

void TestSetupController::saveWritesKeysAndMarksReady()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    fillDraft(controller, QStringLiteral("Prod"));
    QString error;
    QVERIFY(controller.saveDraft(&error));
    QCOMPARE(InstanceRepository(*m_db).findByName(QStringLiteral("Prod"))->state, Instance::State::Draft);
    QCOMPARE(m_store->size(), 0); // step 6 stores no keys

    controller.save();
    QCOMPARE(controller.saveState(), SetupController::SaveState::Saving); // asynchronous: never blocks
    QTRY_COMPARE_WITH_TIMEOUT(controller.saveState(), SetupController::SaveState::Saved, kWait);
    const QString id = controller.draft().keyId;
    QVERIFY(id.endsWith(QLatin1Char('/') + QString::number(controller.draft().id)));
    QCOMPARE(m_store->value(SecretKey {id, SecretNames::publicKey()}), kDemoKeys.publicKey); // trimmed
    QCOMPARE(m_store->value(SecretKey {id, SecretNames::privateKey()}), kDemoKeys.privateKey);
    const auto stored = InstanceRepository(*m_db).findByName(QStringLiteral("Prod"));
    QVERIFY(stored);
    QCOMPARE(stored->state, Instance::State::Ready);
    QCOMPARE(stored->site, m_sim.baseUrl().toString());
    QVERIFY(!controller.isSessionOnly());

    // Reopened for Settings: the same values.
    SetupController settings(*m_db, *m_secrets, CwTest::network());
    QVERIFY(settings.load(stored->id, &error));
    bool read = false;
    settings.loadKeys(this, [&read](const SecretResult& result) { read = result.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(read, kWait);
    QCOMPARE(settings.keys(), kDemoKeys);
    QCOMPARE(settings.draft().companyId, QStringLiteral("cwsim"));
    QVERIFY(settings.isEditing());
}

void TestSetupController::discardRemovesInstanceAndKeys()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    fillDraft(controller, QStringLiteral("Throwaway"));
    controller.save();
    QTRY_COMPARE_WITH_TIMEOUT(controller.saveState(), SetupController::SaveState::Saved, kWait);
    QCOMPARE(m_store->size(), 2);
    bool finished = false;
    bool ok = false;
    controller.discard(this, [&](bool result, const QString&) {
        finished = true;
        ok = result;
    });
    QTRY_VERIFY_WITH_TIMEOUT(finished, kWait);
    QVERIFY(ok);
    QVERIFY(InstanceRepository(*m_db).list().isEmpty());
    QCOMPARE(m_store->size(), 0);
}

void TestSetupController::keychainFailureOffersSessionOnly()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    fillDraft(controller, QStringLiteral("Locked"));
    m_store->failNext(MemorySecretStore::Operation::Write, SecretNames::publicKey(),
                      SecretResult::failure(SecretStatus::Locked, SecretResult::lockedMessage()));
    controller.save();
    QTRY_COMPARE_WITH_TIMEOUT(controller.saveState(), SetupController::SaveState::KeychainUnusable, kWait);
    QVERIFY(!controller.saveMessage().isEmpty());
    // Nothing half-saved: still a draft, no keys.
    QCOMPARE(InstanceRepository(*m_db).findByName(QStringLiteral("Locked"))->state, Instance::State::Draft);
    QCOMPARE(m_store->size(), 0);

    controller.saveSessionOnly();
    QTRY_COMPARE_WITH_TIMEOUT(controller.saveState(), SetupController::SaveState::Saved, kWait);
    QVERIFY(controller.isSessionOnly());
    QVERIFY(controller.saveMessage().contains(QStringLiteral("memory"), Qt::CaseInsensitive) ||
            !controller.saveMessage().isEmpty());
    QCOMPARE(m_store->size(), 0); // never in the keychain
    bool read = false;
    ApiKeyPair keys;
    m_secrets->readKeys(controller.draft(), this, [&](const SecretResult& r, const ApiKeyPair& k) {
        read = r.ok();
        keys = k;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, kWait);
    QCOMPARE(keys, kDemoKeys);

    // Retry works too once the keychain answers.
    SetupController again(*m_db, *m_secrets, CwTest::network());
    fillDraft(again, QStringLiteral("Retry"));
    m_store->failNext(MemorySecretStore::Operation::Write, SecretNames::privateKey(),
                      SecretResult::failure(SecretStatus::Unavailable, QStringLiteral("no provider")));
    again.save();
    QTRY_COMPARE_WITH_TIMEOUT(again.saveState(), SetupController::SaveState::KeychainUnusable, kWait);
    again.retrySave();
    QTRY_COMPARE_WITH_TIMEOUT(again.saveState(), SetupController::SaveState::Saved, kWait);
    QVERIFY(!again.isSessionOnly());
    QCOMPARE(m_store->size(), 2);
}

void TestSetupController::demoDeploymentFillsEverything()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    DemoSettings demo;
    demo.url = m_sim.baseUrl();
    demo.companyId = QStringLiteral("cwsim");
    demo.keys = kDemoKeys;
    controller.setDemo(demo);
    controller.setDeployment(Cw::Deployment::Demo);
    QCOMPARE(controller.draft().companyId, QStringLiteral("cwsim"));
    QCOMPARE(controller.keys(), kDemoKeys);
    QString error;
    QVERIFY2(controller.siteApiUrl(&error).startsWith(m_sim.baseUrl().toString()), qPrintable(error));
    QVERIFY(controller.apiUrl().isEmpty()); // not discovered yet
    controller.setDiscoveredApiUrl(QUrl(m_sim.baseUrl().toString() + QStringLiteral("/v2025_1/apis/3.0")));
    QCOMPARE(controller.apiUrl(), m_sim.baseUrl().toString() + QStringLiteral("/v2025_1/apis/3.0"));
    controller.draft().codebaseOverride = QStringLiteral("v4_6_release");
    QCOMPARE(controller.apiUrl(), m_sim.baseUrl().toString() + QStringLiteral("/v4_6_release/apis/3.0"));
    controller.draft().codebaseOverride.clear();
    QCOMPARE(controller.normalizedSite(&error), m_sim.baseUrl().toString());
    controller.setDeployment(Cw::Deployment::Eu);
    QVERIFY(controller.keys().isEmpty());
    QVERIFY(controller.siteApiUrl(&error).contains(QStringLiteral("api-eu.myconnectwise.net")));
}

void TestSetupController::keyProbeTellsRejectedKeys()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    fillDraft(controller, QStringLiteral("Keys"));
    QString error;
    const auto session = controller.session(&error);
    QVERIFY2(session, qPrintable(error));
    KeyProbe probe;
    QSignalSpy finished(&probe, &KeyProbe::finished);
    probe.start(*session);
    QVERIFY(finished.wait(kWait));
    QCOMPARE(finished.takeFirst().at(0).toBool(), true);

    probe.start(session->withKeys({session->connection().publicKey, QStringLiteral("wrongprivatekey")}));
    QVERIFY(finished.wait(kWait));
    const QList<QVariant> args = finished.takeFirst();
    QCOMPARE(args.at(0).toBool(), false);
    QCOMPARE(probe.lastError().kind, ApiError::Kind::KeysRejected);
    QVERIFY(!args.at(1).toString().isEmpty());
}

void TestSetupController::checkRunsAndSavesRedactedReport()
{
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    fillDraft(controller, QStringLiteral("Checked"));
    QString error;
    QVERIFY(controller.saveDraft(&error));
    CheckRunner runner(m_db.get());
    QSignalSpy finished(&runner, &CheckRunner::finished);
    runner.start(*controller.session(&error), controller.draft().id);
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(kWait));
    QVERIFY2(runner.summary().passed(), qPrintable(runner.reportText()));
    QVERIFY(!runner.members().isEmpty());
    const auto stored = InstanceRepository(*m_db).findById(controller.draft().id);
    QCOMPARE(stored->lastCheckPassed, std::optional<bool>(true));

    const QString path = m_dir.filePath(QStringLiteral("report.txt"));
    QVERIFY2(runner.saveReport(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("cwsim"));
    QVERIFY(!text.contains("demoprivatekey0001"));
    QVERIFY(!runner.saveReport(m_dir.filePath(QStringLiteral("no/such/dir/report.txt")), &error));
    QVERIFY(error.contains(QStringLiteral("Save report")));
}

void TestSetupController::deniedModuleFailsItsRow()
{
    CwTest::SimProcess denied;
    QVERIFY(denied.start({QStringLiteral("--deny-module"), QStringLiteral("finance/invoices")}));
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    fillDraft(controller, QStringLiteral("Denied"));
    controller.draft().site = denied.baseUrl().toString();
    QString error;
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    runner.start(*controller.session(&error));
    QVERIFY(finished.wait(kWait));
    QVERIFY(!runner.summary().passed());
    const CheckResult* row = runner.summary().find(QStringLiteral("permission:finance/invoices"));
    QVERIFY(row);
    QCOMPARE(row->status, CheckResult::Status::Failed);
    QVERIFY2(row->fix.contains(QStringLiteral("Finance"), Qt::CaseInsensitive), qPrintable(row->fix));
}

void TestSetupController::checkCanBeCancelled()
{
    CwTest::SimProcess slow;
    QVERIFY(slow.start({QStringLiteral("--delay-ms"), QStringLiteral("5000")}));
    SetupController controller(*m_db, *m_secrets, CwTest::network());
    fillDraft(controller, QStringLiteral("Slow"));
    controller.draft().site = slow.baseUrl().toString();
    QString error;
    QVERIFY(controller.saveDraft(&error));
    CheckRunner runner(m_db.get());
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QSignalSpy step(&runner, &CheckRunner::stepFinished);
    runner.start(*controller.session(&error), controller.draft().id);
    QVERIFY(step.wait(kWait)); // the first layers (input, DNS) are done; the API ones wait on the server
    runner.cancel();
    QVERIFY(finished.count() == 1 || finished.wait(kWait));
    QVERIFY(runner.summary().cancelled);
    QVERIFY(!runner.isRunning());
    // A cancelled check is not recorded as the connector's last check.
    QVERIFY(!InstanceRepository(*m_db).findById(controller.draft().id)->lastCheckAt.isValid());
}

QTEST_GUILESS_MAIN(TestSetupController)
#include "tst_setupcontroller.moc"
