// Push of every entity, field by field, through cwconnector-sim: lookups, variables, skip reasons,
// idempotent reruns, PATCH of changed fields and reconciliation of a create whose answer was lost.
#include "core/sync/SyncIdentifier.h"
#include "tests/support/SyncFixture.h"

#include <QTest>

using Cw::SyncOutcome;
using CwTest::row;
using CwTest::SyncFixture;

namespace {

QString reasonFor(const Cw::SyncSummary& s, Cw::Entity entity, const QString& localId)
{
    for (const SyncOutcome& o : s.outcomes) {
        if (o.entity == entity && o.localId == localId) {
            return o.reason;
        }
    }
    return {};
}

} // namespace

class TestSyncPush final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void accountsFieldByField();
    void productsFieldByField();
    void invoicesOrdersPayments();
    void rerunIsIdempotentAndPatchesChanges();
    void missingVariableBlocksEntity();
    void lostCreateIsReconciled();
    void identifierIsDeterministicAndBounded();

    void cleanup() { QVERIFY2(f.modelViolations().isEmpty(), qPrintable(f.modelViolations())); }

private:
    SyncFixture f;
};

void TestSyncPush::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("5")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

void TestSyncPush::accountsFieldByField()
{
    QVERIFY2(f.addLocal(Cw::Entity::Accounts,
                        {row({{"id", QStringLiteral("A1")},
                              {"name", QStringLiteral("Acme Trading")},
                              {"account_type", QStringLiteral("L1")},
                              {"currency", QStringLiteral("L0")},
                              {"phone", QStringLiteral("5551234")},
                              {"website", QStringLiteral("https://acme.example")},
                              {"address_line1", QStringLiteral("1 Main St")},
                              {"city", QStringLiteral("Springfield")},
                              {"state", QStringLiteral("IL")},
                              {"zip", QStringLiteral("62701")},
                              {"country", QStringLiteral("L2")}}),
                         row({{"id", QStringLiteral("A2")},
                              {"name", QStringLiteral("Unmapped Ltd")},
                              {"city", QStringLiteral("Leeds")},
                              {"account_type", QStringLiteral("NoSuchType")}}),
                         row({{"id", QStringLiteral("A3")},
                              {"name", QStringLiteral("Nowhere Ltd")},
                              {"phone", QStringLiteral("5550000")}}),
                         row({{"id", QStringLiteral("A4")},
                              {"name", QStringLiteral("Atlantis Ltd")},
                              {"country", QStringLiteral("Atlantis")}})}),
             qPrintable(f.error));
    const Cw::SyncSummary s = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).created, 1);
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).skipped, 3);
    QVERIFY(
        reasonFor(s, Cw::Entity::Accounts, QStringLiteral("A2")).startsWith(QLatin1String("unmapped lookup value")));
    // ConnectWise refuses a company without an address: skipped before the POST, with the fields that would do.
    QCOMPARE(reasonFor(s, Cw::Entity::Accounts, QStringLiteral("A3")),
             QStringLiteral("invalid field: address is empty: ConnectWise needs at least one of address_line1, city, "
                            "state, zip, country"));
    // A country is an address field, sent through the country lookup; unmapped, the account waits like for any lookup.
    QVERIFY2(reasonFor(s, Cw::Entity::Accounts, QStringLiteral("A4"))
                 .startsWith(QLatin1String("unmapped lookup value: country \"Atlantis\"")),
             qPrintable(reasonFor(s, Cw::Entity::Accounts, QStringLiteral("A4"))));

    const QString identifier = Cw::SyncIdentifier::make(QStringLiteral("Acme Trading"), QStringLiteral("A1"));
    const QJsonObject c = f.byKey(QStringLiteral("company/companies"), QStringLiteral("identifier"), identifier);
    QVERIFY(!c.isEmpty());
    QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Acme Trading"));
    const QJsonArray types = f.list(QStringLiteral("company/companies/types"));
    QCOMPARE(c.value(QStringLiteral("types")).toArray().first().toObject().value(QStringLiteral("id")).toInteger(),
             types.at(1).toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(QString::number(c.value(QStringLiteral("status")).toObject().value(QStringLiteral("id")).toInteger()),
             f.firstId(QStringLiteral("company/companies/statuses")));
    QCOMPARE(QString::number(c.value(QStringLiteral("currency")).toObject().value(QStringLiteral("id")).toInteger()),
             f.firstId(QStringLiteral("finance/currencies")));
    QCOMPARE(c.value(QStringLiteral("site")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Main"));
    QCOMPARE(c.value(QStringLiteral("addressLine1")).toString(), QStringLiteral("1 Main St"));
    QCOMPARE(c.value(QStringLiteral("city")).toString(), QStringLiteral("Springfield"));
    QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("IL"));
    QCOMPARE(c.value(QStringLiteral("zip")).toString(), QStringLiteral("62701"));
    QCOMPARE(c.value(QStringLiteral("phoneNumber")).toString(), QStringLiteral("5551234"));
    QCOMPARE(c.value(QStringLiteral("website")).toString(), QStringLiteral("https://acme.example"));
    const QJsonArray countries = f.list(QStringLiteral("company/countries"));
    QCOMPARE(c.value(QStringLiteral("country")).toObject().value(QStringLiteral("id")).toInteger(),
             countries.at(2).toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE entity = 'accounts'"
                                        " AND remote_id IS NOT NULL")),
             1);
}

void TestSyncPush::productsFieldByField()
{
    QVERIFY(f.addLocal(
        Cw::Entity::Products,
        {row({{"id", QStringLiteral("P1")},
              {"name", QStringLiteral("Router X")},
              {"description", QStringLiteral("A fast router")},
              {"product_type", QStringLiteral("L0")},
              {"unit_type", QStringLiteral("L1")},
              {"price", QStringLiteral("199.5")},
              {"cost", QStringLiteral("120")}}),
         row({{"id", QStringLiteral("P2")}, {"name", QStringLiteral("Cable")}, {"product_type", QStringLiteral("L0")}}),
         row({{"id", QStringLiteral("P3")}, {"name", QStringLiteral("No type")}})}));
    const Cw::SyncSummary s = f.sync(true, false, {Cw::Entity::Products});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Cw::Entity::Products).created, 2);
    QVERIFY(reasonFor(s, Cw::Entity::Products, QStringLiteral("P3")).startsWith(QLatin1String("invalid field")));

    const QJsonObject p = f.byKey(QStringLiteral("procurement/catalog"), QStringLiteral("identifier"),
                                  Cw::SyncIdentifier::make(QStringLiteral("Router X"), QStringLiteral("P1")));
    QVERIFY(!p.isEmpty());
    QCOMPARE(p.value(QStringLiteral("description")).toString(), QStringLiteral("Router X"));
    QCOMPARE(p.value(QStringLiteral("customerDescription")).toString(), QStringLiteral("A fast router"));
    QCOMPARE(p.value(QStringLiteral("price")).toDouble(), 199.5);
    QCOMPARE(p.value(QStringLiteral("cost")).toDouble(), 120.0);
    QVERIFY(!p.contains(QStringLiteral("billableOption"))); // a line's default (ProductItem), not a catalog member
    const QJsonArray subs = f.list(QStringLiteral("procurement/subcategories"));
    QCOMPARE(p.value(QStringLiteral("subcategory")).toObject().value(QStringLiteral("id")).toInteger(),
             subs.at(1).toObject().value(QStringLiteral("id")).toInteger()); // from the unit-type lookup
    QCOMPARE(QString::number(p.value(QStringLiteral("category")).toObject().value(QStringLiteral("id")).toInteger()),
             f.firstId(QStringLiteral("procurement/categories")));
    QCOMPARE(
        QString::number(p.value(QStringLiteral("unitOfMeasure")).toObject().value(QStringLiteral("id")).toInteger()),
        f.firstId(QStringLiteral("procurement/unitOfMeasures")));
    // Without a unit type the product_subcategory variable is used.
    const QJsonObject cable = f.byKey(QStringLiteral("procurement/catalog"), QStringLiteral("identifier"),
                                      Cw::SyncIdentifier::make(QStringLiteral("Cable"), QStringLiteral("P2")));
    QCOMPARE(
        QString::number(cable.value(QStringLiteral("subcategory")).toObject().value(QStringLiteral("id")).toInteger()),
        f.firstId(QStringLiteral("procurement/subcategories")));
}

void TestSyncPush::invoicesOrdersPayments()
{
    QVERIFY(f.addLocal(Cw::Entity::Invoices,
                       {row({{"id", QStringLiteral("I1")},
                             {"number", QStringLiteral("INV-T-1")},
                             {"account_id", QStringLiteral("A1")},
                             {"invoice_stage", QStringLiteral("L1")},
                             {"invoice_type", QStringLiteral("standard")},
                             {"currency", QStringLiteral("L0")},
                             {"date", QDate(2026, 3, 1)},
                             {"total", QStringLiteral("231.5")}}),
                        row({{"id", QStringLiteral("I2")},
                             {"number", QStringLiteral("INV-T-2")},
                             {"account_id", QStringLiteral("A2")},
                             {"invoice_type", QStringLiteral("standard")}})}));
    // Their lines: catalog items of the products pushed before (P1 Router X, P2 Cable).
    QVERIFY(f.addLocal(Cw::Entity::InvoiceLines,
                       {row({{"id", QStringLiteral("IL1")},
                             {"invoice_id", QStringLiteral("I1")},
                             {"product_id", QStringLiteral("P1")},
                             {"quantity", QStringLiteral("2")},
                             {"price", QStringLiteral("100")}}),
                        row({{"id", QStringLiteral("IL2")},
                             {"invoice_id", QStringLiteral("I1")},
                             {"product_id", QStringLiteral("P2")},
                             {"description", QStringLiteral("Patch cable, 2 m")},
                             {"quantity", QStringLiteral("3")},
                             {"price", QStringLiteral("10.5")}})}));
    QVERIFY(f.addLocal(Cw::Entity::OrderLines,
                       {row({{"id", QStringLiteral("OL1")},
                             {"order_id", QStringLiteral("O1")},
                             {"product_id", QStringLiteral("P1")},
                             {"quantity", QStringLiteral("1")},
                             {"price", QStringLiteral("150")}})}));
    QVERIFY(f.addLocal(Cw::Entity::Orders,
                       {row({{"id", QStringLiteral("O1")},
                             {"account_id", QStringLiteral("A1")},
                             {"order_stage", QStringLiteral("L0")},
                             {"total", QStringLiteral("150")},
                             {"description", QStringLiteral("First order")}}),
                        row({{"id", QStringLiteral("O2")},
                             {"account_id", QStringLiteral("A1")},
                             {"order_stage", QStringLiteral("L0")},
                             {"user_id", QStringLiteral("U7")}})}));
    // The owner of O2 is mapped to the second member: that member is O2's sales rep. O1 has no owner: the
    // sales-representative variable (the first member) is.
    const QJsonArray members = f.list(QStringLiteral("system/members"));
    QVERIFY(members.size() >= 2);
    const QString secondMember = QString::number(members.at(1).toObject().value(QStringLiteral("id")).toInteger());
    {
        Cw::ConnectorConfigRepository repository(*f.db);
        auto config = repository.load(f.instanceId);
        QVERIFY(config);
        Cw::UserMapping mapping;
        mapping.localUserId = QStringLiteral("U7");
        mapping.memberId = secondMember;
        mapping.memberIdentifier = members.at(1).toObject().value(QStringLiteral("identifier")).toString();
        mapping.confirmed = true;
        config->userMappings.append(mapping);
        QVERIFY(repository.replace(f.instanceId, *config));
    }
    QVERIFY(f.addLocal(Cw::Entity::Payments,
                       {row({{"id", QStringLiteral("Y1")},
                             {"invoice_id", QStringLiteral("I1")},
                             {"method", SyncFixture::creditCardMethod()},
                             {"amount", QStringLiteral("25.5")},
                             {"date", QDate(2026, 3, 5)}}),
                        row({{"id", QStringLiteral("Y2")},
                             {"invoice_id", QStringLiteral("I2")},
                             {"method", SyncFixture::bankDepositMethod()},
                             {"amount", QStringLiteral("10")}}),
                        row({{"id", QStringLiteral("Y3")},
                             {"invoice_id", QStringLiteral("I1")},
                             {"method", QStringLiteral("CASH")},
                             {"amount", QStringLiteral("5")}})}));
    const Cw::SyncSummary s = f.sync(true, false, {Cw::Entity::Invoices, Cw::Entity::Orders, Cw::Entity::Payments});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Cw::Entity::Invoices).created, 1);
    QVERIFY(
        reasonFor(s, Cw::Entity::Invoices, QStringLiteral("I2")).startsWith(QLatin1String("missing linked record")));
    QCOMPARE(s.pushCounts.value(Cw::Entity::InvoiceLines).created, 2);
    QCOMPARE(s.pushCounts.value(Cw::Entity::Orders).created, 2);
    QCOMPARE(s.pushCounts.value(Cw::Entity::OrderLines).created, 1);
    QCOMPARE(s.pushCounts.value(Cw::Entity::Payments).created, 1);
    QVERIFY(
        reasonFor(s, Cw::Entity::Payments, QStringLiteral("Y2")).startsWith(QLatin1String("missing linked record")));
    // Only payments made with one of the two local methods are pushed (pre-sync selection).
    QCOMPARE(reasonFor(s, Cw::Entity::Payments, QStringLiteral("Y3")),
             QStringLiteral("method CASH is neither the credit-card method nor the bank-deposit method "
                            "(credit_card_method_id: VISA, bank_deposit_method_id: WIRE); pick them with: variables "
                            "NAME --set credit_card_method_id=METHOD"));

    const QJsonObject company = f.byKey(QStringLiteral("company/companies"), QStringLiteral("identifier"),
                                        Cw::SyncIdentifier::make(QStringLiteral("Acme Trading"), QStringLiteral("A1")));
    const QJsonObject inv =
        f.byKey(QStringLiteral("finance/invoices"), QStringLiteral("invoiceNumber"), QStringLiteral("INV-T-1"));
    QVERIFY(!inv.isEmpty());
    QCOMPARE(inv.value(QStringLiteral("type")).toString(), QStringLiteral("Standard"));
    QCOMPARE(inv.value(QStringLiteral("company")).toObject().value(QStringLiteral("id")).toInteger(),
             company.value(QStringLiteral("id")).toInteger());
    const QJsonArray statuses = f.list(QStringLiteral("finance/billingStatuses"));
    QCOMPARE(inv.value(QStringLiteral("status")).toObject().value(QStringLiteral("id")).toInteger(),
             statuses.at(1).toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(inv.value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-01T00:00:00Z"));
    // Its lines are product items of its catalog items: ConnectWise's totals come from them, and the payment.
    QCOMPARE(inv.value(QStringLiteral("total")).toDouble(), 231.5);
    QCOMPARE(inv.value(QStringLiteral("balance")).toDouble(), 206.0);
    const QJsonArray items =
        f.list(QStringLiteral("procurement/products"),
               Cw::Conditions::equals(QStringLiteral("invoice/id"), inv.value(QStringLiteral("id")).toInteger()));
    QCOMPARE(items.size(), 2);
    const QJsonObject router = f.byKey(QStringLiteral("procurement/catalog"), QStringLiteral("identifier"),
                                       Cw::SyncIdentifier::make(QStringLiteral("Router X"), QStringLiteral("P1")));
    const QJsonObject line = items.first().toObject();
    QCOMPARE(line.value(QStringLiteral("integrationXRef")).toString(), QStringLiteral("invoice_lines:IL1"));
    QCOMPARE(line.value(QStringLiteral("catalogItem")).toObject().value(QStringLiteral("id")).toInteger(),
             router.value(QStringLiteral("id")).toInteger());
    QCOMPARE(line.value(QStringLiteral("quantity")).toDouble(), 2.0);
    QCOMPARE(line.value(QStringLiteral("price")).toDouble(), 100.0);
    QCOMPARE(line.value(QStringLiteral("billableOption")).toString(), QStringLiteral("Billable"));
    QCOMPARE(items.at(1).toObject().value(QStringLiteral("description")).toString(),
             QStringLiteral("Patch cable, 2 m"));

    const QJsonObject order = f.byKey(QStringLiteral("sales/orders"), QStringLiteral("poNumber"), QStringLiteral("O1"));
    QVERIFY(!order.isEmpty());
    QCOMPARE(order.value(QStringLiteral("company")).toObject().value(QStringLiteral("id")).toInteger(),
             company.value(QStringLiteral("id")).toInteger());
    QCOMPARE(
        QString::number(order.value(QStringLiteral("salesRep")).toObject().value(QStringLiteral("id")).toInteger()),
        f.firstId(QStringLiteral("system/members")));
    QCOMPARE(QString::number(order.value(QStringLiteral("status")).toObject().value(QStringLiteral("id")).toInteger()),
             f.firstId(QStringLiteral("sales/orders/statuses")));
    QCOMPARE(order.value(QStringLiteral("description")).toString(), QStringLiteral("First order"));
    QCOMPARE(order.value(QStringLiteral("total")).toDouble(), 150.0);
    QCOMPARE(order.value(QStringLiteral("productIds")).toArray().size(), 1);
    const QJsonObject owned = f.byKey(QStringLiteral("sales/orders"), QStringLiteral("poNumber"), QStringLiteral("O2"));
    QCOMPARE(
        QString::number(owned.value(QStringLiteral("salesRep")).toObject().value(QStringLiteral("id")).toInteger()),
        secondMember);

    const qint64 invoiceId = inv.value(QStringLiteral("id")).toInteger();
    const QJsonArray payments = f.list(QStringLiteral("finance/invoices/%1/payments").arg(invoiceId));
    QCOMPARE(payments.size(), 1);
    const QJsonObject pay = payments.first().toObject();
    QCOMPARE(pay.value(QStringLiteral("amount")).toDouble(), 25.5);
    QCOMPARE(pay.value(QStringLiteral("invoice")).toObject().value(QStringLiteral("id")).toInteger(), invoiceId);
    QCOMPARE(pay.value(QStringLiteral("paymentDate")).toString(), QStringLiteral("2026-03-05T00:00:00Z"));
}

void TestSyncPush::rerunIsIdempotentAndPatchesChanges()
{
    const int companies = f.list(QStringLiteral("company/companies")).size();
    const int catalog = f.list(QStringLiteral("procurement/catalog")).size();
    const int items = f.list(QStringLiteral("procurement/products")).size();
    Cw::SyncSummary s = f.sync(true, false);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().created, 0);
    QCOMPARE(s.totals().updated, 0);
    QVERIFY(s.totals().unchanged >= 9);
    QCOMPARE(s.pushCounts.value(Cw::Entity::InvoiceLines).unchanged, 2);
    QCOMPARE(s.pushCounts.value(Cw::Entity::OrderLines).unchanged, 1);
    QCOMPARE(f.list(QStringLiteral("company/companies")).size(), companies);
    QCOMPARE(f.list(QStringLiteral("procurement/catalog")).size(), catalog);
    QCOMPARE(f.list(QStringLiteral("procurement/products")).size(), items);

    // A changed name is PATCHed (only that field), on the same record.
    QVERIFY(f.addLocal(Cw::Entity::Accounts,
                       {row({{"id", QStringLiteral("A1")},
                             {"name", QStringLiteral("Acme Trading Group")},
                             {"account_type", QStringLiteral("L1")},
                             {"currency", QStringLiteral("L0")},
                             {"phone", QStringLiteral("5551234")},
                             {"website", QStringLiteral("https://acme.example")},
                             {"address_line1", QStringLiteral("1 Main St")},
                             {"city", QStringLiteral("Springfield")},
                             {"state", QStringLiteral("IL")},
                             {"zip", QStringLiteral("62701")},
                             {"country", QStringLiteral("L2")}})}));
    s = f.sync(true, false, {Cw::Entity::Accounts});
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).updated, 1);
    const QJsonObject c = f.byKey(QStringLiteral("company/companies"), QStringLiteral("identifier"),
                                  Cw::SyncIdentifier::make(QStringLiteral("Acme Trading"), QStringLiteral("A1")));
    QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Acme Trading Group"));
    QCOMPARE(f.list(QStringLiteral("company/companies")).size(), companies);
    // History: every real run is recorded with its counts.
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'")) >= 5);
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_outcomes WHERE action = 'updated'")) >= 1);
}

void TestSyncPush::missingVariableBlocksEntity()
{
    Cw::ConnectorConfigRepository repository(*f.db);
    const auto variables = repository.serverVariables(f.instanceId);
    QVERIFY(repository.clearServerVariable(f.instanceId, QStringLiteral("import_account_status")));
    const Cw::SyncSummary s = f.sync(true, false, {Cw::Entity::Accounts}, true);
    QVERIFY(
        s.blocked.value({Cw::Direction::Push, Cw::Entity::Accounts}).contains(QLatin1String("import_account_status")));
    QCOMPARE(s.totals().total(), 0);
    // A stored id that ConnectWise no longer has blocks the entity too, with the fix.
    QVERIFY(repository.setServerVariable(
        f.instanceId, {QStringLiteral("import_account_status"), QStringLiteral("987654"), QStringLiteral("Gone")}));
    const Cw::SyncSummary stale = f.sync(true, false, {Cw::Entity::Accounts}, true);
    QVERIFY(
        stale.blocked.value({Cw::Direction::Push, Cw::Entity::Accounts}).startsWith(QLatin1String("stale variable")));
    QCOMPARE(stale.totals().total(), 0);
    for (const Cw::ServerVariable& v : variables) {
        QVERIFY(repository.setServerVariable(f.instanceId, v));
    }
}

void TestSyncPush::lostCreateIsReconciled()
{
    auto remoteCount = [this](const QString& name, const QString& localId) {
        return f
            .list(QStringLiteral("company/companies"),
                  Cw::Conditions::equals(QStringLiteral("identifier"), Cw::SyncIdentifier::make(name, localId)))
            .size();
    };
    QVERIFY(f.addLocal(Cw::Entity::Accounts,
                       {row({{"id", QStringLiteral("A9")},
                             {"name", QStringLiteral("Lost Reply")},
                             {"city", QStringLiteral("Tampa")}})})); // ConnectWise needs an address
    // Dry run: would create, writes nothing.
    Cw::SyncSummary s = f.sync(true, false, {Cw::Entity::Accounts}, true);
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).created, 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id = 'A9'")), 0);
    QCOMPARE(remoteCount(QStringLiteral("Lost Reply"), QStringLiteral("A9")), 0);

    // Every 2nd reply cut after half its body: the count check passes, the POST creates the company but its
    // answer is lost; the look-up by identifier finds it and links it instead of creating it again.
    QVERIFY(f.setFaults({{QStringLiteral("truncateEvery"), 2}}));
    s = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY(f.setFaults({}));
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).created, 1);
    QCOMPARE(remoteCount(QStringLiteral("Lost Reply"), QStringLiteral("A9")), 1);
    QCOMPARE(
        f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id = 'A9' AND remote_id IS NOT NULL")),
        1);

    // Every 2nd connection closed unanswered: the POST never reached the service, the look-up says so, the
    // second POST is dropped too: failed, no link, nothing created. The rerun creates it once.
    QVERIFY(f.addLocal(
        Cw::Entity::Accounts,
        {row(
            {{"id", QStringLiteral("A10")}, {"name", QStringLiteral("Dropped")}, {"city", QStringLiteral("Tampa")}})}));
    QVERIFY(f.setFaults({{QStringLiteral("dropEvery"), 2}}));
    s = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY(f.setFaults({}));
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).failed, 1);
    QCOMPARE(remoteCount(QStringLiteral("Dropped"), QStringLiteral("A10")), 0);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id = 'A10'")), 0);
    s = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(remoteCount(QStringLiteral("Dropped"), QStringLiteral("A10")), 1);

    // A process killed between its POST and the answer leaves a pending link (no ConnectWise id): the next
    // run looks the identifier up and adopts the company instead of creating a second one.
    QVERIFY(f.addLocal(
        Cw::Entity::Accounts,
        {row({{"id", QStringLiteral("A11")}, {"name", QStringLiteral("Killed")}, {"city", QStringLiteral("Tampa")}})}));
    const QString killed = Cw::SyncIdentifier::make(QStringLiteral("Killed"), QStringLiteral("A11"));
    QJsonObject body {{QStringLiteral("identifier"), killed},
                      {QStringLiteral("name"), QStringLiteral("Killed")},
                      {QStringLiteral("site"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Main")}}},
                      {QStringLiteral("city"), QStringLiteral("Tampa")}};
    QVERIFY(f.call(Cw::ApiRequest::post(QStringLiteral("company/companies"), QJsonDocument(body))).ok());
    QVERIFY(f.db->exec(QStringLiteral("INSERT INTO sync_links (instance_id, entity, local_id, remote_ref, pushed_hash,"
                                      " pushed_body, updated_at) VALUES (?, 'accounts', 'A11', ?, 'x', ?, 0)"),
                       {f.instanceId, killed, QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))}));
    s = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(remoteCount(QStringLiteral("Killed"), QStringLiteral("A11")), 1);
    QCOMPARE(
        f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id = 'A11' AND remote_id IS NOT NULL")),
        1);
}

void TestSyncPush::identifierIsDeterministicAndBounded()
{
    const QString a =
        Cw::SyncIdentifier::make(QStringLiteral("Müller & Söhne GmbH und Co KG Berlin"), QStringLiteral("17"));
    QCOMPARE(a, Cw::SyncIdentifier::make(QStringLiteral("Müller & Söhne GmbH und Co KG Berlin"), QStringLiteral("17")));
    QVERIFY(a.size() <= 25);
    QVERIFY(a.startsWith(QLatin1String("MULLERSOHNEGMBHU")));
    QVERIFY(a !=
            Cw::SyncIdentifier::make(QStringLiteral("Müller & Söhne GmbH und Co KG Berlin"), QStringLiteral("18")));
    QVERIFY(a !=
            Cw::SyncIdentifier::make(QStringLiteral("Müller & Söhne GmbH und Co KG Berlin"), QStringLiteral("17"), 1));
}

QTEST_GUILESS_MAIN(TestSyncPush)
#include "tst_syncpush.moc"
