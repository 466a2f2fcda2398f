// The connector window as the admin's home, composed as the app does: the selected connector's state at a glance
// with its fix buttons, the toolbar, the context menu, double-click, the shortcuts, Import / Export configuration,
// and the fit on 1366x768 at 150 %. A real database, cwconnector-sim, keys in a memory secret store.
#include "core/check/CheckFindings.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/config/SettingsSections.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/CheckRunner.h"
#include "core/setup/InstanceSecrets.h"
#include "tests/support/SyncFixture.h"
#include "tests/ui/KeyPress.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/main/CheckDialog.h"
#include "ui/main/ConfigTransfer.h"
#include "ui/main/ConnectorCoordinator.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/ConnectorStatusView.h"
#include "ui/main/ImportDialog.h"
#include "ui/main/MainWindow.h"
#include "ui/sync/SyncDialog.h"
#include "ui/sync/SyncHistoryDialog.h"
#include "ui/wizard/SetupWizard.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace Cw;

namespace {
constexpr int kWait = 60000;
}

class TestConnectorHome final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void stateAtAGlanceWithFixButtons();
    void toolbarContextMenuAndDoubleClick();
    void shortcuts();
    void exportAndImportConfiguration();
    void windowFits();

private:
    void closeSettings();

    CwTest::SyncFixture f;
    QTemporaryDir m_dir;
    MemorySecretStore m_store;
    std::unique_ptr<InstanceSecrets> m_secrets;
    CwTest::ScriptedPrompter m_prompter;
    std::unique_ptr<ConnectorListModel> m_model;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConnectorCoordinator> m_coordinator;
};

void TestConnectorHome::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("4")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
    InstanceRepository instances(*f.db);
    QVERIFY(instances.markReady(f.instanceId));
    const Instance instance = *instances.findById(f.instanceId);
    const Connection c = CwTest::syncSimConnection(f.sim.baseUrl());
    bool done = false;
    m_store.write({instance.keyId, SecretNames::publicKey()}, c.publicKey, this, [&](const SecretResult&) {
        m_store.write({instance.keyId, SecretNames::privateKey()}, c.privateKey, this,
                      [&](const SecretResult&) { done = true; });
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, kWait);

    // What needs attention: a failed check, an unset required variable, an unmapped value, an unconfirmed user.
    QVERIFY(instances.recordCheck(f.instanceId, false));
    CheckSummary summary;
    CheckResult tls;
    tls.id = QStringLiteral("tls");
    tls.title = QStringLiteral("Secure connection (TLS)");
    tls.status = CheckResult::Status::Failed;
    tls.diagnosis = QStringLiteral("The certificate is not trusted.");
    tls.fix = QStringLiteral("Choose the private CA file.");
    summary.results = {tls};
    QVERIFY(CheckFindings(*f.db).record(f.instanceId, summary, {}));
    ConnectorConfigRepository configs(*f.db);
    ConnectorConfig config = *configs.load(f.instanceId);
    config.serverVariables.removeIf(
        [](const ServerVariable& v) { return v.key == QLatin1String("import_account_status"); });
    QVERIFY(configs.replace(f.instanceId, config));
    QVERIFY(LocalRecordStore(*f.db).addValue(QStringLiteral("currency"), QStringLiteral("XAU")));
    QVERIFY(f.db->exec(QStringLiteral("INSERT INTO users (id, name, email) VALUES ('u7', 'Una', 'una@example.com')")));

    m_secrets = std::make_unique<InstanceSecrets>(m_store);
    m_model = std::make_unique<ConnectorListModel>();
    m_window = std::make_unique<MainWindow>(m_model.get());
    m_coordinator =
        std::make_unique<ConnectorCoordinator>(*f.db, *m_secrets, CwTest::network(), m_prompter, *m_model, *m_window);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConnectorHome::cleanup()
{
    closeSettings();
}

void TestConnectorHome::closeSettings()
{
    if (SettingsDialog* settings = m_coordinator->settingsDialog()) {
        m_prompter.answers = {1, 1, 1};
        QPointer<SettingsDialog> closing(settings);
        settings->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);
    }
}

void TestConnectorHome::stateAtAGlanceWithFixButtons()
{
    QSignalSpy shown(m_coordinator.get(), &ConnectorCoordinator::statusShown);
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    QVERIFY(shown.count() || shown.wait(kWait));
    ConnectorStatusView* view = m_window->statusView();
    QVERIFY2(view->checkText().contains(QStringLiteral("failed")) &&
                 view->checkText().contains(QStringLiteral("Secure connection")),
             qPrintable(view->checkText()));
    QCOMPARE(view->entityTable()->rowCount(), 7);
    QVERIFY(view->entityTable()->item(0, 1)->text().toInt() >= 0);
    // Entities as the admin reads them, not the database's table names.
    QCOMPARE(view->entityTable()->item(0, 0)->text(), QStringLiteral("Accounts"));
    QStringList names;
    for (int row = 0; row < view->entityTable()->rowCount(); ++row) {
        names << view->entityTable()->item(row, 0)->text();
    }
    QVERIFY2(names.contains(QStringLiteral("Invoice lines")), qPrintable(names.join(QLatin1String(", "))));
    // The connector list's state line wraps: nothing to scroll sideways to.
    auto* list = m_window->findChild<QListView*>(QStringLiteral("connectorList"));
    QVERIFY(list);
    QVERIFY(list->wordWrap());
    QCOMPARE(list->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);

    QHash<AttentionItem::Kind, SettingsPlace> sections;
    for (const AttentionItem& item : view->attention()) {
        sections.insert(item.kind, item.section);
    }
    QCOMPARE(sections.value(AttentionItem::Kind::CheckFailed), SettingsPlace::Connection);
    QCOMPARE(sections.value(AttentionItem::Kind::EntityBlocked), SettingsPlace::ServerVariables);
    QCOMPARE(sections.value(AttentionItem::Kind::UnmappedLookup), SettingsPlace::Lookups);
    QCOMPARE(sections.value(AttentionItem::Kind::UnconfirmedUser), SettingsPlace::UserMapping);
    QVERIFY(!sections.contains(AttentionItem::Kind::MissingKeys));

    // Each item's button opens the Settings section that fixes it.
    const QList<AttentionItem> items = view->attention();
    for (int i = 0; i < items.size(); ++i) {
        auto* button = qobject_cast<QPushButton*>(m_window->statusView()->fixButtons().at(i));
        QVERIFY(button);
        QCOMPARE(button->text(), items.at(i).action);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->settingsDialog(), kWait);
        QCOMPARE(m_coordinator->settingsDialog()->currentSection(), items.at(i).section);
        closeSettings();
    }
}

void TestConnectorHome::toolbarContextMenuAndDoubleClick()
{
    auto* toolBar = m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QCOMPARE(toolBar->toolButtonStyle(), Qt::ToolButtonTextUnderIcon);
    for (QAction* action : toolBar->actions()) {
        QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
        QVERIFY(!action->text().isEmpty());
    }
    const QList<QAction*> menu = m_window->contextMenu()->actions();
    for (QAction* action : {m_window->settingsAction(), m_window->checkAction(), m_window->syncAction(),
                            m_window->historyAction(), m_window->exportAction(), m_window->removeConnectorAction()}) {
        QVERIFY2(menu.contains(action), qPrintable(action->text()));
    }
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    QListView* list = m_window->connectorList();
    const QRect rect = list->visualRect(list->model()->index(0, 0));
    // A double click as a mouse makes it: press and release, then the second press arrives as a double click.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->settingsDialog(), kWait);
    QCOMPARE(m_coordinator->settingsDialog()->currentSection(), SettingsPlace::Connection);
}

void TestConnectorHome::shortcuts()
{
    QCOMPARE(m_window->newConnectorAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+N")));
    QCOMPARE(m_window->settingsAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+,")));
    QCOMPARE(m_window->checkAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+K")));
    QCOMPARE(m_window->syncAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Y")));
    QCOMPARE(m_window->historyAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+H")));
    QCOMPARE(m_window->quitAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
    QCOMPARE(m_window->removeConnectorAction()->shortcut(), QKeySequence(Qt::Key_Delete));

    // Window-wide shortcuts: every action lives in the menu bar (so its shortcut works wherever the focus is).
    QList<QAction*> menuActions;
    for (QAction* menu : m_window->menuBar()->actions()) {
        menuActions += menu->menu()->actions();
    }
    for (QAction* action :
         {m_window->newConnectorAction(), m_window->settingsAction(), m_window->checkAction(), m_window->syncAction(),
          m_window->historyAction(), m_window->quitAction(), m_window->removeConnectorAction()}) {
        QVERIFY2(menuActions.contains(action), qPrintable(action->text()));
        QCOMPARE(action->shortcutContext(), Qt::WindowShortcut);
    }

    // The keys themselves, pressed in the active window (offscreen windows become active like real ones).
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+,"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->settingsDialog(), kWait);
    QCOMPARE(m_coordinator->settingsDialog()->currentSection(), SettingsPlace::Connection);
    closeSettings();

    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+K"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->checkDialog() && m_coordinator->checkDialog()->isVisible(), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->checkDialog()->runner()->hasResult(), kWait);
    m_coordinator->checkDialog()->close();

    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Y"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->syncDialog() && m_coordinator->syncDialog()->isVisible(), kWait);
    m_coordinator->syncDialog()->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_coordinator->syncDialog(), kWait);

    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+H"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->historyDialog() && m_coordinator->historyDialog()->isVisible(), kWait);
    m_coordinator->historyDialog()->close();

    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+N"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->wizard() && m_coordinator->wizard()->isVisible(), kWait);
    QPointer<SetupWizard> wizard(m_coordinator->wizard());
    wizard->reject(); // nothing saved yet: closes without asking
    QTRY_VERIFY_WITH_TIMEOUT(!wizard || !wizard->isVisible(), kWait);

    // Delete asks first; Keep keeps.
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    m_prompter.answers = {1};
    m_prompter.questions.clear();
    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(Qt::Key_Delete)));
    QTRY_COMPARE_WITH_TIMEOUT(m_prompter.questions.size(), 1, kWait);
    QVERIFY(m_prompter.questions.first().contains(QStringLiteral("Remove the connector")));
    QVERIFY(InstanceRepository(*f.db).findByName(QStringLiteral("Sim")));

    // Ctrl+Q closes the window (the app ends with it); shown again for the next tests.
    QVERIFY(CwTest::pressKeys(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Q"))));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), kWait);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConnectorHome::exportAndImportConfiguration()
{
    const QString path = m_dir.filePath(QStringLiteral("sim.json"));
    m_prompter.saveFilePath = path;
    m_prompter.answers = {0};
    QSignalSpy exported(m_coordinator->configTransfer(), &ConfigTransfer::exported);
    QVERIFY(m_window->selectConnector(QStringLiteral("Sim")));
    m_window->exportAction()->trigger();
    QVERIFY(exported.count() || exported.wait(kWait));
    QVERIFY2(exported.first().at(1).toBool(), qPrintable(exported.first().at(2).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    const Connection c = CwTest::syncSimConnection(f.sim.baseUrl());
    QVERIFY(!json.contains(c.privateKey.toUtf8()));
    QVERIFY(!json.contains(c.publicKey.toUtf8()));
    QVERIFY(json.contains("cwconnector-config"));

    // Import as a new connector: name and keys in the small dialog; ids are looked up again by name, and the
    // ones the target does not have (this fixture stores the name "x") are listed.
    m_prompter.openFilePath = path;
    m_prompter.answers = {0};
    m_prompter.questions.clear();
    m_window->importAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->configTransfer()->importDialog(), kWait);
    ImportDialog* dialog = m_coordinator->configTransfer()->importDialog();
    QVERIFY(!dialog->validationMessage().isEmpty()); // keys missing
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("importName"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Imported"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("importPublicKey")), c.publicKey);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("importPrivateKey")), c.privateKey);
    QVERIFY2(dialog->validationMessage().isEmpty(), qPrintable(dialog->validationMessage()));
    QSignalSpy imported(m_coordinator->configTransfer(), &ConfigTransfer::imported);
    QSignalSpy failed(m_coordinator->configTransfer(), &ConfigTransfer::importFailed);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() || failed.count(), kWait);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const auto unresolved = imported.first().at(1).value<QList<UnresolvedReference>>();
    QVERIFY(!unresolved.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!m_prompter.questions.isEmpty(), kWait);
    QVERIFY2(m_prompter.questions.last().contains(QStringLiteral("Not found in the target ConnectWise")),
             qPrintable(m_prompter.questions.last()));
    const auto created = InstanceRepository(*f.db).findByName(QStringLiteral("Imported"));
    QVERIFY(created);
    QCOMPARE(created->state, Instance::State::Draft);
    QCOMPARE(m_window->selectedConnector(), QStringLiteral("Imported"));
}

void TestConnectorHome::windowFits()
{
    // 1366x768 at 150 %: 910x512 logical pixels, less the window frame and a taskbar.
    QVERIFY2(m_window->minimumSizeHint().width() <= 880 && m_window->minimumSizeHint().height() <= 480,
             qPrintable(QStringLiteral("%1x%2")
                            .arg(m_window->minimumSizeHint().width())
                            .arg(m_window->minimumSizeHint().height())));
    m_window->resize(880, 480);
    QTest::qWait(50);
    auto* toolBar = m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    for (QAction* action : toolBar->actions()) {
        QWidget* button = toolBar->widgetForAction(action);
        QVERIFY2(button && button->isVisible() && toolBar->rect().contains(button->geometry()),
                 qPrintable(action->text() + QStringLiteral(" falls off the toolbar")));
    }
    QVERIFY(!m_window->connectorList()->accessibleName().isEmpty());
    QVERIFY(!m_window->statusView()->entityTable()->accessibleName().isEmpty());
}

QTEST_MAIN(TestConnectorHome)
#include "tst_connectorhome.moc"
