// Each top-level window that opens from the connector window fits a 1366×768 screen at 150 % (a virtual screen of
// that size, LAPTOP_SCREEN) with its buttons inside it, and every control is reachable with Tab and has an
// accessible name — with real content: a finished check, a preview with records, a history with runs; Settings at
// every section (with the Local data panel), the connector window and the import dialog.
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/config/SettingsSections.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "tests/support/SyncFixture.h"
#include "tests/ui/ScriptedPrompter.h"
#include "tests/ui/WindowChecks.h"
#include "ui/check/CheckResultsView.h"
#include "ui/main/CheckDialog.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/ImportDialog.h"
#include "ui/main/MainWindow.h"
#include "ui/panels/LocalDataPanel.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/sync/SyncDialog.h"
#include "ui/sync/SyncHistoryDialog.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using CwTest::SyncFixture;

class TestWindowFit final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void checkWindow();
    void syncWindow();
    void syncResultShowsEveryLine();
    void historyWindow();
    void settingsWindow();
    void connectorWindow();
    void importConfigurationWindow();

private:
    Cw::Instance instance() { return *Cw::InstanceRepository(*f.db).findById(f.instanceId); }
    static void verifyWindow(QWidget* window);

    SyncFixture f;
    CwTest::ScriptedPrompter m_prompter;
};

void TestWindowFit::initTestCase()
{
    QString why;
    QVERIFY2(CwTest::onLaptopScreen(&why), qPrintable(why));
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("40")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

void TestWindowFit::verifyWindow(QWidget* window)
{
    QString why;
    QVERIFY2(CwTest::fitsScreen(window, &why), qPrintable(why));
    QVERIFY2(CwTest::keyboardReachable(window, &why), qPrintable(why));
    QVERIFY2(CwTest::mnemonicsUnique(window, &why), qPrintable(why));
}

void TestWindowFit::checkWindow()
{
    Cw::CheckDialog dialog(*f.db, m_prompter, QStringLiteral("Fit"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &Cw::CheckDialog::checkFinished);
    dialog.start(CwTest::session(CwTest::syncSimConnection(f.sim.baseUrl())), f.instanceId);
    QVERIFY(finished.wait(60000));
    verifyWindow(&dialog);
}

void TestWindowFit::syncWindow()
{
    Cw::SyncDialog dialog(*f.db, m_prompter, instance(), CwTest::session(CwTest::syncSimConnection(f.sim.baseUrl())));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    verifyWindow(&dialog);
    // With a preview's records and the blocked entities listed under the result.
    QSignalSpy finished(&dialog, &Cw::SyncDialog::runFinished);
    QTest::keyClick(&dialog, Qt::Key_Return); // Enter when idle = Preview
    QVERIFY(finished.wait(90000));
    verifyWindow(&dialog);
}

// What did not start is listed under the result: every line of it shows, with the records table still usable.
void TestWindowFit::syncResultShowsEveryLine()
{
    Cw::ConnectorConfigRepository repository(*f.db);
    auto config = repository.load(f.instanceId);
    QVERIFY(config);
    for (auto& option : config->syncOptions) { // pushes only, and a server variable missing: two lines more
        option.enabled = Cw::directionOf(option.operation) == Cw::Direction::Push;
    }
    config->serverVariables.removeIf(
        [](const Cw::ServerVariable& v) { return v.key == QStringLiteral("product_uom"); });
    QVERIFY(repository.replace(f.instanceId, *config));
    Cw::SyncDialog dialog(*f.db, m_prompter, instance(), CwTest::session(CwTest::syncSimConnection(f.sim.baseUrl())));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &Cw::SyncDialog::runFinished);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(finished.wait(90000));
    QTest::qWait(50); // the layout of the result
    verifyWindow(&dialog);
    auto* result = dialog.findChild<QLabel*>(QStringLiteral("syncResult"));
    QVERIFY2(result->text().count(QLatin1Char('\n')) >= 2, qPrintable(result->text()));
    QVERIFY2(result->height() >= result->heightForWidth(result->width()),
             qPrintable(QStringLiteral("the result is %1 high, its text needs %2: %3")
                            .arg(result->height())
                            .arg(result->heightForWidth(result->width()))
                            .arg(result->text())));
    auto* records = dialog.findChild<QTableView*>(QStringLiteral("syncOutcomes"));
    QVERIFY2(records->viewport()->height() >= 3 * records->verticalHeader()->defaultSectionSize(),
             qPrintable(QString::number(records->viewport()->height())));
    QVERIFY2(f.configure(), qPrintable(f.error)); // back to every option on for the next windows
}

void TestWindowFit::historyWindow()
{
    QVERIFY(f.sync(false, true, {Cw::Entity::Accounts}).ok());
    QVERIFY(f.sync(false, true, {Cw::Entity::Products}).ok());
    Cw::SyncHistoryDialog dialog(*f.db, m_prompter, instance());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    verifyWindow(&dialog);
}

void TestWindowFit::settingsWindow()
{
    Cw::MemorySecretStore store;
    Cw::InstanceSecrets secrets(store);
    Cw::SettingsDialog dialog(
        *f.db, secrets, CwTest::network(), m_prompter, instance(),
        [this](Cw::Database& db, QWidget* parent) { return new Cw::LocalDataPanel(db, m_prompter, parent); });
    QSignalSpy ready(&dialog, &Cw::SettingsDialog::clientReady);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!ready.isEmpty() || ready.wait(60000));
    QVERIFY(dialog.findChild<Cw::LocalDataPanel*>());
    for (const Cw::SettingsPlace section : Cw::SettingsSections::all()) {
        dialog.showSection(section);
        QCOMPARE(dialog.currentSection(), section);
        verifyWindow(&dialog);
    }
}

void TestWindowFit::connectorWindow()
{
    Cw::ConnectorListModel model;
    Cw::MainWindow window(&model);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    verifyWindow(&window);
}

void TestWindowFit::importConfigurationWindow()
{
    Cw::Instance exported = instance(); // with a manual proxy: the dialog's tallest form, with the proxy login
    exported.proxyMode = Cw::Instance::ProxyMode::Manual;
    exported.proxyHost = QStringLiteral("proxy.example.com");
    exported.proxyPort = 3128;
    Cw::ImportDialog dialog(exported);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.findChild<QWidget*>(QStringLiteral("importProxyPassword")));
    verifyWindow(&dialog);
}

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
