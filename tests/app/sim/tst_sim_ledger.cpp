// cwconnector-sim's product items (procurement/products) and invoice payments, and the totals it recomputes from
// them: an invoice's productTotal/subtotal/total/payments/balance, a sales order's subTotal/total/productIds.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QTest>

#include <memory>

using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimLedger final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void invoiceTotalsFollowLines();
    void linesAreListedByParent();
    void orderTotalsFollowLines();
    void lineDefaultsComeFromTheCatalog();
    void referencesMustExist_data();
    void referencesMustExist();
    void paymentsAndTheOpenBalance();
    void seededInvoiceKeepsItsTotalsOnAPayment();

private:
    qint64 newInvoice();
    QJsonObject line(const QString& parentField, qint64 parentId, double quantity, double price,
                     const QString& billable = QStringLiteral("Billable"));
    QJsonObject get(const QString& path) { return client().get(client().api(path)).object(); }

    std::unique_ptr<CwTest::SimProcess> m_sim;
    std::unique_ptr<SimTestClient> m_client;
    SimTestClient& client() { return *m_client; }
};

namespace {

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject ref(qint64 id)
{
    return QJsonObject {{QStringLiteral("id"), id}};
}

double number(const QJsonObject& o, const char* member)
{
    return o.value(QLatin1String(member)).toDouble();
}

QString lastUpdated(const QJsonObject& o)
{
    return o.value(QLatin1String("_info")).toObject().value(QLatin1String("lastUpdated")).toString();
}

const QString kProducts = QStringLiteral("procurement/products");

} // namespace

void TestSimLedger::init()
{
    m_sim = std::make_unique<CwTest::SimProcess>();
    QVERIFY2(m_sim->start({QStringLiteral("--records"), QStringLiteral("10")}), qPrintable(m_sim->output()));
    m_client = std::make_unique<SimTestClient>(m_sim->baseUrl());
}

qint64 TestSimLedger::newInvoice()
{
    const QJsonObject body {{QStringLiteral("type"), QStringLiteral("Standard")},
                            {QStringLiteral("company"), ref(2)},
                            {QStringLiteral("total"), 999}}; // the server's to compute: ignored
    const SimReply created = client().send("POST", client().api(QStringLiteral("finance/invoices")), json(body));
    if (created.status != 201) {
        qWarning() << created.body;
        return 0;
    }
    return created.object().value(QLatin1String("id")).toInteger();
}

QJsonObject TestSimLedger::line(const QString& parentField, qint64 parentId, double quantity, double price,
                                const QString& billable)
{
    const QJsonObject body {{QStringLiteral("catalogItem"), ref(1)},
                            {parentField, ref(parentId)},
                            {QStringLiteral("quantity"), quantity},
                            {QStringLiteral("price"), price},
                            {QStringLiteral("billableOption"), billable}};
    const SimReply created = client().send("POST", client().api(kProducts), json(body));
    if (created.status != 201) {
        qWarning() << created.body;
    }
    return created.object();
}

void TestSimLedger::invoiceTotalsFollowLines()
{
    const qint64 id = newInvoice();
    QVERIFY(id > 0);
    const QString path = QStringLiteral("finance/invoices/%1").arg(id);
    const QJsonObject empty = get(path);
    for (const char* member : {"productTotal", "subtotal", "total", "payments", "balance"}) {
        QCOMPARE(number(empty, member), 0.0);
    }
    const QJsonObject billable = line(QStringLiteral("invoice"), id, 2, 10.25);
    QVERIFY(!billable.isEmpty());
    line(QStringLiteral("invoice"), id, 1, 5, QStringLiteral("DoNotBill"));
    line(QStringLiteral("invoice"), id, 3, 1, QStringLiteral("NoCharge"));
    const QJsonObject withLines = get(path);
    QCOMPARE(number(withLines, "productTotal"), 20.5);
    QCOMPARE(number(withLines, "subtotal"), 20.5);
    QCOMPARE(number(withLines, "total"), 20.5);
    QCOMPARE(number(withLines, "balance"), 20.5);
    QVERIFY(lastUpdated(withLines) >= lastUpdated(empty));
    QVERIFY(withLines.value(QLatin1String("_info")).toObject().value(QLatin1String("updatedBy")).isString());

    const QString linePath =
        kProducts + QLatin1Char('/') + QString::number(billable.value(QLatin1String("id")).toInteger());
    const SimReply patched =
        client().send("PATCH", client().api(linePath), R"([{"op":"replace","path":"quantity","value":4}])");
    QCOMPARE(patched.status, 200);
    QCOMPARE(number(get(path), "total"), 41.0);
    QCOMPARE(client().send("DELETE", client().api(linePath)).status, 204);
    QCOMPARE(number(get(path), "total"), 0.0);
    // A PUT or PATCH of the invoice keeps the totals: they are the server's.
    const SimReply put = client().send("PATCH", client().api(path), R"([{"op":"replace","path":"total","value":5}])");
    QCOMPARE(put.status, 200);
    QCOMPARE(number(put.object(), "total"), 0.0);
}

void TestSimLedger::linesAreListedByParent()
{
    const qint64 id = newInvoice();
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(!line(QStringLiteral("invoice"), id, i, 1).isEmpty());
    }
    QVERIFY(!line(QStringLiteral("salesOrder"), 2, 1, 1).isEmpty());
    const QString condition = QStringLiteral("invoice/id=%1").arg(id);
    const SimReply page = client().get(client().api(
        kProducts, {{QStringLiteral("conditions"), condition}, {QStringLiteral("pageSize"), QStringLiteral("2")}}));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.array().size(), 2);
    QVERIFY(!page.link("next").isEmpty());
    const SimReply count =
        client().get(client().api(kProducts + QStringLiteral("/count"), {{QStringLiteral("conditions"), condition}}));
    QCOMPARE(count.object().value(QLatin1String("count")).toInt(), 3);
    const QJsonArray onOrder =
        client().all(kProducts, {{QStringLiteral("conditions"), QStringLiteral("salesOrder/id=2")}});
    QCOMPARE(onOrder.size(), 1);
    QCOMPARE(onOrder.at(0).toObject().value(QLatin1String("salesOrder")).toObject().value(QLatin1String("id")).toInt(),
             2);
}

void TestSimLedger::orderTotalsFollowLines()
{
    const QString path = QStringLiteral("sales/orders/3");
    const QJsonObject seeded = get(path);
    QVERIFY(number(seeded, "subTotal") > 0); // seeded orders keep their seeded totals until a line changes
    const QJsonObject first = line(QStringLiteral("salesOrder"), 3, 3, 2.5);
    const QJsonObject second = line(QStringLiteral("salesOrder"), 3, 1, 100, QStringLiteral("NoCharge"));
    const QJsonObject after = get(path);
    QCOMPARE(number(after, "subTotal"), 7.5);
    QCOMPARE(number(after, "total"), 7.5 + number(seeded, "taxTotal"));
    QCOMPARE(after.value(QLatin1String("productIds")).toArray(),
             (QJsonArray {first.value(QLatin1String("id")), second.value(QLatin1String("id"))}));
    QVERIFY(lastUpdated(after) != lastUpdated(seeded));
}

void TestSimLedger::lineDefaultsComeFromTheCatalog()
{
    const QJsonObject item = get(QStringLiteral("procurement/catalog/4"));
    const SimReply created =
        client().send("POST", client().api(kProducts),
                      json(QJsonObject {{QStringLiteral("catalogItem"), ref(4)},
                                        {QStringLiteral("invoice"), ref(1)},
                                        {QStringLiteral("billableOption"), QStringLiteral("Billable")}}));
    QCOMPARE(created.status, 201);
    const QJsonObject line = created.object();
    QCOMPARE(line.value(QLatin1String("description")), item.value(QLatin1String("description")));
    QCOMPARE(line.value(QLatin1String("price")), item.value(QLatin1String("price")));
    QCOMPARE(number(line, "quantity"), 1.0);
    QCOMPARE(line.value(QLatin1String("catalogItem")).toObject().value(QLatin1String("identifier")),
             item.value(QLatin1String("identifier")));
    QCOMPARE(line.value(QLatin1String("invoice")).toObject().value(QLatin1String("identifier")).toString(),
             get(QStringLiteral("finance/invoices/1")).value(QLatin1String("invoiceNumber")).toString());
}

void TestSimLedger::referencesMustExist_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("catalog item")
        << QByteArray(R"({"catalogItem":{"id":99999},"invoice":{"id":1},"billableOption":"Billable"})") << "NotFound"
        << "catalogItem/id";
    QTest::newRow("invoice") << QByteArray(
                                    R"({"catalogItem":{"id":1},"invoice":{"id":99999},"billableOption":"Billable"})")
                             << "NotFound"
                             << "invoice/id";
    QTest::newRow("sales order")
        << QByteArray(R"({"catalogItem":{"id":1},"salesOrder":{"id":99999},"billableOption":"Billable"})") << "NotFound"
        << "salesOrder/id";
    QTest::newRow("no parent") << QByteArray(R"({"catalogItem":{"id":1},"billableOption":"Billable"})")
                               << "MissingRequiredField"
                               << "invoice";
}

void TestSimLedger::referencesMustExist()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const SimReply reply = client().send("POST", client().api(kProducts), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    const QJsonObject error = reply.object().value(QLatin1String("errors")).toArray().at(0).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QCOMPARE(error.value(QLatin1String("field")).toString(), field);
    QCOMPARE(
        client().get(client().api(kProducts + QStringLiteral("/count"))).object().value(QLatin1String("count")).toInt(),
        0);
}

void TestSimLedger::paymentsAndTheOpenBalance()
{
    const qint64 id = newInvoice();
    line(QStringLiteral("invoice"), id, 2, 10);
    const QString invoice = QStringLiteral("finance/invoices/%1").arg(id);
    const QString payments = invoice + QStringLiteral("/payments");
    const SimReply paid = client().send("POST", client().api(payments),
                                        R"({"type":"Payment","amount":15,"paymentDate":"2025-03-01T00:00:00Z"})");
    QCOMPARE(paid.status, 201);
    QCOMPARE(number(get(invoice), "payments"), 15.0);
    QCOMPARE(number(get(invoice), "balance"), 5.0);
    const SimReply tooMuch = client().send("POST", client().api(payments), R"({"type":"Payment","amount":5.01})");
    QCOMPARE(tooMuch.status, 400);
    QCOMPARE(tooMuch.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    const QJsonObject error = tooMuch.object().value(QLatin1String("errors")).toArray().at(0).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("amount"));
    QCOMPARE(error.value(QLatin1String("message")).toString(),
             QStringLiteral("The payment amount 5.01 is more than the invoice's open balance of 5.00."));
    QCOMPARE(client().send("POST", client().api(payments), R"({"amount":5})").status, 201);
    QCOMPARE(number(get(invoice), "balance"), 0.0);
    const QJsonArray listed = client().get(client().api(payments)).array();
    QCOMPARE(listed.size(), 2);
    const QString one =
        payments + QLatin1Char('/') + QString::number(paid.object().value(QLatin1String("id")).toInteger());
    QCOMPARE(get(one).value(QLatin1String("amount")).toDouble(), 15.0);
    QCOMPARE(client().send("DELETE", client().api(one)).status, 204);
    QCOMPARE(number(get(invoice), "payments"), 5.0);
    QCOMPARE(number(get(invoice), "balance"), 15.0);
}

void TestSimLedger::seededInvoiceKeepsItsTotalsOnAPayment()
{
    // Find a seeded invoice with an open balance.
    QJsonObject invoice;
    for (const QJsonValue& v : client().all(QStringLiteral("finance/invoices"))) {
        if (number(v.toObject(), "balance") > 1) {
            invoice = v.toObject();
            break;
        }
    }
    QVERIFY(!invoice.isEmpty());
    const QString path = QStringLiteral("finance/invoices/%1").arg(invoice.value(QLatin1String("id")).toInteger());
    QCOMPARE(client().send("POST", client().api(path + QStringLiteral("/payments")), R"({"amount":1})").status, 201);
    const QJsonObject after = get(path);
    QCOMPARE(number(after, "total"), number(invoice, "total"));
    QCOMPARE(number(after, "productTotal"), number(invoice, "productTotal"));
    QCOMPARE(number(after, "payments"), number(invoice, "payments") + 1);
    QVERIFY(qAbs(number(after, "balance") - (number(invoice, "balance") - 1)) < 0.005);
}

QTEST_GUILESS_MAIN(TestSimLedger)
#include "tst_sim_ledger.moc"
