#include "core/config/ConfigNames.h"
#include "core/config/SyncMatrix.h"
#include "core/connectwise/Endpoints.h"

#include <QTest>

using namespace Cw;

// The sync matrix: supported cells, texts and permissions, parsing --set, and the endpoints the
// systems check must probe for a configuration.
class TestSyncMatrix final : public QObject
{
    Q_OBJECT

private slots:
    void onlySupportedCellsAreSupported();
    void cellsSayWhatAndWhichPermission();
    void parseSetting_data();
    void parseSetting();
    void permissionPathsFollowEnabledOptions();
};

void TestSyncMatrix::onlySupportedCellsAreSupported()
{
    int supported = 0;
    for (Entity entity : SyncMatrix::entities()) {
        for (Operation operation : allOf<Operation>()) {
            const SyncCell cell = SyncMatrix::cell(entity, operation);
            QCOMPARE(cell.supported, ConfigNames::isSupportedSyncOption(entity, operation));
            supported += cell.supported ? 1 : 0;
        }
    }
    QCOMPARE(supported, 4 + 4 + 3 + 3 + 1); // PRODUCT.md's table
    ConnectorConfig config;
    SyncMatrix::setEnabled(&config, Cw::Entity::Invoices, Cw::Operation::PullCreate, true);
    QVERIFY(!SyncMatrix::isEnabled(config, Cw::Entity::Invoices, Cw::Operation::PullCreate));
}

void TestSyncMatrix::cellsSayWhatAndWhichPermission()
{
    const SyncCell payments = SyncMatrix::cell(Cw::Entity::Payments, Cw::Operation::PushCreate);
    QCOMPARE(payments.permission, Endpoints::find(Endpoints::invoices())->permission());
    QVERIFY(!payments.description.isEmpty());
    const SyncCell invoices = SyncMatrix::cell(Cw::Entity::Invoices, Cw::Operation::PullUpdate);
    QVERIFY2(invoices.description.contains(QLatin1String("balance")), qPrintable(invoices.description));
    const SyncCell accounts = SyncMatrix::cell(Cw::Entity::Accounts, Cw::Operation::PushCreate);
    QCOMPARE(accounts.permission, Endpoints::find(Endpoints::companies())->permission());
    QVERIFY(!accounts.permission.isEmpty());
}

void TestSyncMatrix::parseSetting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("on") << QStringLiteral("accounts.push_create=on") << true << true << QString();
    QTest::newRow("off") << QStringLiteral("payments.push_create=OFF") << true << false << QString();
    QTest::newRow("unsupported") << QStringLiteral("invoices.pull_create=on") << false << false
                                 << QStringLiteral("not a supported");
    QTest::newRow("entity") << QStringLiteral("widgets.push_create=on") << false << false << QStringLiteral("widgets");
    QTest::newRow("operation") << QStringLiteral("accounts.delete=on") << false << false << QStringLiteral("delete");
    QTest::newRow("value") << QStringLiteral("accounts.push_create=yes") << false << false
                           << QStringLiteral("on or off");
    QTest::newRow("shape") << QStringLiteral("accounts") << false << false << QStringLiteral("ENTITY.OPERATION");
}

void TestSyncMatrix::parseSetting()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(bool, enabled);
    QFETCH(QString, errorMentions);
    SyncOption option;
    QString error;
    QCOMPARE(SyncMatrix::parseSetting(text, &option, &error), ok);
    if (ok) {
        QCOMPARE(option.enabled, enabled);
        QCOMPARE(nameOf(option.entity) + QLatin1Char('.') + nameOf(option.operation),
                 text.section(QLatin1Char('='), 0, 0));
    } else {
        QVERIFY2(error.contains(errorMentions), qPrintable(error));
    }
}

void TestSyncMatrix::permissionPathsFollowEnabledOptions()
{
    ConnectorConfig config;
    QCOMPARE(SyncMatrix::permissionPathsFor(config), QStringList {Endpoints::members()});

    SyncMatrix::setEnabled(&config, Cw::Entity::Payments, Cw::Operation::PushCreate, true);
    SyncMatrix::setEnabled(&config, Cw::Entity::Products, Cw::Operation::PullUpdate, true);
    SyncMatrix::setEnabled(&config, Cw::Entity::Accounts, Cw::Operation::PushCreate, false);
    const QStringList paths = SyncMatrix::permissionPathsFor(config);
    QVERIFY(paths.contains(Endpoints::invoices())); // payments are written under invoices
    QVERIFY(paths.contains(Endpoints::catalog()));
    QVERIFY(paths.contains(Endpoints::productSubcategories()));
    QVERIFY(!paths.contains(Endpoints::companies()));
    QVERIFY(!paths.contains(Endpoints::salesOrders()));
    for (const QString& path : paths) {
        QVERIFY2(Endpoints::find(path), qPrintable(path)); // every path is a known endpoint
    }

    const CheckPlan plan = SyncMatrix::checkPlanFor(config);
    QCOMPARE(plan.permissionPaths, paths);
    QVERIFY(!plan.lists.isEmpty());
    for (const CheckPlan::ListSource& list : plan.lists) {
        QVERIFY2(paths.contains(list.path), qPrintable(list.path));
    }
}

QTEST_GUILESS_MAIN(TestSyncMatrix)
#include "tst_syncmatrix.moc"
