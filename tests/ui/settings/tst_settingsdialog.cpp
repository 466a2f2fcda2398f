// The Settings dialog as the connector window opens it: a real database, cwconnector-sim for the live lists and the
// key test, and a recording secret store (what the keychain would be asked to write).
#include "core/config/ConfigExport.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/config/RemoteResolver.h"
#include "core/config/SettingsSections.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "tests/support/RecordingSecretStore.h"
#include "tests/support/SimFixture.h"
#include "tests/support/SyncFixture.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/panels/LookupsPanel.h"
#include "ui/settings/KeysSection.h"
#include "ui/settings/PanelSection.h"
#include "ui/settings/SettingsDialog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace Cw;

namespace {

constexpr int kWait = 60000;

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensAtTheAskedSectionAndRow();
    void lookupChangeTouchesNoKeysAndRunsNoCheck();
    void revertTakesBackAutoMapAll();
    void eachSectionSavesOnItsOwn();
    void badNewKeysKeepTheOldOnes();
    void manualProxyLoginGoesToTheKeychainOnly();
    void fitsAndWorksWithTheKeyboard();

private:
    SettingsDialog* open(SettingsPlace section, const QString& row = QString());
    int systemInfoRequests() const;

    CwTest::SyncFixture f;
    std::unique_ptr<MemorySecretStore> m_memory;
    std::unique_ptr<CwTest::RecordingSecretStore> m_store;
    std::unique_ptr<InstanceSecrets> m_secrets;
    CwTest::ScriptedPrompter m_prompter;
    QPointer<SettingsDialog> m_dialog;
    Instance m_instance;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("4")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

void TestSettingsDialog::init()
{
    QVERIFY(InstanceRepository(*f.db).markReady(f.instanceId));
    m_instance = *InstanceRepository(*f.db).findById(f.instanceId);
    m_memory = std::make_unique<MemorySecretStore>();
    m_store = std::make_unique<CwTest::RecordingSecretStore>(*m_memory);
    m_secrets = std::make_unique<InstanceSecrets>(*m_store);
    const Connection c = CwTest::syncSimConnection(f.sim.baseUrl());
    bool done = false;
    m_store->write({m_instance.keyId, SecretNames::publicKey()}, c.publicKey, this, [&](const SecretResult&) {
        m_store->write({m_instance.keyId, SecretNames::privateKey()}, c.privateKey, this,
                       [&](const SecretResult&) { done = true; });
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
    m_store->writes.clear();
    m_prompter.answers.clear();
    m_prompter.questions.clear();
}

void TestSettingsDialog::cleanup()
{
    delete m_dialog;
    m_secrets.reset();
    m_store.reset();
    m_memory.reset();
}

SettingsDialog* TestSettingsDialog::open(SettingsPlace section, const QString& row)
{
    m_dialog = new SettingsDialog(*f.db, *m_secrets, CwTest::network(), m_prompter, m_instance, {});
    QSignalSpy ready(m_dialog.data(), &SettingsDialog::clientReady);
    m_dialog->show();
    m_dialog->showSection(section, row);
    if (!QTest::qWaitForWindowExposed(m_dialog) || (ready.isEmpty() && !ready.wait(kWait))) {
        return nullptr;
    }
    return m_dialog;
}

int TestSettingsDialog::systemInfoRequests() const
{
    return CwTest::simRequests(f.sim.baseUrl(), QStringLiteral("system/info")).size();
}

void TestSettingsDialog::opensAtTheAskedSectionAndRow()
{
    SettingsDialog* dialog = open(SettingsPlace::Lookups, QStringLiteral("currency"));
    QVERIFY(dialog);
    QCOMPARE(dialog->currentSection(), SettingsPlace::Lookups);
    QCOMPARE(dialog->categories()->currentRow(), SettingsSections::all().indexOf(SettingsPlace::Lookups));
    auto* lookup = dialog->section(SettingsPlace::Lookups)->findChild<QComboBox*>(QStringLiteral("lookup"));
    QVERIFY(lookup);
    QCOMPARE(lookup->currentData().toString().isEmpty() ? lookup->currentText() : lookup->currentData().toString(),
             QStringLiteral("currency"));
    // Every section is there, in the documented order, and None shows Connection.
    for (int i = 0; i < SettingsSections::all().size(); ++i) {
        QCOMPARE(dialog->categories()->item(i)->data(Qt::UserRole).toString(),
                 SettingsSections::id(SettingsSections::all().at(i)));
    }
    dialog->showSection(SettingsPlace::None);
    QCOMPARE(dialog->currentSection(), SettingsPlace::Connection);
}

void TestSettingsDialog::lookupChangeTouchesNoKeysAndRunsNoCheck()
{
    const int probesBefore = systemInfoRequests();
    SettingsDialog* dialog = open(SettingsPlace::Lookups);
    QVERIFY(dialog);
    auto* section = qobject_cast<PanelSection*>(dialog->section(SettingsPlace::Lookups));
    auto* panel = qobject_cast<LookupsPanel*>(section->panel());
    panel->showLookup(QStringLiteral("currency"));
    panel->addLocalValue(QStringLiteral("XTS"));
    QVERIFY(section->isModified());
    QVERIFY(dialog->applyButton()->isEnabled());
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY2(!section->isModified(), qPrintable(dialog->message()));
    QVERIFY(LocalRecordStore(*f.db).values(QStringLiteral("currency")).contains(QStringLiteral("XTS")));
    // The keys were read for the live lists, never written or removed; no check or key probe reached ConnectWise.
    QVERIFY2(m_store->writes.isEmpty(), qPrintable(m_store->writes.join(QLatin1Char(','))));
    QVERIFY(m_store->removes.isEmpty());
    QCOMPARE(systemInfoRequests(), probesBefore);
    const auto instance = InstanceRepository(*f.db).findById(f.instanceId);
    QCOMPARE(instance->lastCheckAt, m_instance.lastCheckAt);
}

// Auto-map all tables is an unsaved change of the Lookups section like any other: Revert takes it back and nothing
// reaches the configuration.
void TestSettingsDialog::revertTakesBackAutoMapAll()
{
    QVERIFY(LocalRecordStore(*f.db).addValue(QStringLiteral("account_type"), QStringLiteral("Vendor")));
    SettingsDialog* dialog = open(SettingsPlace::Lookups, QStringLiteral("account_type"));
    QVERIFY(dialog);
    auto* section = qobject_cast<PanelSection*>(dialog->section(SettingsPlace::Lookups));
    auto* panel = qobject_cast<LookupsPanel*>(section->panel());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->lists().items(QLatin1String(RemoteResolver::companyType)).isEmpty(), kWait);
    const auto vendorCombo = [panel] {
        for (int r = 0; r < panel->table()->rowCount(); ++r) {
            if (panel->table()->item(r, 0)->text() == QStringLiteral("Vendor")) {
                return qobject_cast<QComboBox*>(panel->table()->cellWidget(r, 1));
            }
        }
        return static_cast<QComboBox*>(nullptr);
    };
    QVERIFY(vendorCombo() && vendorCombo()->currentData().toString().isEmpty());
    auto* revert = dialog->findChild<QPushButton*>(QStringLiteral("revertSection"));
    QVERIFY(!revert->isEnabled());

    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("autoMapAll")), Qt::LeftButton);
    QCOMPARE(vendorCombo()->currentText(), QStringLiteral("Vendor (3)"));
    QVERIFY(panel->autoMapSummary().contains(QStringLiteral("mapped Vendor to Vendor")));
    QVERIFY(section->isModified());
    QVERIFY(revert->isEnabled() && dialog->applyButton()->isEnabled());

    QTest::mouseClick(revert, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(vendorCombo() && vendorCombo()->currentData().toString().isEmpty(), kWait);
    QVERIFY(panel->autoMapSummary().isEmpty());
    QVERIFY(!section->isModified());
    QVERIFY(!dialog->applyButton()->isEnabled());
    const auto config = ConnectorConfigRepository(*f.db).load(f.instanceId);
    QVERIFY(config);
    for (const LookupValue& value : config->lookups) {
        QVERIFY(value.localValue != QStringLiteral("Vendor"));
    }
}

void TestSettingsDialog::eachSectionSavesOnItsOwn()
{
    SettingsDialog* dialog = open(SettingsPlace::SyncOptions);
    QVERIFY(dialog);
    auto* box = dialog->findChild<QCheckBox*>(QStringLiteral("option_accounts_pull_create"));
    QVERIFY(box && box->isChecked());
    box->click();
    QVERIFY(dialog->section(SettingsPlace::SyncOptions)->isModified());
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    ConnectorConfigRepository configs(*f.db);
    QVERIFY(!configs.isSyncEnabled(f.instanceId, Entity::Accounts, Operation::PullCreate));

    // An edit left in Connection: moving to another section asks; Discard drops it and writes nothing.
    dialog->showSection(SettingsPlace::Connection);
    auto* company = dialog->findChild<QLineEdit*>(QStringLiteral("companyId"));
    company->setFocus();
    company->selectAll();
    QTest::keyClicks(company, QStringLiteral("othercompany"));
    QVERIFY(dialog->section(SettingsPlace::Connection)->isModified());
    m_prompter.answers = {1};
    dialog->showSection(SettingsPlace::Lookups);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->currentSection(), SettingsPlace::Lookups, kWait);
    QCOMPARE(m_prompter.questions.size(), 1);
    QVERIFY(m_prompter.questions.first().contains(QStringLiteral("Connection")));
    QCOMPARE(InstanceRepository(*f.db).findById(f.instanceId)->companyId, QStringLiteral("cwsim"));

    // A bad value is named with its fix next to the section, and Apply writes nothing.
    dialog->showSection(SettingsPlace::Connection);
    company = dialog->findChild<QLineEdit*>(QStringLiteral("companyId"));
    company->selectAll();
    QTest::keyClick(company, Qt::Key_Delete);
    QVERIFY2(dialog->message().contains(QStringLiteral("ompany")), qPrintable(dialog->message()));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QCOMPARE(InstanceRepository(*f.db).findById(f.instanceId)->companyId, QStringLiteral("cwsim"));
    m_prompter.answers = {1};
    dialog->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kWait);

    // Restore the option for the other tests.
    auto config = *configs.load(f.instanceId);
    config.syncOptions.append({Entity::Accounts, Operation::PullCreate, true});
    QVERIFY(configs.replace(f.instanceId, config));
}

void TestSettingsDialog::badNewKeysKeepTheOldOnes()
{
    SettingsDialog* dialog = open(SettingsPlace::Keys);
    QVERIFY(dialog);
    const Connection c = CwTest::syncSimConnection(f.sim.baseUrl());
    {
        auto* publicKey = dialog->findChild<QLineEdit*>(QStringLiteral("newPublicKey"));
        auto* privateKey = dialog->findChild<QLineEdit*>(QStringLiteral("newPrivateKey"));
        QTest::keyClicks(publicKey, QStringLiteral("wrongpublic"));
        QTest::keyClicks(privateKey, QStringLiteral("wrongprivate"));
    }
    auto* keys = qobject_cast<KeysSection*>(dialog->section(SettingsPlace::Keys));
    QSignalSpy applied(keys, &SettingsSection::applied);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY(applied.wait(kWait));
    QCOMPARE(applied.first().first().toBool(), false);
    QVERIFY2(keys->resultText().contains(QStringLiteral("old ones are unchanged")), qPrintable(keys->resultText()));
    QCOMPARE(m_store->value({m_instance.keyId, SecretNames::publicKey()}), c.publicKey);
    QCOMPARE(m_store->value({m_instance.keyId, SecretNames::privateKey()}), c.privateKey);
    QVERIFY(keys->isModified()); // the admin's input stays, to correct it
}

void TestSettingsDialog::manualProxyLoginGoesToTheKeychainOnly()
{
    SettingsDialog* dialog = open(SettingsPlace::Connection);
    QVERIFY(dialog);
    auto* mode = dialog->findChild<QComboBox*>(QStringLiteral("proxyMode"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("manual")));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("proxyHost")), QStringLiteral("proxy.lan"));
    dialog->findChild<QSpinBox*>(QStringLiteral("proxyPort"))->setValue(3128);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("proxyUser")), QStringLiteral("proxyadmin"));
    const QString password = QStringLiteral("S3cret-proxy-pw");
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("proxyPassword")), password);
    QSignalSpy applied(dialog->section(SettingsPlace::Connection), &SettingsSection::applied);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY(applied.count() || applied.wait(kWait));
    QVERIFY2(applied.first().first().toBool(), qPrintable(applied.first().at(1).toString()));

    const auto saved = InstanceRepository(*f.db).findById(f.instanceId);
    QCOMPARE(saved->proxyMode, Instance::ProxyMode::Manual);
    QCOMPARE(saved->proxyHost, QStringLiteral("proxy.lan"));
    QCOMPARE(m_store->value({m_instance.keyId, SecretNames::proxyUser()}), QStringLiteral("proxyadmin"));
    QCOMPARE(m_store->value({m_instance.keyId, SecretNames::proxyPassword()}), password);
    // Nowhere in the database file (nor its write-ahead log).
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(f.db->location().filePath + suffix);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = file.readAll();
            QVERIFY(!bytes.contains(password.toUtf8()));
            QVERIFY(!bytes.contains("proxyadmin"));
        }
    }
    // Nor in the exported configuration, which has the proxy itself.
    const std::optional<QByteArray> exported = ConfigExport(*f.db).exportJson(saved->name);
    QVERIFY(exported);
    QVERIFY(exported->contains("proxy.lan"));
    QVERIFY(!exported->contains(password.toUtf8()) && !exported->contains("proxyadmin"));
    // The connector, opened as the windows and the CLI open it, goes through the proxy with that login.
    const OpenedSession opened = CwTest::openSaved(*saved, *m_store, CwTest::network());
    QVERIFY2(opened.session, qPrintable(opened.error));
    QCOMPARE(opened.session->connection().proxy.user, QStringLiteral("proxyadmin"));
    QCOMPARE(opened.session->connection().proxy.password, password);
    // Back to no proxy: the login leaves the keychain too.
    mode->setCurrentIndex(mode->findData(QStringLiteral("none")));
    QSignalSpy again(dialog->section(SettingsPlace::Connection), &SettingsSection::applied);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY(again.count() || again.wait(kWait));
    QVERIFY(m_store->value({m_instance.keyId, SecretNames::proxyPassword()}).isEmpty());
}

void TestSettingsDialog::fitsAndWorksWithTheKeyboard()
{
    SettingsDialog* dialog = open(SettingsPlace::Connection);
    QVERIFY(dialog);
    // 1366x768 at 150 %: 910x512 logical pixels, less the window frame and a taskbar.
    QVERIFY2(dialog->width() <= 880 && dialog->height() <= 480,
             qPrintable(QStringLiteral("%1x%2").arg(dialog->width()).arg(dialog->height())));
    QVERIFY(dialog->minimumSizeHint().width() <= 880 && dialog->minimumSizeHint().height() <= 480);
    for (const SettingsPlace id : SettingsSections::all()) {
        dialog->showSection(id);
        QCOMPARE(dialog->currentSection(), id);
        // Every control of the section: a name for screen readers, and reached by Tab from the category list.
        QList<QWidget*> controls;
        for (QWidget* w : dialog->section(id)->findChildren<QWidget*>()) {
            if (!qobject_cast<QScrollArea*>(w) && w->isVisibleTo(dialog) && w->isEnabled() &&
                (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() &&
                !qobject_cast<QAbstractScrollArea*>(w->parentWidget() ? w->parentWidget()->parentWidget() : nullptr)) {
                controls.append(w);
            }
        }
        QSet<QWidget*> reached;
        dialog->categories()->setFocus();
        const auto allReached = [&] {
            return std::all_of(controls.cbegin(), controls.cend(), [&](QWidget* w) { return reached.contains(w); });
        };
        for (int i = 0; i < 200 && !allReached(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            reached.insert(QApplication::focusWidget());
        }
        for (QWidget* w : controls) {
            const auto* button = qobject_cast<QAbstractButton*>(w);
            QVERIFY2(!w->accessibleName().isEmpty() || (button && !button->text().isEmpty()),
                     qPrintable(SettingsSections::id(id) + QLatin1Char('/') + w->objectName() + QLatin1Char(' ') +
                                QString::fromLatin1(w->metaObject()->className())));
            QVERIFY2(reached.contains(w),
                     qPrintable(SettingsSections::id(id) + QStringLiteral(": not reached by Tab: ") + w->objectName()));
        }
    }
    // Esc closes (nothing unsaved).
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kWait);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
