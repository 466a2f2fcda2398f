// Every record cwconnector-sim serves conforms to ConnectWise's response schema (app/sim/models): each list
// (all its records), each record by id, each /count and system/info, checked with Sim::ModelValidator.
#include "app/sim/ModelValidator.h"
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QTest>

using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimModels final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void collections_data();
    void collections();
    void systemInfo();
    void createdRecordsConform();

private:
    void conforms(const QJsonValue& value, const QString& apiPath, const QString& what);

    CwTest::SimProcess m_sim;
    Sim::ModelTable m_table;
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

} // namespace

void TestSimModels::initTestCase()
{
    QVERIFY2(m_table.isValid(), qPrintable(m_table.error()));
    QVERIFY2(m_sim.start({QStringLiteral("--records"), QStringLiteral("12")}), qPrintable(m_sim.output()));
    // Product items are not seeded: make one on an invoice and one on an order, and a payment.
    SimTestClient client(m_sim.baseUrl());
    for (const char* parent : {"invoice", "salesOrder"}) {
        const QJsonObject body {{QStringLiteral("catalogItem"), ref(2)},
                                {QLatin1String(parent), ref(3)},
                                {QStringLiteral("billableOption"), QStringLiteral("Billable")},
                                {QStringLiteral("quantity"), 2}};
        const SimReply created = client.send("POST", client.api(QStringLiteral("procurement/products")), json(body));
        QVERIFY2(created.status == 201, created.body.constData());
    }
}

void TestSimModels::conforms(const QJsonValue& value, const QString& apiPath, const QString& what)
{
    const Sim::ModelOperation get = m_table.operation(apiPath, "GET");
    QVERIFY2(get.exists, qPrintable(apiPath));
    const auto found =
        Sim::ModelValidator(m_table).validate(value, get.response, Sim::ModelValidator::Required::Ignore);
    QVERIFY2(found.empty(),
             found.empty() ? ""
                           : qPrintable(QStringLiteral("%1 %2: %3 (%4)")
                                            .arg(what, apiPath, found.front().message, found.front().jsonPath())));
}

void TestSimModels::collections_data()
{
    QTest::addColumn<QString>("path");
    for (const char* path :
         {"system/members", "company/companies", "company/companies/types", "company/companies/statuses",
          "company/countries", "finance/currencies", "finance/billingStatuses", "finance/invoices",
          "finance/invoices/3/payments", "procurement/catalog", "procurement/types", "procurement/categories",
          "procurement/subcategories", "procurement/unitOfMeasures", "procurement/products", "sales/orders",
          "sales/orders/statuses"}) {
        QTest::newRow(path) << QString::fromLatin1(path);
    }
}

void TestSimModels::collections()
{
    QFETCH(QString, path);
    SimTestClient client(m_sim.baseUrl());
    const QJsonArray records = client.all(path);
    QVERIFY2(!records.isEmpty(), qPrintable(path));
    for (const QJsonValue& record : records) {
        conforms(record, path, QStringLiteral("list"));
        const QString byId =
            path + QLatin1Char('/') + QString::number(record.toObject().value(QLatin1String("id")).toInteger());
        const SimReply single = client.get(client.api(byId));
        QCOMPARE(single.status, 200);
        QCOMPARE(single.object(), record.toObject());
        conforms(single.object(), byId, QStringLiteral("by id"));
    }
    const SimReply count = client.get(client.api(path + QStringLiteral("/count")));
    if (m_table.operation(path + QStringLiteral("/count"), "GET").response != QLatin1String("Count")) {
        QCOMPARE(count.status, 404); // invoice payments have no /count in the models
        return;
    }
    QCOMPARE(count.status, 200);
    QCOMPARE(count.object().value(QLatin1String("count")).toInt(), records.size());
    conforms(count.object(), path + QStringLiteral("/count"), QStringLiteral("count"));
}

void TestSimModels::systemInfo()
{
    SimTestClient client(m_sim.baseUrl());
    const SimReply info = client.get(client.api(QStringLiteral("system/info")));
    QCOMPARE(info.status, 200);
    QVERIFY(!info.object().value(QLatin1String("version")).toString().isEmpty());
    conforms(info.object(), QStringLiteral("system/info"), QStringLiteral("info"));
}

void TestSimModels::createdRecordsConform()
{
    // What a write answers is a record like any other.
    SimTestClient client(m_sim.baseUrl());
    const QJsonObject company {
        {QStringLiteral("identifier"), QStringLiteral("NewCo")},
        {QStringLiteral("name"), QStringLiteral("New Co")},
        {QStringLiteral("city"), QStringLiteral("Tampa")},
        {QStringLiteral("site"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Main")}}}};
    const SimReply created = client.send("POST", client.api(QStringLiteral("company/companies")), json(company));
    QVERIFY2(created.status == 201, created.body.constData());
    conforms(created.object(), QStringLiteral("company/companies"), QStringLiteral("created"));
    const QJsonObject payment {{QStringLiteral("type"), QStringLiteral("Payment")},
                               {QStringLiteral("amount"), 1.25},
                               {QStringLiteral("paymentDate"), QStringLiteral("2025-01-02T00:00:00Z")}};
    const SimReply paid = client.send("POST", client.api(QStringLiteral("finance/invoices/3/payments")), json(payment));
    QVERIFY2(paid.status == 201, paid.body.constData());
    conforms(paid.object(), QStringLiteral("finance/invoices/3/payments"), QStringLiteral("created"));
}

QTEST_GUILESS_MAIN(TestSimModels)
#include "tst_sim_models.moc"
