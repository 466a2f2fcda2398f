// Invoice and order lines pushed as ConnectWise product items through cwconnector-sim (issue 14): every entity
// pushed, ConnectWise's totals and balances from the lines and payments, a rerun that writes nothing, changed and
// deleted lines, notes on the parent (lines left out, a total that differs), dry runs, a lost create, blocked lines.
#include "core/sync/SyncIdentifier.h"
#include "tests/support/SyncFixture.h"

#include <QTest>

using Cw::Entity;
using Cw::SyncOutcome;
using CwTest::row;
using CwTest::SyncFixture;

namespace {

QVariantHash line(const char* id, const char* parentColumn, const char* parent, const char* product,
                  const char* quantity, const char* price)
{
    return row({{"id", QLatin1String(id)},
                {parentColumn, QLatin1String(parent)},
                {"product_id", QLatin1String(product)},
                {"quantity", QLatin1String(quantity)},
                {"price", QLatin1String(price)}});
}

QVariantHash invoice(const char* id, const char* total)
{
    return row({{"id", QLatin1String(id)},
                {"number", QStringLiteral("LN-%1").arg(QLatin1String(id))},
                {"account_id", QStringLiteral("A1")},
                {"invoice_type", QStringLiteral("standard")},
                {"date", QDate(2026, 5, 1)},
                {"total", QLatin1String(total)}});
}

QVariantHash payment(const char* id, const char* invoiceId, const QString& method, const char* amount)
{
    return row({{"id", QLatin1String(id)},
                {"invoice_id", QLatin1String(invoiceId)},
                {"method", method},
                {"amount", QLatin1String(amount)},
                {"date", QDate(2026, 5, 3)}});
}

bool isWrite(const QJsonObject& entry)
{
    const QString method = entry.value(QStringLiteral("method")).toString();
    return method != QLatin1String("GET") &&
        !entry.value(QStringLiteral("target")).toString().contains(QLatin1String("/_sim/"));
}

} // namespace

class TestSyncLines final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { QVERIFY2(f.modelViolations().isEmpty(), qPrintable(f.modelViolations())); }
    void everyEntityPushedThenRerunWritesNothing();
    void changedAndDeletedLinesArePatchedAndRemoved();
    void dryRunPreviewsTheLinesOfNewInvoices();
    void dryRunPreviewsInvoicesOfNewAccounts();
    void paymentLargerThanTheBalanceFails();
    void lostLineCreateIsAdoptedNotDuplicated();
    void linesWithoutTheirVariableAreBlocked();

private:
    QJsonObject invoiceOf(const char* id);
    QJsonArray itemsOf(const QString& parentField, qint64 parentId);
    QString historyReason(Entity entity, const QString& localId);
    QJsonArray requests() { return CwTest::simRequests(f.sim.baseUrl(), QString()); }
    SyncFixture f;
};

void TestSyncLines::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("3")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

QJsonObject TestSyncLines::invoiceOf(const char* id)
{
    return f.byKey(QStringLiteral("finance/invoices"), QStringLiteral("invoiceNumber"),
                   QStringLiteral("LN-%1").arg(QLatin1String(id)));
}

QJsonArray TestSyncLines::itemsOf(const QString& parentField, qint64 parentId)
{
    return f.list(QStringLiteral("procurement/products"),
                  Cw::Conditions::equals(parentField + QStringLiteral("/id"), parentId));
}

QString TestSyncLines::historyReason(Entity entity, const QString& localId)
{
    QSqlQuery q(f.db->connection());
    f.db->exec(QStringLiteral("SELECT reason FROM sync_outcomes WHERE entity = ? AND local_id = ?"
                              " AND run_id = (SELECT MAX(id) FROM sync_runs)"),
               {Cw::nameOf(entity), localId}, nullptr, &q);
    return q.next() ? q.value(0).toString() : QString();
}

void TestSyncLines::everyEntityPushedThenRerunWritesNothing()
{
    QVERIFY(f.addLocal(Entity::Accounts,
                       {row({{"id", QStringLiteral("A1")},
                             {"name", QStringLiteral("Lines Ltd")},
                             {"city", QStringLiteral("Leeds")},
                             {"country", QStringLiteral("L2")}})}));
    QVERIFY(f.addLocal(Entity::Products,
                       {row({{"id", QStringLiteral("P1")},
                             {"name", QStringLiteral("Switch")},
                             {"product_type", QStringLiteral("L0")},
                             {"price", QStringLiteral("50")}}),
                        row({{"id", QStringLiteral("P2")},
                             {"name", QStringLiteral("Cable")},
                             {"product_type", QStringLiteral("L0")},
                             {"price", QStringLiteral("20")}}),
                        row({{"id", QStringLiteral("P3")}, {"name", QStringLiteral("Untyped")}})})); // never linked
    QVERIFY(f.addLocal(Entity::Invoices, {invoice("I1", "120"), invoice("I2", "90"), invoice("I3", "50")}));
    QVERIFY(f.addLocal(
        Entity::InvoiceLines,
        {line("I1-1", "invoice_id", "I1", "P1", "2", "50"), line("I1-2", "invoice_id", "I1", "P2", "1", "20"),
         line("I2-1", "invoice_id", "I2", "P2", "5", "20"), line("I3-1", "invoice_id", "I3", "P1", "1", "50"),
         line("I3-2", "invoice_id", "I3", "P3", "4", "10"), line("IX-1", "invoice_id", "IX", "P1", "1", "1")}));
    QVERIFY(f.addLocal(Entity::Orders,
                       {row({{"id", QStringLiteral("O1")},
                             {"account_id", QStringLiteral("A1")},
                             {"order_stage", QStringLiteral("L0")},
                             {"total", QStringLiteral("170")}})}));
    QVERIFY(
        f.addLocal(Entity::OrderLines,
                   {line("O1-1", "order_id", "O1", "P1", "3", "50"), line("O1-2", "order_id", "O1", "P2", "1", "20")}));
    QVERIFY(f.addLocal(Entity::Payments,
                       {payment("Y1", "I1", SyncFixture::creditCardMethod(), "20"),
                        payment("Y2", "I2", SyncFixture::bankDepositMethod(), "30")}));

    const Cw::SyncSummary s = f.sync(true, false);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Entity::Invoices).created, 3);
    QCOMPARE(s.pushCounts.value(Entity::InvoiceLines).created, 4);
    QCOMPARE(s.pushCounts.value(Entity::InvoiceLines).skipped, 2);
    QCOMPARE(s.pushCounts.value(Entity::OrderLines).created, 2);
    QCOMPARE(s.pushCounts.value(Entity::Payments).created, 2);

    // ConnectWise's totals come from the lines; the balances from the payments.
    QCOMPARE(invoiceOf("I1").value(QStringLiteral("total")).toDouble(), 120.0);
    QCOMPARE(invoiceOf("I1").value(QStringLiteral("balance")).toDouble(), 100.0);
    QCOMPARE(invoiceOf("I2").value(QStringLiteral("total")).toDouble(), 100.0);
    QCOMPARE(invoiceOf("I2").value(QStringLiteral("balance")).toDouble(), 70.0);
    QCOMPARE(invoiceOf("I3").value(QStringLiteral("total")).toDouble(), 50.0);
    const QJsonObject order = f.byKey(QStringLiteral("sales/orders"), QStringLiteral("poNumber"), QStringLiteral("O1"));
    QCOMPARE(order.value(QStringLiteral("total")).toDouble(), 170.0);
    QCOMPARE(itemsOf(QStringLiteral("salesOrder"), order.value(QStringLiteral("id")).toInteger()).size(), 2);

    // Notes on the parents: a total that differs (both figures), lines left out. Neither is a failure.
    QCOMPARE(historyReason(Entity::Invoices, QStringLiteral("I2")),
             QStringLiteral("total differs: ConnectWise computes 100.00 from the lines, the local total is 90.00 "
                            "(ConnectWise balance 100.00)"));
    QCOMPARE(historyReason(Entity::Invoices, QStringLiteral("I3")),
             QStringLiteral("lines incomplete: 1 of 2 lines are not in ConnectWise (see invoice_lines)"));
    QCOMPARE(historyReason(Entity::InvoiceLines, QStringLiteral("I3-2")),
             QStringLiteral("missing linked record: product P3 is not linked to a ConnectWise catalog item; sync "
                            "products first"));
    QCOMPARE(historyReason(Entity::InvoiceLines, QStringLiteral("IX-1")),
             QStringLiteral("missing linked record: local invoices IX does not exist"));
    QVERIFY(historyReason(Entity::Invoices, QStringLiteral("I1")).isEmpty());

    // The rerun sends nothing: no write, and no total read back either.
    const int before = static_cast<int>(requests().size());
    const Cw::SyncSummary again = f.sync(true, false);
    QVERIFY2(again.ok(), qPrintable(again.fatalError));
    QCOMPARE(again.totals().created + again.totals().updated, 0);
    QCOMPARE(again.pushCounts.value(Entity::InvoiceLines).unchanged, 4);
    const QJsonArray log = requests();
    for (qsizetype i = before; i < log.size(); ++i) {
        const QJsonObject entry = log.at(i).toObject();
        QVERIFY2(!isWrite(entry), qPrintable(entry.value(QStringLiteral("target")).toString()));
        QVERIFY(!entry.value(QStringLiteral("target")).toString().contains(QLatin1String("fields=id%2Ctotal")));
    }
    QVERIFY(log.size() > before); // it did read (the access checks)
}

void TestSyncLines::changedAndDeletedLinesArePatchedAndRemoved()
{
    const qint64 invoiceId = invoiceOf("I1").value(QStringLiteral("id")).toInteger();
    const QJsonArray items = itemsOf(QStringLiteral("invoice"), invoiceId);
    QCOMPARE(items.size(), 2);
    const QJsonObject first = items.at(0).toObject();
    const qint64 removedId = items.at(1).toObject().value(QStringLiteral("id")).toInteger();

    // I1-1: quantity 2 -> 3; I1-2 deleted locally; I1-3 new.
    QVERIFY(f.addLocal(
        Entity::InvoiceLines,
        {line("I1-1", "invoice_id", "I1", "P1", "3", "50"), line("I1-3", "invoice_id", "I1", "P2", "2", "20")}));
    QVERIFY(f.db->exec(QStringLiteral("DELETE FROM invoice_lines WHERE id = 'I1-2'")));
    const int before = static_cast<int>(requests().size());
    const Cw::SyncSummary s = f.sync(true, false, {Entity::Invoices});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Entity::InvoiceLines).created, 1);
    QCOMPARE(s.pushCounts.value(Entity::InvoiceLines).updated, 2); // the PATCH and the DELETE
    QCOMPARE(s.pushCounts.value(Entity::Invoices).updated, 1); // its lines changed it in ConnectWise
    QCOMPARE(historyReason(Entity::InvoiceLines, QStringLiteral("I1-2")),
             QStringLiteral("deleted in ConnectWise: local invoice_lines I1-2 no longer exists"));

    QStringList writes;
    const QJsonArray log = requests();
    for (qsizetype i = before; i < log.size(); ++i) {
        const QJsonObject e = log.at(i).toObject();
        if (isWrite(e)) {
            writes.append(e.value(QStringLiteral("method")).toString() + QLatin1Char(' ') +
                          e.value(QStringLiteral("target")).toString().section(QStringLiteral("apis/3.0/"), 1));
        }
    }
    writes.sort();
    QCOMPARE(writes,
             (QStringList {
                 QStringLiteral("DELETE procurement/products/%1").arg(removedId),
                 QStringLiteral("PATCH procurement/products/%1").arg(first.value(QStringLiteral("id")).toInteger()),
                 QStringLiteral("POST procurement/products")}));
    const QJsonObject patched =
        f.call(Cw::ApiRequest::get(
                   QStringLiteral("procurement/products/%1").arg(first.value(QStringLiteral("id")).toInteger())))
            .object();
    QCOMPARE(patched.value(QStringLiteral("quantity")).toDouble(), 3.0);
    QCOMPARE(patched.value(QStringLiteral("catalogItem")), first.value(QStringLiteral("catalogItem")));
    QCOMPARE(f.call(Cw::ApiRequest::get(QStringLiteral("procurement/products/%1").arg(removedId))).error.kind,
             Cw::ApiError::Kind::NotFound);
    QCOMPARE(invoiceOf("I1").value(QStringLiteral("total")).toDouble(), 190.0); // 3 x 50 + 2 x 20
    QCOMPARE(invoiceOf("I1").value(QStringLiteral("balance")).toDouble(), 170.0);
    QCOMPARE(historyReason(Entity::Invoices, QStringLiteral("I1")),
             QStringLiteral("total differs: ConnectWise computes 190.00 from the lines, the local total is 120.00 "
                            "(ConnectWise balance 170.00)"));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE entity = 'invoice_lines'"
                                        " AND local_id = 'I1-2'")),
             0);
    const Cw::SyncSummary again = f.sync(true, false, {Entity::Invoices});
    QCOMPARE(again.totals().created + again.totals().updated, 0);
}

void TestSyncLines::dryRunPreviewsTheLinesOfNewInvoices()
{
    QVERIFY(f.addLocal(Entity::Invoices, {invoice("I4", "70")}));
    QVERIFY(f.addLocal(
        Entity::InvoiceLines,
        {line("I4-1", "invoice_id", "I4", "P1", "1", "50"), line("I4-2", "invoice_id", "I4", "P2", "1", "20")}));
    const int links = f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links"));
    const Cw::SyncSummary s = f.sync(true, false, {Entity::Invoices}, true);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Entity::Invoices).created, 1);
    QCOMPARE(s.pushCounts.value(Entity::InvoiceLines).created, 2);
    QStringList previewed;
    for (const SyncOutcome& o : s.outcomes) {
        if (o.entity == Entity::InvoiceLines && o.action == SyncOutcome::Action::Created) {
            previewed.append(o.localId);
        }
    }
    QCOMPARE(previewed, (QStringList {QStringLiteral("I4-1"), QStringLiteral("I4-2")}));
    QVERIFY(QString::fromUtf8(Cw::SyncEngine::toCsv(s.outcomes)).contains(QLatin1String("push,invoice_lines,I4-1,")));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links")), links); // nothing written
    QVERIFY(invoiceOf("I4").isEmpty());
}

void TestSyncLines::dryRunPreviewsInvoicesOfNewAccounts()
{
    // A first sync's preview: the invoice's account and the line's product are created by the same run, so the
    // preview says the invoice and its line would be created too (not "account not in ConnectWise yet").
    QVERIFY(f.addLocal(Entity::Accounts,
                       {row({{"id", QStringLiteral("A7")},
                             {"name", QStringLiteral("Preview Ltd")},
                             {"city", QStringLiteral("York")}})}));
    QVERIFY(f.addLocal(Entity::Products,
                       {row({{"id", QStringLiteral("P7")},
                             {"name", QStringLiteral("Preview switch")},
                             {"product_type", QStringLiteral("L0")},
                             {"price", QStringLiteral("40")}})}));
    QVariantHash i7 = invoice("I7", "40");
    i7.insert(QStringLiteral("account_id"), QStringLiteral("A7"));
    QVERIFY(f.addLocal(Entity::Invoices, {i7}));
    QVERIFY(f.addLocal(Entity::InvoiceLines, {line("I7-1", "invoice_id", "I7", "P7", "1", "40")}));
    const int links = f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links"));
    const QList<Entity> entities = {Entity::Accounts, Entity::Products, Entity::Invoices};
    const Cw::SyncSummary preview = f.sync(true, false, entities, true);
    QVERIFY2(preview.ok(), qPrintable(preview.fatalError));
    QStringList created;
    for (const SyncOutcome& o : preview.outcomes) {
        if (o.action == SyncOutcome::Action::Created) {
            created.append(o.localId);
        } else {
            QVERIFY2(!o.localId.contains(QLatin1Char('7')), qPrintable(o.localId + QStringLiteral(": ") + o.reason));
        }
    }
    for (const char* id : {"A7", "P7", "I7", "I7-1"}) {
        QVERIFY2(created.contains(QLatin1String(id)), id);
    }
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links")), links); // nothing written
    QVERIFY(invoiceOf("I7").isEmpty());

    // The real run does what the preview said.
    const Cw::SyncSummary run = f.sync(true, false, entities);
    QVERIFY2(run.ok(), qPrintable(run.fatalError));
    QVERIFY(!invoiceOf("I7").isEmpty());
    QCOMPARE(itemsOf(QStringLiteral("invoice"), invoiceOf("I7").value(QStringLiteral("id")).toInteger()).size(), 1);
}

void TestSyncLines::paymentLargerThanTheBalanceFails()
{
    // I3's balance is 50: ConnectWise refuses 60 on `amount`, and says why.
    QVERIFY(f.addLocal(Entity::Payments, {payment("Y9", "I3", SyncFixture::creditCardMethod(), "60")}));
    const Cw::SyncSummary s = f.sync(true, false, {Entity::Payments});
    QCOMPARE(s.pushCounts.value(Entity::Payments).failed, 1);
    QString reason;
    for (const SyncOutcome& o : s.outcomes) {
        if (o.localId == QLatin1String("Y9")) {
            reason = o.reason;
        }
    }
    QVERIFY2(
        reason.contains(QLatin1String("The payment amount 60.00 is more than the invoice's open balance of 50.00")),
        qPrintable(reason));
    QCOMPARE(invoiceOf("I3").value(QStringLiteral("balance")).toDouble(), 50.0);
    QVERIFY(f.db->exec(QStringLiteral("DELETE FROM payments WHERE id = 'Y9'")));
}

void TestSyncLines::lostLineCreateIsAdoptedNotDuplicated()
{
    // A process killed between the POST of a line and its answer: the product item exists, its link is pending.
    const qint64 invoiceId = invoiceOf("I3").value(QStringLiteral("id")).toInteger();
    const qint64 catalogId = f.byKey(QStringLiteral("procurement/catalog"), QStringLiteral("identifier"),
                                     Cw::SyncIdentifier::make(QStringLiteral("Cable"), QStringLiteral("P2")))
                                 .value(QStringLiteral("id"))
                                 .toInteger();
    QVERIFY(f.addLocal(Entity::InvoiceLines, {line("I3-3", "invoice_id", "I3", "P2", "1", "20")}));
    const QJsonObject body {{QStringLiteral("catalogItem"), QJsonObject {{QStringLiteral("id"), catalogId}}},
                            {QStringLiteral("invoice"), QJsonObject {{QStringLiteral("id"), invoiceId}}},
                            {QStringLiteral("quantity"), 1.0},
                            {QStringLiteral("price"), 20.0},
                            {QStringLiteral("billableOption"), QStringLiteral("Billable")},
                            {QStringLiteral("integrationXRef"), QStringLiteral("invoice_lines:I3-3")}};
    QVERIFY(f.call(Cw::ApiRequest::post(QStringLiteral("procurement/products"), QJsonDocument(body))).ok());
    QVERIFY(f.db->exec(QStringLiteral("INSERT INTO sync_links (instance_id, entity, local_id, remote_ref, pushed_hash,"
                                      " pushed_body, updated_at) VALUES (?, 'invoice_lines', 'I3-3', ?, 'x', ?, 0)"),
                       {f.instanceId, QStringLiteral("invoice_lines:I3-3"),
                        QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))}));
    const Cw::SyncSummary s = f.sync(true, false, {Entity::Invoices});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(f.list(QStringLiteral("procurement/products"),
                    Cw::Conditions::equals(QStringLiteral("integrationXRef"), QStringLiteral("invoice_lines:I3-3")))
                 .size(),
             1);
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_links WHERE local_id = 'I3-3'"
                                        " AND remote_id IS NOT NULL")),
             1);
    QCOMPARE(invoiceOf("I3").value(QStringLiteral("total")).toDouble(), 70.0);
}

void TestSyncLines::linesWithoutTheirVariableAreBlocked()
{
    Cw::ConnectorConfigRepository repository(*f.db);
    const auto variables = repository.serverVariables(f.instanceId);
    QVERIFY(repository.clearServerVariable(f.instanceId, QStringLiteral("product_billable_option")));
    QVERIFY(f.addLocal(Entity::InvoiceLines, {line("I3-4", "invoice_id", "I3", "P1", "1", "50")}));
    const Cw::SyncSummary s = f.sync(true, false, {Entity::Invoices}, true);
    QCOMPARE(s.blocked.value({Cw::Direction::Push, Entity::InvoiceLines}),
             Cw::SyncSettings::missingVariableReason(QStringLiteral("product_billable_option")));
    QVERIFY(!s.blocked.contains({Cw::Direction::Push, Entity::Invoices})); // the invoices themselves still go
    QVERIFY(s.pushCounts.value(Entity::Invoices).total() >= 4);
    QCOMPARE(s.pushCounts.value(Entity::InvoiceLines).total(), 0);
    for (const Cw::ServerVariable& v : variables) {
        QVERIFY(repository.setServerVariable(f.instanceId, v));
    }
    QVERIFY(f.db->exec(QStringLiteral("DELETE FROM invoice_lines WHERE id = 'I3-4'")));
}

QTEST_GUILESS_MAIN(TestSyncLines)
#include "tst_synclines.moc"
