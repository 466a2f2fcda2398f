// Pull through cwconnector-sim: field by field, incremental by lastUpdated with --full, updates of linked
// invoices and orders, and the same end state with the simulator's faults on as without.
#include "tests/support/SyncFixture.h"

#include <QSet>
#include <QTest>

using CwTest::SyncFixture;

namespace {

QString lookupLocal(const QJsonArray& list, qint64 id)
{
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).toObject().value(QStringLiteral("id")).toInteger() == id) {
            return QStringLiteral("L%1").arg(i);
        }
    }
    return {};
}

// Every local table the sync writes, as text, in a stable order (ids of remote records by identifier).
QString dump(SyncFixture& f)
{
    QString out;
    for (const QString& sql :
         {QStringLiteral("SELECT id, name, account_type, currency, phone, website, address_line1, city, state, zip,"
                         " country FROM accounts ORDER BY id"),
          QStringLiteral(
              "SELECT id, name, description, product_type, unit_type, price, cost FROM products ORDER BY id"),
          QStringLiteral("SELECT entity, local_id, remote_ref, pushed_hash, pulled_values FROM sync_links"
                         " WHERE remote_id IS NOT NULL ORDER BY entity, local_id")}) {
        out += f.rowsAsText(sql);
    }
    return out;
}

} // namespace

class TestSyncPull final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void accountsAndProductsFieldByField();
    void incrementalAndFull();
    void invoicesAndOrdersUpdateOnly();
    void pulledRecordEditedLocallyPatchesOnlyThatField();
    void faultsEndInTheSameState();
    void pagesComeOverTheRightConnection();

    void cleanup() { QVERIFY2(f.modelViolations().isEmpty(), qPrintable(f.modelViolations())); }

private:
    SyncFixture f;
};

void TestSyncPull::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("40")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

void TestSyncPull::accountsAndProductsFieldByField()
{
    const Cw::SyncSummary s = f.sync(false, true, {Cw::Entity::Accounts, Cw::Entity::Products}, false, 7);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    const QJsonArray companies = f.list(QStringLiteral("company/companies"));
    const QJsonArray catalog = f.list(QStringLiteral("procurement/catalog"));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Accounts).created, companies.size());
    QCOMPARE(s.pullCounts.value(Cw::Entity::Products).created, catalog.size());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), companies.size());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM products")), catalog.size());

    const QJsonObject c = companies.at(3).toObject();
    const qint64 id = c.value(QStringLiteral("id")).toInteger();
    const auto local = Cw::LocalRecordStore(*f.db).find(Cw::LocalSchema::entity(Cw::Entity::Accounts),
                                                        QStringLiteral("cw-%1").arg(id));
    QVERIFY(local);
    const QVariantHash& v = local->values;
    QCOMPARE(v.value(QStringLiteral("name")).toString(), c.value(QStringLiteral("name")).toString());
    QCOMPARE(v.value(QStringLiteral("phone")).toString(), c.value(QStringLiteral("phoneNumber")).toString());
    QCOMPARE(v.value(QStringLiteral("website")).toString(), c.value(QStringLiteral("website")).toString());
    QCOMPARE(v.value(QStringLiteral("address_line1")).toString(), c.value(QStringLiteral("addressLine1")).toString());
    QCOMPARE(v.value(QStringLiteral("city")).toString(), c.value(QStringLiteral("city")).toString());
    QCOMPARE(v.value(QStringLiteral("zip")).toString(), c.value(QStringLiteral("zip")).toString());
    // The country comes back through the country lookup (the fixture maps the n-th country to "L<n>").
    QCOMPARE(v.value(QStringLiteral("country")).toString(),
             lookupLocal(f.list(QStringLiteral("company/countries")),
                         c.value(QStringLiteral("country")).toObject().value(QStringLiteral("id")).toInteger()));
    QVERIFY(!v.value(QStringLiteral("country")).toString().isEmpty());
    const QJsonArray types = c.value(QStringLiteral("types")).toArray();
    QVERIFY(!types.isEmpty());
    QCOMPARE(v.value(QStringLiteral("account_type")).toString(),
             lookupLocal(f.list(QStringLiteral("company/companies/types")),
                         types.first().toObject().value(QStringLiteral("id")).toInteger()));

    const QJsonObject p = catalog.at(5).toObject();
    const auto product =
        Cw::LocalRecordStore(*f.db).find(Cw::LocalSchema::entity(Cw::Entity::Products),
                                         QStringLiteral("cw-%1").arg(p.value(QStringLiteral("id")).toInteger()));
    QVERIFY(product);
    QCOMPARE(product->values.value(QStringLiteral("name")).toString(),
             p.value(QStringLiteral("description")).toString());
    QCOMPARE(product->values.value(QStringLiteral("product_type")).toString(),
             lookupLocal(f.list(QStringLiteral("procurement/types")),
                         p.value(QStringLiteral("type")).toObject().value(QStringLiteral("id")).toInteger()));
    QCOMPARE(product->values.value(QStringLiteral("price")).toString(),
             Cw::LocalColumn::canonicalDecimal(QString::number(p.value(QStringLiteral("price")).toDouble(), 'f', 4)));

    // The pulled values of list columns are offered in the value lists (lookups), once each, across pages.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM value_lists WHERE list = 'account_type'")),
             f.countRows(QStringLiteral("SELECT COUNT(DISTINCT account_type) FROM accounts")));
    QVERIFY(f.countRows(QStringLiteral("SELECT COUNT(DISTINCT account_type) FROM accounts")) >= 2);

    // Pulled records are linked: a push right after sends nothing back.
    const Cw::SyncSummary echo = f.sync(true, false, {Cw::Entity::Accounts, Cw::Entity::Products});
    QVERIFY2(echo.ok(), qPrintable(echo.fatalError));
    QCOMPARE(echo.totals().created + echo.totals().updated, 0);
    QCOMPARE(f.list(QStringLiteral("company/companies")).size(), companies.size());
}

void TestSyncPull::incrementalAndFull()
{
    // Nothing changed since the high-water mark: at most the records of its last second come back, unchanged.
    Cw::SyncSummary s = f.sync(false, true, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Accounts).created + s.pullCounts.value(Cw::Entity::Accounts).updated, 0);

    const QJsonArray companies = f.list(QStringLiteral("company/companies"));
    const qint64 id = companies.at(7).toObject().value(QStringLiteral("id")).toInteger();
    QJsonArray ops {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                 {QStringLiteral("path"), QStringLiteral("name")},
                                 {QStringLiteral("value"), QStringLiteral("Renamed Remotely")}}};
    QVERIFY(f.call(Cw::ApiRequest::patch(QStringLiteral("company/companies/%1").arg(id), QJsonDocument(ops))).ok());
    s = f.sync(false, true, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Accounts).updated, 1);
    QVERIFY(s.pullCounts.value(Cw::Entity::Accounts).total() < companies.size());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE name = 'Renamed Remotely' AND id = ?"),
                         {QStringLiteral("cw-%1").arg(id)}),
             1);

    Cw::SyncEngine engine(*f.db, f.client.get());
    Cw::SyncRequest full;
    full.instanceId = f.instanceId;
    full.push = false;
    full.entities = {Cw::Entity::Accounts};
    full.full = true;
    s = engine.run(full);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Accounts).unchanged, companies.size());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM accounts")), companies.size());
}

void TestSyncPull::invoicesAndOrdersUpdateOnly()
{
    const QJsonArray companies = f.list(QStringLiteral("company/companies"));
    const QString account =
        QStringLiteral("cw-%1").arg(companies.first().toObject().value(QStringLiteral("id")).toInteger());
    QVariantHash inv {{QStringLiteral("id"), QStringLiteral("PI1")},
                      {QStringLiteral("number"), QStringLiteral("PULL-1")},
                      {QStringLiteral("account_id"), account},
                      {QStringLiteral("invoice_type"), QStringLiteral("standard")},
                      {QStringLiteral("invoice_stage"), QStringLiteral("L0")}};
    QVariantHash order {{QStringLiteral("id"), QStringLiteral("PO1")},
                        {QStringLiteral("account_id"), account},
                        {QStringLiteral("order_stage"), QStringLiteral("L0")}};
    QVERIFY(f.addLocal(Cw::Entity::Invoices, {inv}));
    QVERIFY(f.addLocal(Cw::Entity::Orders, {order}));
    Cw::SyncSummary s = f.sync(true, false, {Cw::Entity::Invoices, Cw::Entity::Orders});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().created, 2);

    const QJsonObject remote = f.list(QStringLiteral("finance/invoices"),
                                      Cw::Conditions::equals(QStringLiteral("invoiceNumber"), QStringLiteral("PULL-1")))
                                   .first()
                                   .toObject();
    const QJsonArray billing = f.list(QStringLiteral("finance/billingStatuses"));
    QJsonArray ops {
        QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                     {QStringLiteral("path"), QStringLiteral("status")},
                     {QStringLiteral("value"),
                      QJsonObject {{QStringLiteral("id"), billing.at(2).toObject().value(QStringLiteral("id"))}}}}};
    QVERIFY(f.call(Cw::ApiRequest::patch(
                       QStringLiteral("finance/invoices/%1").arg(remote.value(QStringLiteral("id")).toInteger()),
                       QJsonDocument(ops)))
                .ok());
    const int invoicesBefore = f.countRows(QStringLiteral("SELECT COUNT(*) FROM invoices"));
    s = f.sync(false, true, {Cw::Entity::Invoices, Cw::Entity::Orders});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Invoices).updated, 1);
    QCOMPARE(s.pullCounts.value(Cw::Entity::Invoices).created, 0);
    QCOMPARE(s.pullCounts.value(Cw::Entity::Orders).created, 0);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM invoices")), invoicesBefore); // never created locally
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM invoices WHERE id = 'PI1' AND invoice_stage = 'L2'")), 1);
    // ... with ConnectWise's balance: 0 for an invoice without lines or payments.
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM invoices WHERE id = 'PI1' AND balance = 0")), 1);
    // An invoice pulled again after a payment: the balance follows ConnectWise's.
    QVERIFY(f.addLocal(Cw::Entity::Products,
                       {{{QStringLiteral("id"), QStringLiteral("PP1")},
                         {QStringLiteral("name"), QStringLiteral("Pulled Product")},
                         {QStringLiteral("product_type"), QStringLiteral("L0")}}}));
    QVERIFY(f.addLocal(Cw::Entity::InvoiceLines,
                       {{{QStringLiteral("id"), QStringLiteral("PL1")},
                         {QStringLiteral("invoice_id"), QStringLiteral("PI1")},
                         {QStringLiteral("product_id"), QStringLiteral("PP1")},
                         {QStringLiteral("quantity"), QStringLiteral("3")},
                         {QStringLiteral("price"), QStringLiteral("40")}}}));
    QVERIFY(f.addLocal(Cw::Entity::Payments,
                       {{{QStringLiteral("id"), QStringLiteral("PY1")},
                         {QStringLiteral("invoice_id"), QStringLiteral("PI1")},
                         {QStringLiteral("method"), SyncFixture::creditCardMethod()},
                         {QStringLiteral("amount"), QStringLiteral("45.5")},
                         {QStringLiteral("date"), QDate(2026, 4, 1)}}}));
    s = f.sync(true, true, {Cw::Entity::Products, Cw::Entity::Invoices, Cw::Entity::Payments});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Cw::Entity::InvoiceLines).created, 1);
    QCOMPARE(s.pushCounts.value(Cw::Entity::Payments).created, 1);
    QCOMPARE(s.pullCounts.value(Cw::Entity::Invoices).updated, 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM invoices WHERE id = 'PI1' AND balance = 74.5")), 1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM invoices WHERE id = 'PI1' AND invoice_stage = 'L2'")), 1);
    // What the pull wrote is what ConnectWise has: the next push sends nothing, not even the lines.
    s = f.sync(true, false, {Cw::Entity::Products, Cw::Entity::Invoices, Cw::Entity::Payments});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().created + s.totals().updated, 0);
}

void TestSyncPull::pulledRecordEditedLocallyPatchesOnlyThatField()
{
    Cw::SyncSummary s = f.sync(false, true, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    const QJsonArray companies = f.list(QStringLiteral("company/companies"));
    const QJsonObject before = companies.at(11).toObject();
    const qint64 id = before.value(QStringLiteral("id")).toInteger();
    const QString localId = QStringLiteral("cw-%1").arg(id);

    // After the pull, someone changes the city in ConnectWise, and the local system renames the account.
    QJsonArray ops {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                 {QStringLiteral("path"), QStringLiteral("city")},
                                 {QStringLiteral("value"), QStringLiteral("Changed In ConnectWise")}}};
    QVERIFY(f.call(Cw::ApiRequest::patch(QStringLiteral("company/companies/%1").arg(id), QJsonDocument(ops))).ok());
    const Cw::LocalEntity accounts = Cw::LocalSchema::entity(Cw::Entity::Accounts);
    auto local = Cw::LocalRecordStore(*f.db).find(accounts, localId);
    QVERIFY(local);
    QVariantHash edited = local->values;
    edited.insert(QStringLiteral("name"), QStringLiteral("Renamed Locally"));
    QVERIFY2(f.addLocal(Cw::Entity::Accounts, {edited}), qPrintable(f.error));

    // The push sends only the field changed locally since the pull: the name. The city changed in
    // ConnectWise is kept, and no other pulled record is sent.
    s = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).updated, 1);
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).created, 0);
    const QJsonObject after = f.call(Cw::ApiRequest::get(QStringLiteral("company/companies/%1").arg(id))).object();
    QCOMPARE(after.value(QStringLiteral("name")).toString(), QStringLiteral("Renamed Locally"));
    QCOMPARE(after.value(QStringLiteral("city")).toString(), QStringLiteral("Changed In ConnectWise"));
    QCOMPARE(after.value(QStringLiteral("phoneNumber")), before.value(QStringLiteral("phoneNumber")));

    // Sent once: the next push has nothing to send.
    s = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Cw::Entity::Accounts).updated, 0);
}

void TestSyncPull::faultsEndInTheSameState()
{
    auto scenario = [](const QJsonObject& faults, QString* state, QString* error) {
        SyncFixture g;
        if (!g.start(
                {QStringLiteral("--records"), QStringLiteral("150"), QStringLiteral("--seed"), QStringLiteral("7")}) ||
            !g.configure()) {
            *error = g.error;
            return false;
        }
        QList<QVariantHash> accounts;
        QList<QVariantHash> products;
        for (int i = 0; i < 150; ++i) {
            accounts.append({{QStringLiteral("id"), QStringLiteral("LA%1").arg(i)},
                             {QStringLiteral("name"), QStringLiteral("Local Account %1").arg(i)},
                             {QStringLiteral("account_type"), QStringLiteral("L%1").arg(i % 2)},
                             {QStringLiteral("city"), QStringLiteral("Town %1").arg(i)}});
            products.append({{QStringLiteral("id"), QStringLiteral("LP%1").arg(i)},
                             {QStringLiteral("name"), QStringLiteral("Local Product %1").arg(i)},
                             {QStringLiteral("product_type"), QStringLiteral("L0")},
                             {QStringLiteral("price"), QStringLiteral("%1.25").arg(i)}});
        }
        if (!g.addLocal(Cw::Entity::Accounts, accounts) || !g.addLocal(Cw::Entity::Products, products) ||
            !g.setFaults(faults)) {
            *error = QStringLiteral("set-up failed");
            return false;
        }
        const QList<Cw::Entity> entities {Cw::Entity::Accounts, Cw::Entity::Products};
        bool ok = false;
        for (int attempt = 0; attempt < 12 && !ok; ++attempt) {
            ok = g.sync(true, true, entities, false, 50).ok();
        }
        g.setFaults({});
        if (!ok) {
            *error = QStringLiteral("no clean run after 12 attempts");
            return false;
        }
        if (!g.modelViolations().isEmpty()) {
            *error = g.modelViolations();
            return false;
        }
        // No duplicates remotely: every local account is exactly one company.
        const int remote = g.list(QStringLiteral("company/companies")).size();
        *state = dump(g) + QStringLiteral("remote companies %1\n").arg(remote);
        return true;
    };
    QString clean;
    QString faulty;
    QString error;
    QVERIFY2(scenario({}, &clean, &error), qPrintable(error));
    QVERIFY2(scenario({{QStringLiteral("failEvery"), 10},
                       {QStringLiteral("truncateEvery"), 13},
                       {QStringLiteral("rateLimit"), 100},
                       {QStringLiteral("rateWindowMs"), 1000},
                       {QStringLiteral("retryAfter"), 1}},
                      &faulty, &error),
             qPrintable(error));
    QVERIFY(clean.contains(QLatin1String("remote companies 300")));
    QCOMPARE(faulty, clean);
}

void TestSyncPull::pagesComeOverTheRightConnection()
{
    // The first page comes over the connection already open, so a pull that fits in it is one request. More pages
    // come through the pull's network thread (connections of its own: storing one page does not hold up the next),
    // split into id ranges side by side once the total and the last id are known.
    SyncFixture g;
    QVERIFY2(g.start({QStringLiteral("--records"), QStringLiteral("40")}) && g.configure(), qPrintable(g.error));
    struct Requests
    {
        QList<int> countOn; // connection of each /count request (the total, when more pages follow the first)
        QList<int> pagesOn; // connection of each list page
        int lastIdAsked = 0;
    };
    const auto since = [](SyncFixture& fixture, qsizetype from) {
        Requests out;
        const QJsonArray log = fixture.simControl(QStringLiteral("requests")).array();
        for (qsizetype i = from; i < log.size(); ++i) {
            const QJsonObject e = log.at(i).toObject();
            const QString target = e.value(QStringLiteral("target")).toString();
            if (!target.contains(QStringLiteral("/company/companies")) || target.contains(QStringLiteral("/types"))) {
                continue;
            }
            if (target.contains(QStringLiteral("desc"))) { // the last id (orderBy=id desc), asked beside the count
                ++out.lastIdAsked;
                continue;
            }
            (target.contains(QStringLiteral("/count")) ? out.countOn : out.pagesOn)
                .append(e.value(QStringLiteral("connection")).toInt());
        }
        return out;
    };
    const QList<Cw::Entity> accounts {Cw::Entity::Accounts};
    qsizetype from = g.simControl(QStringLiteral("requests")).array().size();
    Cw::SyncSummary s = g.sync(false, true, accounts, false, 7);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Accounts).created, 40);
    Requests r = since(g, from);
    // No access check of its own (the first page is it): the first page, then the total that splits the rest
    // into ranges, over the same connection.
    QCOMPARE(r.countOn.size(), 1);
    const int open = r.pagesOn.first();
    QVERIFY(open > 0);
    QCOMPARE(r.countOn.first(), open);
    // The rest (33 records, 5 pages) in two id ranges side by side on the network thread, each on a connection
    // of its own, once the last id is known.
    QCOMPARE(r.lastIdAsked, 1);
    QSet<int> rangeConnections;
    int onOpen = 0;
    for (qsizetype i = 0; i < r.pagesOn.size(); ++i) {
        if (r.pagesOn.at(i) == open) {
            ++onOpen;
        } else {
            rangeConnections.insert(r.pagesOn.at(i));
        }
    }
    QCOMPARE(onOpen, 1);
    QVERIFY2(rangeConnections.size() >= 2, qPrintable(QString::number(rangeConnections.size())));
    QVERIFY(r.pagesOn.size() - onOpen >= 5);

    // One company changed remotely: one short page over the open connection, and no total asked.
    const qint64 id =
        g.list(QStringLiteral("company/companies")).at(3).toObject().value(QStringLiteral("id")).toInteger();
    const QJsonArray ops {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                       {QStringLiteral("path"), QStringLiteral("city")},
                                       {QStringLiteral("value"), QStringLiteral("Elsewhere")}}};
    QVERIFY(g.call(Cw::ApiRequest::patch(QStringLiteral("company/companies/%1").arg(id), QJsonDocument(ops))).ok());
    from = g.simControl(QStringLiteral("requests")).array().size();
    s = g.sync(false, true, accounts, false, 7);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Accounts).updated, 1);
    r = since(g, from);
    QCOMPARE(r.countOn.size(), 0); // one request in all: the page is the access check too
    QCOMPARE(r.pagesOn.size(), 1);
    QCOMPARE(r.pagesOn.first(), open);

    // Nothing in ConnectWise at all: one empty page, and the pull completes.
    SyncFixture empty;
    QVERIFY2(empty.start({QStringLiteral("--records"), QStringLiteral("0")}) && empty.configure(),
             qPrintable(empty.error));
    from = empty.simControl(QStringLiteral("requests")).array().size();
    s = empty.sync(false, true, accounts, false, 7);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pullCounts.value(Cw::Entity::Accounts).created, 0);
    r = since(empty, from);
    QCOMPARE(r.countOn.size(), 0);
    QCOMPARE(r.pagesOn.size(), 1);
    QCOMPARE(empty.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_state WHERE entity = 'accounts' AND"
                                            " resume_after_id IS NULL")),
             1);
}

QTEST_GUILESS_MAIN(TestSyncPull)
#include "tst_syncpull.moc"
