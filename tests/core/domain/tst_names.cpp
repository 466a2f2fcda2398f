#include "core/config/ConfigNames.h"
#include "core/config/RemoteResolver.h"
#include "core/connectwise/Region.h"
#include "core/domain/Deployment.h"
#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"
#include "core/localdata/LocalSchema.h"
#include "core/sync/SyncDescriptor.h"

#include <QTest>

using namespace Cw;

// The name tables of the domain types: the stable names of PRODUCT.md ("Command line: the names"), in their
// documented order, each name parsed back to its value, anything else refused.
class TestNames final : public QObject
{
    Q_OBJECT

private slots:
    void namesAreTheDocumentedOnes();
    void everyNameParsesBack();
    void unknownAndMisspeltNamesAreRefused();
    void operationsBelongToTheirDirection();
    void everyEntityHasItsLocalTable();
    void regionsAreDeployments();
    void variablesAndLookupsAreTheDocumentedOnes();
};

void TestNames::namesAreTheDocumentedOnes()
{
    QCOMPARE(namesOf<Entity>().join(QLatin1Char(' ')),
             QStringLiteral("accounts products invoices invoice_lines orders order_lines payments users"));
    QCOMPARE(namesOf<Operation>().join(QLatin1Char(' ')),
             QStringLiteral("pull_create pull_update push_create push_update"));
    QCOMPARE(namesOf<Direction>().join(QLatin1Char(' ')), QStringLiteral("pull push both"));
    QCOMPARE(namesOf<Deployment>().join(QLatin1Char(' ')), QStringLiteral("na eu au aus za onpremise staging demo"));
    QCOMPARE(namesOf(Deployments::cloudRegions()).join(QLatin1Char(' ')), QStringLiteral("na eu au aus za"));
    QCOMPARE(namesOf(QList<Entity> {Entity::Payments, Entity::Accounts}),
             (QStringList {QStringLiteral("payments"), QStringLiteral("accounts")}));
}

void TestNames::everyNameParsesBack()
{
    for (Entity e : allOf<Entity>()) {
        QCOMPARE(parseName<Entity>(nameOf(e)), e);
    }
    for (Operation o : allOf<Operation>()) {
        QCOMPARE(parseName<Operation>(nameOf(o)), o);
    }
    for (Direction d : allOf<Direction>()) {
        QCOMPARE(parseName<Direction>(nameOf(d)), d);
    }
    for (Deployment d : allOf<Deployment>()) {
        QCOMPARE(parseName<Deployment>(nameOf(d)), d);
    }
    QCOMPARE(allOf<Entity>().size(), namesOf<Entity>().size());
}

void TestNames::unknownAndMisspeltNamesAreRefused()
{
    QVERIFY(!parseName<Entity>(QStringLiteral("tickets")));
    QVERIFY(!parseName<Entity>(QStringLiteral("Accounts"))); // names are exact: they are a contract
    QVERIFY(!parseName<Entity>(QString()));
    QVERIFY(!parseName<Operation>(QStringLiteral("push-create")));
    QVERIFY(!parseName<Direction>(QStringLiteral("sideways")));
    QVERIFY(!parseName<Deployment>(QStringLiteral("mars")));
    QVERIFY(!LocalSchema::entity(QStringLiteral("tickets")));
}

void TestNames::operationsBelongToTheirDirection()
{
    QCOMPARE(directionOf(Operation::PullCreate), Direction::Pull);
    QCOMPARE(directionOf(Operation::PullUpdate), Direction::Pull);
    QCOMPARE(directionOf(Operation::PushCreate), Direction::Push);
    QCOMPARE(directionOf(Operation::PushUpdate), Direction::Push);
    QCOMPARE(createIn(Direction::Push), Operation::PushCreate);
    QCOMPARE(updateIn(Direction::Pull), Operation::PullUpdate);
    // Users are mapped to members, never synced; lines travel with their invoice or order (no cells of their own);
    // the synced entities each have a descriptor, and the lines one too, pushed with their parent.
    for (Operation o : allOf<Operation>()) {
        QVERIFY(!ConfigNames::isSupportedSyncOption(Entity::Users, o));
        QVERIFY(!ConfigNames::isSupportedSyncOption(Entity::InvoiceLines, o));
        QVERIFY(!ConfigNames::isSupportedSyncOption(Entity::OrderLines, o));
    }
    QCOMPARE(SyncDescriptors::entities(),
             (QList<Entity> {Entity::Accounts, Entity::Products, Entity::Invoices, Entity::Orders, Entity::Payments}));
    QList<Entity> described;
    for (const SyncDescriptor& d : SyncDescriptors::all()) {
        described.append(d.entity);
    }
    QCOMPARE(described,
             (QList<Entity> {Entity::Accounts, Entity::Products, Entity::Invoices, Entity::InvoiceLines, Entity::Orders,
                             Entity::OrderLines, Entity::Payments}));
    QCOMPARE(SyncDescriptors::linesOf(Entity::Invoices)->entity, Entity::InvoiceLines);
    QCOMPARE(SyncDescriptors::linesOf(Entity::Orders)->entity, Entity::OrderLines);
    QVERIFY(!SyncDescriptors::linesOf(Entity::Accounts));
    const SyncDescriptor* lines = SyncDescriptors::find(Entity::OrderLines);
    QCOMPARE(lines->optionsEntity(), Entity::Orders);
    QVERIFY(lines->supports(Operation::PushCreate) && lines->supports(Operation::PushUpdate));
    QVERIFY(!lines->syncs(Direction::Pull));
}

void TestNames::everyEntityHasItsLocalTable()
{
    QCOMPARE(LocalSchema::entities().size(), allOf<Entity>().size());
    for (Entity e : allOf<Entity>()) {
        const LocalEntity& local = LocalSchema::entity(e);
        QCOMPARE(local.entity, e);
        QCOMPARE(local.name(), nameOf(e));
        QCOMPARE(LocalSchema::entity(nameOf(e))->table, local.table);
    }
    QCOMPARE(LocalSchema::entity(Entity::Payments).parentEntity, std::optional<Entity>(Entity::Invoices));
    QCOMPARE(LocalSchema::entity(Entity::InvoiceLines).parentEntity, std::optional<Entity>(Entity::Invoices));
    QCOMPARE(LocalSchema::entity(Entity::InvoiceLines).parentColumn, QStringLiteral("invoice_id"));
    QCOMPARE(LocalSchema::entity(Entity::OrderLines).parentEntity, std::optional<Entity>(Entity::Orders));
    QCOMPARE(LocalSchema::entity(Entity::OrderLines).csvColumnNames().join(QLatin1Char(',')),
             QStringLiteral("id,order_id,product_id,description,quantity,price"));
    // balance is written by the pull, not by a CSV file.
    QVERIFY(LocalSchema::entity(Entity::Invoices).column(QStringLiteral("balance"))->pulledOnly);
    QVERIFY(!LocalSchema::entity(Entity::Invoices).csvColumnNames().contains(QStringLiteral("balance")));
}

void TestNames::regionsAreDeployments()
{
    for (const Region& region : Region::all()) {
        QVERIFY(Deployments::hasRegionHosts(region.deployment));
        QCOMPARE(Region::byCode(region.code().toUpper())->deployment, region.deployment);
        QCOMPARE(Region::of(region.deployment)->apiHost, region.apiHost);
    }
    QVERIFY(!Region::of(Deployment::OnPremise));
    QVERIFY(Deployments::needsSite(Deployment::Demo));
    QVERIFY(!Deployments::needsSite(Deployment::Staging));
}

void TestNames::variablesAndLookupsAreTheDocumentedOnes()
{
    QCOMPARE(ConfigNames::serverVariables().join(QLatin1Char(' ')),
             QStringLiteral("connectwise_url company_id client_id import_account_status product_category "
                            "product_subcategory product_uom product_billable_option sales_representative "
                            "credit_card_method_id bank_deposit_method_id"));
    QCOMPARE(ConfigNames::storedServerVariables(), ConfigNames::serverVariables().mid(3));
    QVERIFY(ConfigNames::isInstanceFieldVariable(QStringLiteral("client_id")));
    QVERIFY(!ConfigNames::isInstanceFieldVariable(QStringLiteral("product_uom")));
    QVERIFY(!ConfigNames::isInstanceFieldVariable(QStringLiteral("colour")));
    QCOMPARE(
        ConfigNames::lookups().join(QLatin1Char(' ')),
        QStringLiteral("account_type currency invoice_stage invoice_type product_type unit_type order_stage country"));
    // The payment-method ids are local ids: nothing to resolve in ConnectWise.
    QVERIFY(ConfigNames::resolverKindForVariable(QStringLiteral("bank_deposit_method_id")).isEmpty());
    QVERIFY(ConfigNames::fixedValuesForVariable(QStringLiteral("bank_deposit_method_id")).isEmpty());
    QCOMPARE(ConfigNames::resolverKindForLookup(QStringLiteral("country")), QLatin1String(RemoteResolver::country));
    QCOMPARE(ConfigNames::resolverKindForLookup(QStringLiteral("unit_type")),
             QLatin1String(RemoteResolver::productSubcategory));
    QVERIFY(ConfigNames::resolverKindForLookup(QStringLiteral("invoice_type")).isEmpty());
    QCOMPARE(ConfigNames::fixedValuesForVariable(QStringLiteral("product_billable_option")).size(), 3);
    QCOMPARE(ConfigNames::fixedValuesForLookup(QStringLiteral("invoice_type")).size(), 7);
    QVERIFY(ConfigNames::fixedValuesForLookup(QStringLiteral("currency")).isEmpty());
}

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
