// Sync now from the connector window, as the app composes it: the coordinator reads the keys from the real
// keychain, opens the sync dialog, refreshes "Last sync" afterwards and opens the history at the run.
#include "SyncUiFixture.h"

#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/sync/SyncLease.h"
#include "tests/ui/KeyPress.h"
#include "ui/main/ConnectorCoordinator.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/MainWindow.h"
#include "ui/sync/SyncHistoryDialog.h"

#include <QAction>
#include <QPushButton>

using namespace SyncUi;
using CwTest::SyncFixture;

class TestSyncNow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void syncNowFollowsTheSelection();
    void syncNowRunsAndUpdatesLastSync();
    void anotherProcessSyncingIsShownAndRefused();
    void syncNowDuringItsOwnSyncBringsItForward();
    void missingKeysSayWhyAndDoNotSync();

private:
    bool writeKeys(const Cw::Instance& instance);
    qint64 addConnector(const QString& name, bool ready);

    SyncFixture f;
    std::unique_ptr<Cw::KeychainSecretStore> m_keychain;
    std::unique_ptr<Cw::InstanceSecrets> m_secrets;
    CwTest::ScriptedPrompter m_prompter;
    std::unique_ptr<Cw::ConnectorListModel> m_model;
    std::unique_ptr<Cw::MainWindow> m_window;
    std::unique_ptr<Cw::ConnectorCoordinator> m_coordinator;
};

void TestSyncNow::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("8")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
    QVERIFY2(addAccounts(f), qPrintable(f.error));
    // The real keychain, under a service of this test process only (tests run in parallel).
    Cw::KeychainStoreOptions options;
    options.service = QStringLiteral("cwconnector-test-%1").arg(QCoreApplication::applicationPid());
    m_keychain = std::make_unique<Cw::KeychainSecretStore>(options);
    m_secrets = std::make_unique<Cw::InstanceSecrets>(*m_keychain);
    QVERIFY(Cw::InstanceRepository(*f.db).markReady(f.instanceId));
    QVERIFY(writeKeys(*Cw::InstanceRepository(*f.db).findById(f.instanceId)));
    m_model = std::make_unique<Cw::ConnectorListModel>();
    m_window = std::make_unique<Cw::MainWindow>(m_model.get());
    m_coordinator = std::make_unique<Cw::ConnectorCoordinator>(*f.db, *m_secrets, CwTest::network(), m_prompter,
                                                               *m_model, *m_window);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSyncNow::cleanupTestCase()
{
    if (f.db && m_keychain) {
        for (const Cw::Instance& instance : Cw::InstanceRepository(*f.db).list()) {
            bool done = false;
            m_keychain->removeInstance(instance.keyId, this, [&done](const Cw::SecretResult&) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
        }
    }
    m_coordinator.reset();
    m_window.reset();
}

bool TestSyncNow::writeKeys(const Cw::Instance& instance)
{
    int done = 0;
    bool ok = true;
    const Cw::Connection c = CwTest::syncSimConnection(f.sim.baseUrl());
    for (const auto& [name, value] : {std::pair {Cw::SecretNames::publicKey(), c.publicKey},
                                      std::pair {Cw::SecretNames::privateKey(), c.privateKey}}) {
        m_keychain->write({instance.keyId, name}, value, this, [&](const Cw::SecretResult& result) {
            ok = ok && result.ok();
            ++done;
        });
    }
    [&] { QTRY_COMPARE_WITH_TIMEOUT(done, 2, kWait); }();
    return ok && done == 2;
}

qint64 TestSyncNow::addConnector(const QString& name, bool ready)
{
    Cw::Instance i = f.simInstance(name);
    Cw::InstanceRepository repository(*f.db);
    if (!repository.create(&i) || (ready && !repository.markReady(i.id))) {
        return 0;
    }
    return i.id;
}

void TestSyncNow::syncNowFollowsTheSelection()
{
    QVERIFY(addConnector(QStringLiteral("Draft one"), false) > 0);
    m_coordinator->refresh();
    QAction* sync = m_window->syncAction();
    QVERIFY(!sync->isEnabled());
    QVERIFY(!sync->toolTip().contains(QStringLiteral("arrives with the sync engine")));
    QVERIFY(m_window->selectConnector(QStringLiteral("Draft one")));
    QVERIFY(!sync->isEnabled());
    QVERIFY2(sync->toolTip().startsWith(QStringLiteral("Finish the setup first")), qPrintable(sync->toolTip()));
    QVERIFY(m_window->historyAction()->isEnabled());
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    QVERIFY(sync->isEnabled());
}

void TestSyncNow::syncNowRunsAndUpdatesLastSync()
{
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    const int row = [&] {
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (m_model->connectorAt(i)->name == QLatin1String("Sim")) {
                return i;
            }
        }
        return -1;
    }();
    QVERIFY(row >= 0);
    QVERIFY(!m_model->connectorAt(row)->lastSync.isValid());

    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Y"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->syncDialog() && m_coordinator->syncDialog()->isVisible(), kWait);
    Cw::SyncDialog* dialog = m_coordinator->syncDialog();
    dialog->findChild<QPushButton*>(QStringLiteral("syncStart"))->click();
    const Cw::SyncSummary summary = waitForRun(dialog);
    QVERIFY2(summary.ok(), qPrintable(summary.fatalError));

    // The connector list shows the sync.
    QTRY_VERIFY_WITH_TIMEOUT(m_model->connectorAt(row)->lastSync.isValid(), kWait);
    QVERIFY(m_model->index(row, 0).data().toString().contains(QStringLiteral("Sim")));

    // Show in history opens the history at this run.
    dialog->findChild<QPushButton*>(QStringLiteral("syncShowHistory"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->historyDialog() && m_coordinator->historyDialog()->isVisible(), kWait);
    QCOMPARE(m_coordinator->historyDialog()->selectedRun(), summary.runId);
    m_coordinator->historyDialog()->close();
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_coordinator->syncDialog(), kWait);
}

void TestSyncNow::anotherProcessSyncingIsShownAndRefused()
{
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    // A sync of cwconnector-cli on another desktop holds the connector (its lease, held here without renewing it).
    Cw::SyncLease other(f.location(), f.instanceId, CwTest::anotherDesktop());
    Cw::SyncHolder holder;
    QCOMPARE(other.acquire(&holder, nullptr), Cw::SyncLease::Outcome::Acquired);
    const int runs = f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs"));
    const QString who = CwTest::busyText(QStringLiteral("Sim"), holder);

    m_window->syncAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->syncDialog() && m_coordinator->syncDialog()->isVisible(), kWait);
    Cw::SyncDialog* dialog = m_coordinator->syncDialog();
    QVERIFY2(dialog->resultText().startsWith(who + QStringLiteral(". Sync is refused until that sync has finished")),
             qPrintable(dialog->resultText()));
    screenshot(dialog, QStringLiteral("22-sync-busy"));

    dialog->findChild<QPushButton*>(QStringLiteral("syncStart"))->click();
    const Cw::SyncSummary refused = waitForRun(dialog);
    QVERIFY(refused.busy.isValid());
    QCOMPARE(refused.busy.processId, 4242);
    QVERIFY2(dialog->resultText().startsWith(who + QStringLiteral("; it was not started again. Preview works")),
             qPrintable(dialog->resultText()));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), runs);

    // A preview needs no lease.
    dialog->findChild<QPushButton*>(QStringLiteral("syncPreview"))->click();
    const Cw::SyncSummary preview = waitForRun(dialog);
    QVERIFY2(preview.ok() && preview.dryRun, qPrintable(preview.fatalError));
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_coordinator->syncDialog(), kWait);
}

void TestSyncNow::syncNowDuringItsOwnSyncBringsItForward()
{
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    m_window->syncAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->syncDialog() && m_coordinator->syncDialog()->isVisible(), kWait);
    Cw::SyncDialog* dialog = m_coordinator->syncDialog();
    QVERIFY2(!dialog->resultText().contains(QStringLiteral("is being synced")), qPrintable(dialog->resultText()));
    const int runs = f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs"));
    const int questions = m_prompter.questions.size();
    bool acted = false;
    bool sameWindow = false;
    bool restored = false;
    bool stillRunning = false;
    bool ownLease = false;
    // While the run works: the window is minimised, and Sync now is asked for again.
    whenProcessed(dialog, 0, [&] {
        dialog->showMinimized();
        m_window->syncAction()->trigger();
        sameWindow = m_coordinator->syncDialog() == dialog;
        restored = !dialog->isMinimized();
        stillRunning = dialog->isRunning();
        const auto holder = Cw::SyncLease::holder(*f.db, f.instanceId);
        ownLease = holder && Cw::SyncLease::isThisProcess(*holder);
        acted = true;
    });
    dialog->findChild<QPushButton*>(QStringLiteral("syncStart"))->click();
    const Cw::SyncSummary summary = waitForRun(dialog);
    QVERIFY(acted);
    QVERIFY(ownLease);
    QVERIFY(sameWindow);
    QVERIFY(restored);
    QVERIFY(stillRunning);
    QVERIFY2(summary.ok(), qPrintable(summary.fatalError));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), runs + 1); // one run, not two
    QCOMPARE(m_prompter.questions.size(), questions);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_leases")), 0);
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_coordinator->syncDialog(), kWait);
}

void TestSyncNow::missingKeysSayWhyAndDoNotSync()
{
    QVERIFY(addConnector(QStringLiteral("No keys"), true) > 0);
    m_coordinator->refresh();
    QVERIFY(m_window->selectConnector(QStringLiteral("No keys")));
    QVERIFY(m_window->syncAction()->isEnabled());
    m_prompter.questions.clear();
    m_window->syncAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_prompter.questions.size(), 1, kWait);
    QVERIFY2(m_prompter.questions.first().contains(QStringLiteral("cannot be read, so nothing was synced")),
             qPrintable(m_prompter.questions.first()));
    QVERIFY(!m_coordinator->syncDialog());
}

QTEST_MAIN(TestSyncNow)
#include "tst_syncnow.moc"
