// The Sync now dialog, offscreen, with real widgets, against cwconnector-sim and a real SQLite file.
#include "SyncUiFixture.h"

#include "tests/ui/KeyPress.h"
#include "ui/sync/SyncOutcomeModel.h"
#include "ui/sync/SyncProgressPanel.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>

using namespace SyncUi;
using CwTest::SyncFixture;

namespace {
constexpr int kRecords = 60;
} // namespace

class TestSyncDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void controlsHaveAccessibleNames();
    void previewShowsTheRecordsAndWritesNothing();
    void syncWritesAndTheCountsReachTheTotals();
    void cancelMidRunThenRerunCompletesWithoutDuplicates();
    void escapeCancelsWhileRunningThenCloses();
    void closingWhileRunningAsks();
    void blockedEntitiesAreDisabledAndListed();
    void optionsOffAreOneLinePerDirection();
    void unreachableServerShowsTheFix();

private:
    Cw::SyncDialog* openDialog(const Cw::Connection& connection);
    Cw::SyncDialog* openDialog() { return openDialog(CwTest::syncSimConnection(f.sim.baseUrl())); }
    void choose(const char* combo, const QString& data);
    QPushButton* button(const char* name) const;
    int remoteCompanies() { return int(f.list(QStringLiteral("company/companies")).size()); }

    SyncFixture f;
    CwTest::ScriptedPrompter m_prompter;
    std::unique_ptr<Cw::SyncDialog> m_dialog;
};

void TestSyncDialog::initTestCase()
{
    // Slow replies, so a run with small pages lasts long enough to be cancelled half-way.
    QVERIFY2(f.start({QStringLiteral("--records"), QString::number(kRecords), QStringLiteral("--delay-ms"),
                      QStringLiteral("50")}),
             qPrintable(f.error));
}

void TestSyncDialog::init()
{
    QVERIFY2(f.reopen(true), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
    QVERIFY2(addAccounts(f), qPrintable(f.error));
    m_prompter.answers.clear();
    m_prompter.questions.clear();
}

void TestSyncDialog::cleanup()
{
    m_dialog.reset();
}

Cw::SyncDialog* TestSyncDialog::openDialog(const Cw::Connection& connection)
{
    const auto instance = Cw::InstanceRepository(*f.db).findById(f.instanceId);
    if (!instance) {
        return nullptr;
    }
    m_dialog = std::make_unique<Cw::SyncDialog>(*f.db, m_prompter, *instance, CwTest::session(connection));
    m_dialog->setPageSize(10);
    m_dialog->show();
    if (!QTest::qWaitForWindowExposed(m_dialog.get())) {
        return nullptr;
    }
    return m_dialog.get();
}

void TestSyncDialog::choose(const char* name, const QString& data)
{
    auto* combo = m_dialog->findChild<QComboBox*>(QLatin1String(name));
    QVERIFY(combo);
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

QPushButton* TestSyncDialog::button(const char* name) const
{
    return m_dialog->findChild<QPushButton*>(QLatin1String(name));
}

void TestSyncDialog::controlsHaveAccessibleNames()
{
    auto* dialog = openDialog();
    QVERIFY(dialog);
    const QList<QWidget*> controls {dialog->findChild<QComboBox*>(QStringLiteral("syncEntity")),
                                    dialog->findChild<QComboBox*>(QStringLiteral("syncDirection")),
                                    dialog->findChild<QCheckBox*>(QStringLiteral("syncFullPull")),
                                    dialog->findChild<QProgressBar*>(QStringLiteral("syncProgressBar")),
                                    dialog->findChild<QLabel*>(QStringLiteral("syncProgressText")),
                                    dialog->findChild<QTableWidget*>(QStringLiteral("syncCountsTable")),
                                    dialog->findChild<QLabel*>(QStringLiteral("syncResult")),
                                    dialog->findChild<QTableView*>(QStringLiteral("syncOutcomes")),
                                    button("syncPreview"),
                                    button("syncStart"),
                                    button("syncCancel"),
                                    button("syncSaveCsv"),
                                    button("syncShowHistory"),
                                    button("syncClose")};
    for (QWidget* control : controls) {
        QVERIFY(control);
        QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
    }
    // Idle: Preview is the default button (Enter); Cancel only while running.
    QVERIFY(button("syncPreview")->isDefault());
    QVERIFY(!button("syncCancel")->isEnabled());
    QVERIFY(!button("syncShowHistory")->isEnabled());
}

void TestSyncDialog::previewShowsTheRecordsAndWritesNothing()
{
    const int companiesBefore = remoteCompanies();
    QVERIFY(companiesBefore >= kRecords);
    auto* dialog = openDialog();
    QVERIFY(dialog);
    choose("syncEntity", QStringLiteral("accounts"));
    choose("syncDirection", QStringLiteral("push"));

    // Enter when idle = Preview.
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(dialog->isRunning());
    QVERIFY(!dialog->findChild<QComboBox*>(QStringLiteral("syncEntity"))->isEnabled()); // inputs locked
    const Cw::SyncSummary summary = waitForRun(dialog);
    QVERIFY(summary.dryRun);
    QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));

    // The table: UI1 would be created, UI2 skipped with the reason.
    Cw::SyncOutcomeModel* rows = dialog->outcomes();
    QCOMPARE(rows->rowCount(), 2);
    QHash<QString, Cw::SyncOutcome> byId;
    for (const Cw::SyncOutcome& o : rows->outcomes()) {
        byId.insert(o.localId, o);
    }
    QCOMPARE(byId.value(QStringLiteral("UI1")).action, Cw::SyncOutcome::Action::Created);
    QCOMPARE(byId.value(QStringLiteral("UI2")).action, Cw::SyncOutcome::Action::Skipped);
    QVERIFY2(byId.value(QStringLiteral("UI2")).reason.contains(QStringLiteral("unmapped lookup value")),
             qPrintable(byId.value(QStringLiteral("UI2")).reason));
    int skippedRow = -1;
    for (int i = 0; i < rows->rowCount(); ++i) {
        if (rows->outcomes().at(i).localId == QLatin1String("UI2")) {
            skippedRow = i;
        }
    }
    QCOMPARE(rows->index(skippedRow, Cw::SyncOutcomeModel::ActionColumn).data().toString(), QStringLiteral("Skipped"));
    QVERIFY(rows->index(skippedRow, Cw::SyncOutcomeModel::ReasonColumn)
                .data()
                .toString()
                .contains(QStringLiteral("nomatch")));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("nothing was written")), qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("1 would be created")), qPrintable(dialog->resultText()));
    // Per-entity counts.
    Cw::SyncProgressPanel* panel = dialog->progressPanel();
    const int row = panel->rowOf(Cw::Direction::Push, Cw::Entity::Accounts);
    QVERIFY(row >= 0);
    QCOMPARE(panel->countsTable()->item(row, 2)->text(), QStringLiteral("1")); // created
    QCOMPARE(panel->countsTable()->item(row, 5)->text(), QStringLiteral("1")); // skipped

    // Nothing was written: no run, no link, no company in ConnectWise.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), 0);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links")), 0);
    QCOMPARE(remoteCompanies(), companiesBefore);
    QVERIFY(!button("syncShowHistory")->isEnabled());

    // Save as CSV writes the preview.
    m_prompter.saveFilePath = f.testDb.tempPath() + QStringLiteral("/preview.csv");
    QVERIFY(button("syncSaveCsv")->isEnabled());
    button("syncSaveCsv")->click();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_prompter.saveFilePath), kWait);
    QFile csv(m_prompter.saveFilePath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QVERIFY2(text.startsWith(QStringLiteral("direction,entity,local_id,remote_id,action,reason\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("push,accounts,UI2,,skipped,")), qPrintable(text));

    dialog->resize(900, 560);
    screenshot(dialog, QStringLiteral("20-sync-dialog"));
}

void TestSyncDialog::syncWritesAndTheCountsReachTheTotals()
{
    const int remote = remoteCompanies(); // the simulator keeps what earlier tests pushed
    auto* dialog = openDialog();
    QVERIFY(dialog);
    choose("syncEntity", QStringLiteral("accounts"));
    // Alt+S syncs: the button's mnemonic, a shortcut of the active window.
    QVERIFY(CwTest::pressKeys(dialog, QKeySequence(QStringLiteral("Alt+S"))));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isRunning(), kWait); // a mnemonic clicks the button animated, 100 ms later
    // The progress line follows the run while it works.
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog->progressText().contains(QStringLiteral("Pulling Accounts")) || !dialog->isRunning(), kWait);
    const Cw::SyncSummary summary = waitForRun(dialog);
    QVERIFY2(summary.ok(), qPrintable(summary.fatalError));
    QVERIFY(!summary.dryRun);
    QVERIFY(summary.runId > 0);
    QCOMPARE(summary.pushCounts.value(Cw::Entity::Accounts).created, 1);
    QCOMPARE(summary.pushCounts.value(Cw::Entity::Accounts).skipped, 1);
    // The pull brings every company the local system does not have, and knows the one it pushed.
    const Cw::SyncCounts pulled = summary.pullCounts.value(Cw::Entity::Accounts);
    QCOMPARE(pulled.created, remote); // UI1's company came back linked: not created again

    // The counts table and the bar reached the totals.
    Cw::SyncProgressPanel* panel = dialog->progressPanel();
    const int row = panel->rowOf(Cw::Direction::Pull, Cw::Entity::Accounts);
    QVERIFY(row >= 0);
    QCOMPARE(panel->countsTable()->item(row, 2)->text(), QString::number(remote));
    auto* bar = dialog->findChild<QProgressBar*>(QStringLiteral("syncProgressBar"));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY2(dialog->resultText().startsWith(QStringLiteral("The sync succeeded")), qPrintable(dialog->resultText()));

    // The database has the records; ConnectWise has UI1.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), remote + 2);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'")), 1);
    QCOMPARE(f.list(QStringLiteral("company/companies"),
                    Cw::Conditions::equals(QStringLiteral("name"), QStringLiteral("Umbrella Industries")))
                 .size(),
             1);
    // Show in history asks for this run.
    QSignalSpy history(dialog, &Cw::SyncDialog::historyRequested);
    QVERIFY(button("syncShowHistory")->isEnabled());
    button("syncShowHistory")->click();
    QCOMPARE(history.count(), 1);
    QCOMPARE(history.first().first().toLongLong(), summary.runId);
}

void TestSyncDialog::cancelMidRunThenRerunCompletesWithoutDuplicates()
{
    const int remote = remoteCompanies(); // the simulator keeps what earlier tests pushed
    auto* dialog = openDialog();
    QVERIFY(dialog);
    choose("syncEntity", QStringLiteral("accounts"));
    choose("syncDirection", QStringLiteral("pull"));
    bool wasRunning = false;
    int createdWhileRunning = 0;
    whenProcessed(dialog, 20, [&] { // cancel once a few pages are in
        wasRunning = dialog->isRunning();
        QVERIFY(dialog->progressText().startsWith(QStringLiteral("Pulling Accounts: ")));
        // The created count follows the run live, before the run's summary exists.
        auto* panel = dialog->findChild<Cw::SyncProgressPanel*>();
        const int row = panel ? panel->rowOf(Cw::Direction::Pull, Cw::Entity::Accounts) : -1;
        createdWhileRunning = row >= 0 ? panel->countsTable()->item(row, 2)->text().toInt() : -1;
        button("syncCancel")->click();
    });
    button("syncStart")->click();
    const Cw::SyncSummary cancelled = waitForRun(dialog);
    QVERIFY2(dialog->resultText().contains(QStringLiteral("cancelled")), qPrintable(dialog->resultText()));
    QVERIFY(wasRunning);
    QVERIFY2(createdWhileRunning >= 20, qPrintable(QString::number(createdWhileRunning)));
    QVERIFY(cancelled.pullCounts.value(Cw::Entity::Accounts).created < remote);
    QVERIFY(dialog->isVisible()); // the dialog stays with what was done
    const int kept = f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts"));
    QVERIFY2(kept > 2 && kept < remote + 2, qPrintable(QString::number(kept)));

    button("syncStart")->click();
    const Cw::SyncSummary rerun = waitForRun(dialog);
    QVERIFY2(rerun.ok(), qPrintable(rerun.fatalError));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), remote + 2);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE entity = 'accounts'")), remote);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(DISTINCT remote_id) FROM sync_links WHERE entity = 'accounts'")),
             remote);
    QCOMPARE(remoteCompanies(), remote); // a pull creates nothing in ConnectWise
}

void TestSyncDialog::escapeCancelsWhileRunningThenCloses()
{
    auto* dialog = openDialog();
    QVERIFY(dialog);
    choose("syncDirection", QStringLiteral("pull"));
    bool visibleAfterEscape = false;
    whenProcessed(dialog, 10, [&] {
        QTest::keyClick(dialog, Qt::Key_Escape); // cancels, does not close
        visibleAfterEscape = dialog->isVisible();
    });
    button("syncStart")->click();
    waitForRun(dialog);
    QVERIFY2(dialog->resultText().contains(QStringLiteral("cancelled")), qPrintable(dialog->resultText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(visibleAfterEscape);
    QVERIFY(m_prompter.questions.isEmpty());
    QTest::keyClick(dialog, Qt::Key_Escape); // idle: closes
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kWait);
}

void TestSyncDialog::closingWhileRunningAsks()
{
    auto* dialog = openDialog();
    QVERIFY(dialog);
    choose("syncDirection", QStringLiteral("pull"));
    // Close while running: "Keep syncing" first, then "Cancel the sync and close".
    m_prompter.answers = {1, 0};
    whenProcessed(dialog, 10, [&] { button("syncClose")->click(); });
    whenProcessed(dialog, 20, [&] { dialog->close(); });
    button("syncStart")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kWait);
    QVERIFY(!dialog->isRunning());
    QCOMPARE(m_prompter.questions.size(), 2);
    QVERIFY(m_prompter.questions.first().contains(QStringLiteral("still running")));
    QCOMPARE(dialog->lastSummary().fatalError, QStringLiteral("The sync was cancelled."));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'running'")), 0);
}

void TestSyncDialog::blockedEntitiesAreDisabledAndListed()
{
    QVERIFY(switchOff(f, Cw::Entity::Orders));
    auto* dialog = openDialog();
    QVERIFY(dialog);
    auto* entity = dialog->findChild<QComboBox*>(QStringLiteral("syncEntity"));
    auto* model = qobject_cast<QStandardItemModel*>(entity->model());
    QVERIFY(model);
    const int orders = entity->findData(QStringLiteral("orders"));
    const int accounts = entity->findData(QStringLiteral("accounts"));
    QVERIFY(!model->item(orders)->isEnabled());
    QVERIFY(model->item(accounts)->isEnabled());
    const QString why = entity->itemData(orders, Qt::ToolTipRole).toString();
    QVERIFY2(why.contains(QStringLiteral("sync option off")), qPrintable(why));
    // The fix names the place in the app, never a command line.
    QVERIFY2(why.contains(QStringLiteral("Settings › Sync options")) && !why.contains(QStringLiteral("--set")),
             qPrintable(why));

    auto* fix = button("syncFixInSettings");
    QVERIFY(fix && !fix->isVisible());
    choose("syncDirection", QStringLiteral("push"));
    button("syncPreview")->click();
    waitForRun(dialog);
    const QString result = dialog->resultText();
    QVERIFY2(
        result.contains(QStringLiteral("Not started — Push is off for: Orders. Turn their options on in Settings › "
                                       "Sync options if they should sync.")),
        qPrintable(result));
    QVERIFY2(!result.contains(QStringLiteral("--set")) && !result.contains(QStringLiteral("options NAME")),
             qPrintable(result));
    // "Fix in Settings…" opens the section that fixes it.
    QVERIFY(fix->isVisible());
    QSignalSpy requested(dialog, &Cw::SyncDialog::settingsRequested);
    fix->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().value<Cw::SettingsPlace>(), Cw::SettingsPlace::SyncOptions);
}

// Push and pull with only pushes on: the entities whose pull options are off come as one line, not one each; what
// needs attention (a server variable missing) keeps a line of its own, and "Fix in Settings…" goes there first. The
// summary itself (what the CLI prints from) still has a reason per entity.
void TestSyncDialog::optionsOffAreOneLinePerDirection()
{
    Cw::ConnectorConfigRepository repository(*f.db);
    auto config = repository.load(f.instanceId);
    QVERIFY(config);
    for (auto& option : config->syncOptions) {
        option.enabled = Cw::directionOf(option.operation) == Cw::Direction::Push;
    }
    config->serverVariables.removeIf(
        [](const Cw::ServerVariable& v) { return v.key == QStringLiteral("product_uom"); });
    QVERIFY(repository.replace(f.instanceId, *config));
    auto* dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("syncDirection"))->currentData().toString(),
             QStringLiteral("both"));
    button("syncPreview")->click();
    const Cw::SyncSummary summary = waitForRun(dialog);
    const QStringList lines = dialog->resultText().split(QLatin1Char('\n'));
    const QStringList pullLines = lines.filter(QStringLiteral("Not started — Pull"));
    QVERIFY2(pullLines.size() == 1, qPrintable(dialog->resultText()));
    QVERIFY2(pullLines.first().startsWith(QStringLiteral("Not started — Pull is off for: Accounts, Products, Invoices, "
                                                         "Orders. Turn their options on in Settings › Sync options")),
             qPrintable(pullLines.first()));
    QVERIFY2(!dialog->resultText().contains(QStringLiteral(": sync option off")), qPrintable(dialog->resultText()));
    const QStringList products = lines.filter(QStringLiteral("Not started — Push Products: "));
    QVERIFY2(products.size() == 1 && products.first().contains(QStringLiteral("product_uom")) &&
                 products.first().contains(QStringLiteral("Settings › Server variables")),
             qPrintable(dialog->resultText()));
    QVERIFY2(lines.indexOf(products.first()) < lines.indexOf(pullLines.first()), qPrintable(dialog->resultText()));
    // The engine's summary is unchanged: a reason per entity, as the CLI lists them.
    QVERIFY(summary.blocked.value({Cw::Direction::Pull, Cw::Entity::Accounts})
                .startsWith(QStringLiteral("sync option off")));
    QVERIFY(
        summary.blocked.value({Cw::Direction::Pull, Cw::Entity::Orders}).startsWith(QStringLiteral("sync option off")));

    QSignalSpy requested(dialog, &Cw::SyncDialog::settingsRequested);
    button("syncFixInSettings")->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().value<Cw::SettingsPlace>(), Cw::SettingsPlace::ServerVariables);
    screenshot(dialog, QStringLiteral("syncdialog-options-off"));
}

void TestSyncDialog::unreachableServerShowsTheFix()
{
    QTcpServer probe; // a port nothing listens on once closed
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    QUrl url(QStringLiteral("http://127.0.0.1"));
    url.setPort(probe.serverPort());
    probe.close();
    auto* dialog = openDialog(CwTest::syncSimConnection(url));
    QVERIFY(dialog);
    button("syncStart")->click();
    const Cw::SyncSummary summary = waitForRun(dialog);
    QVERIFY(summary.unreachable);
    QVERIFY2(dialog->resultText().startsWith(QStringLiteral("ConnectWise could not be reached: ")),
             qPrintable(dialog->resultText()));
    QVERIFY(dialog->resultText().contains(summary.fatalError));
    QVERIFY(button("syncStart")->isEnabled()); // can try again
}

QTEST_MAIN(TestSyncDialog)
#include "tst_syncdialog.moc"
