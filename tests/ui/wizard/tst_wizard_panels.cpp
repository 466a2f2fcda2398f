// After the systems check the wizard continues through the configuration panels (user mapping, server
// variables, sync options, lookups) to the summary; what is chosen there is saved, and Settings opens
// the same panels again.
#include "WizardFixture.h"

#include "core/config/ConnectorConfigRepository.h"
#include "core/config/SettingsSections.h"
#include "core/setup/CheckRunner.h"
#include "ui/panels/LookupsPanel.h"
#include "ui/panels/ServerVariablesPanel.h"
#include "ui/panels/SyncOptionsPanel.h"
#include "ui/panels/UserMappingPanel.h"
#include "ui/wizard/CheckPage.h"
#include "ui/wizard/PanelPage.h"

#include <QCheckBox>
#include <QClipboard>

class TestWizardPanels final : public WizardTestBase
{
    Q_OBJECT

private slots:
    void continuesThroughThePanels();
};

void TestWizardPanels::continuesThroughThePanels()
{
    m_coordinator->setExtraPages(PanelPage::configurationPages());
    SetupWizard* wizard = openNewConnector();
    QVERIFY(wizard);
    fillConnectorPage(wizard, QStringLiteral("Panels"), m_sim.baseUrl(), QStringLiteral("cwsim"));
    QTRY_VERIFY_WITH_TIMEOUT(text(wizard, "companyStatus").startsWith(QStringLiteral("Found")), kWait);
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Keys), kWait);
    type(wizard, "publicKey", kPublic);
    type(wizard, "privateKey", kPrivate);
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Endpoint), kWait);
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Save));
    press(wizard, QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Check), kWait);
    auto* checkPage = qobject_cast<CheckPage*>(wizard->currentPage());
    QVERIFY(checkPage);
    QTRY_VERIFY_WITH_TIMEOUT(checkPage->runner()->hasResult() && !checkPage->runner()->isRunning(), kWait);

    // User mapping, server variables, sync options, lookups: in that order, each with live lists.
    const QList<const QMetaObject*> order {&UserMappingPanel::staticMetaObject, &ServerVariablesPanel::staticMetaObject,
                                           &SyncOptionsPanel::staticMetaObject, &LookupsPanel::staticMetaObject};
    const QStringList shots {QStringLiteral("user-mapping"), QStringLiteral("server-variables"),
                             QStringLiteral("sync-options"), QStringLiteral("lookups")};
    for (const QMetaObject* expected : order) {
        press(wizard, QWizard::NextButton);
        auto* page = qobject_cast<PanelPage*>(wizard->currentPage());
        QVERIFY2(page, expected->className());
        QCOMPARE(page->panel()->metaObject(), expected);
        screenshot(wizard,
                   QStringLiteral("%1-%2").arg(16 + order.indexOf(expected)).arg(shots.at(order.indexOf(expected))));
        if (expected == &ServerVariablesPanel::staticMetaObject) {
            QTRY_VERIFY_WITH_TIMEOUT(page->panel()->lists().has(QStringLiteral("companyStatus")), kWait); // pulled live
        }
        if (expected == &SyncOptionsPanel::staticMetaObject) {
            auto* box = page->panel()->findChild<QCheckBox*>(QStringLiteral("option_accounts_pull_create"));
            QVERIFY(box && box->isEnabled());
            box->setChecked(true);
        }
    }
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(Summary));
    QPointer<SetupWizard> closing(wizard);
    press(wizard, QWizard::FinishButton);
    QTRY_VERIFY_WITH_TIMEOUT(!closing, kWait);

    const auto saved = InstanceRepository(*m_db).findByName(QStringLiteral("Panels"));
    QVERIFY(saved);
    ConnectorConfigRepository configs(*m_db);
    QVERIFY(configs.isSyncEnabled(saved->id, Cw::Entity::Accounts, Cw::Operation::PullCreate));

    // Settings shows the same panel classes, one section each, with the saved option.
    QVERIFY(m_window->selectConnector(QStringLiteral("Panels")));
    m_coordinator->openSettings(QStringLiteral("Panels"), SettingsPlace::SyncOptions);
    QTRY_VERIFY_WITH_TIMEOUT(m_coordinator->settingsDialog() != nullptr, kWait);
    SettingsDialog* settings = m_coordinator->settingsDialog();
    QCOMPARE(settings->currentSection(), SettingsPlace::SyncOptions);
    auto* box = settings->findChild<QCheckBox*>(QStringLiteral("option_accounts_pull_create"));
    QVERIFY(box && box->isChecked());
    QPointer<SettingsDialog> settingsClosing(settings);
    settings->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!settingsClosing, kWait);
}

QTEST_MAIN(TestWizardPanels)
#include "tst_wizard_panels.moc"
