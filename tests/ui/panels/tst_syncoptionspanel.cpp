#include "core/config/SyncMatrix.h"
#include "core/connectwise/Endpoints.h"
#include "ui/panels/SyncOptionsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QTest>

using namespace Cw;

// The sync-options matrix through its check boxes.
class TestSyncOptionsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void onlySupportedCellsCanBeTicked();
    void offersTheConflictPolicy();
};

void TestSyncOptionsPanel::onlySupportedCellsCanBeTicked()
{
    ConnectorConfig config;
    SyncMatrix::setEnabled(&config, Cw::Entity::Accounts, Cw::Operation::PushCreate, true);
    SyncOptionsPanel panel;
    panel.setConfig(&config);
    panel.load();
    panel.show();
    QVERIFY(!panel.isModified());

    QCheckBox* accounts = panel.findChild<QCheckBox*>(QStringLiteral("option_accounts_push_create"));
    QVERIFY(accounts && accounts->isChecked());
    QVERIFY(accounts->toolTip().contains(Endpoints::find(Endpoints::companies())->permission()));
    QCheckBox* invoicePullCreate = panel.findChild<QCheckBox*>(QStringLiteral("option_invoices_pull_create"));
    QVERIFY(!invoicePullCreate->isEnabled());
    QVERIFY(!invoicePullCreate->isVisible());
    QVERIFY(!panel.cell(Cw::Entity::Payments, Cw::Operation::PullUpdate)->isEnabled());

    auto* permissions = panel.findChild<QLabel*>(QStringLiteral("permissions"));
    const QString invoicing = Endpoints::find(Endpoints::invoices())->permission();
    QVERIFY(!permissions->text().contains(invoicing));
    QCheckBox* payments = panel.cell(Cw::Entity::Payments, Cw::Operation::PushCreate);
    QVERIFY(payments->isEnabled());
    QTest::mouseClick(payments, Qt::LeftButton);
    QVERIFY(payments->isChecked());
    QVERIFY(panel.isModified());
    QVERIFY2(permissions->text().contains(invoicing), qPrintable(permissions->text()));

    QString error;
    QVERIFY(panel.save(&error));
    QVERIFY(SyncMatrix::isEnabled(config, Cw::Entity::Payments, Cw::Operation::PushCreate));
    QVERIFY(SyncMatrix::isEnabled(config, Cw::Entity::Accounts, Cw::Operation::PushCreate));
    QVERIFY(!SyncMatrix::isEnabled(config, Cw::Entity::Invoices, Cw::Operation::PullCreate));
    QVERIFY(SyncMatrix::permissionPathsFor(config).contains(Endpoints::invoices()));
}

void TestSyncOptionsPanel::offersTheConflictPolicy()
{
    ConnectorConfig config;
    config.conflictPolicy = ConflictPolicy::Local;
    SyncOptionsPanel panel;
    panel.setConfig(&config);
    panel.load();
    panel.show();
    QComboBox* policy = panel.findChild<QComboBox*>(QStringLiteral("conflictPolicy"));
    QVERIFY(policy && policy == panel.conflictPolicy());
    QVERIFY(!policy->accessibleName().isEmpty());
    QCOMPARE(policy->count(), 3);
    QCOMPARE(policy->currentData().toInt(), int(ConflictPolicy::Local));
    QVERIFY(!panel.isModified());
    policy->setCurrentIndex(policy->findData(int(ConflictPolicy::ConnectWise)));
    QVERIFY(panel.isModified());
    QString error;
    QVERIFY(panel.save(&error));
    QCOMPARE(config.conflictPolicy, ConflictPolicy::ConnectWise);
    QVERIFY(!panel.isModified());
}

QTEST_MAIN(TestSyncOptionsPanel)
#include "tst_syncoptionspanel.moc"
