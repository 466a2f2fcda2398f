// cwconnector-sim writes: POST (201, validation errors naming fields, duplicates), PATCH (JSON Patch),
// PUT, DELETE, on companies, catalog items, invoices, payments, orders and a lookup list.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QTest>

#include <memory>

using CwTest::SimReply;
using CwTest::SimTestClient;

namespace {

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QJsonObject firstError(const SimReply& reply)
{
    return reply.object().value(QLatin1String("errors")).toArray().at(0).toObject();
}

} // namespace

class TestSimWrites final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createCompany();
    void createValidationNamesFields();
    void duplicateIdentifier();
    void patchCompany();
    void patchRejectsBadOperations();
    void putCompany();
    void deleteCompany();
    void createOnEveryWritableList_data();
    void createOnEveryWritableList();
    void invoicePayments();
    void membersAreReadOnly();
    void resetRestoresSeededData();

private:
    // A fresh simulator per test (SimProcess keeps its output across restarts, so make a new one).
    std::unique_ptr<CwTest::SimProcess> m_process;
    CwTest::SimProcess& sim() { return *m_process; }
};

void TestSimWrites::init()
{
    m_process = std::make_unique<CwTest::SimProcess>();
    QVERIFY2(m_process->start({QStringLiteral("--records"), QStringLiteral("20")}), qPrintable(m_process->output()));
}

void TestSimWrites::createCompany()
{
    SimTestClient client(sim().baseUrl());
    const QJsonObject body {{QStringLiteral("identifier"), QStringLiteral("OBrien")},
                            {QStringLiteral("name"), QStringLiteral("O\"Brien & Sons")},
                            {QStringLiteral("status"), QJsonObject {{QStringLiteral("id"), 1}}},
                            {QStringLiteral("city"), QStringLiteral("Cork")},
                            {QStringLiteral("site"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Main")}}}};
    const SimReply created = client.send("POST", client.api(QStringLiteral("company/companies")), json(body));
    QCOMPARE(created.status, 201);
    const QJsonObject record = created.object();
    QCOMPARE(record.value(QLatin1String("id")).toInteger(), qint64(21));
    QCOMPARE(record.value(QLatin1String("name")).toString(), QStringLiteral("O\"Brien & Sons"));
    QVERIFY(record.value(QLatin1String("_info"))
                .toObject()
                .value(QLatin1String("lastUpdated"))
                .toString()
                .endsWith(QLatin1Char('Z')));

    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/21"))).object(), record);
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/count")))
                 .object()
                 .value(QLatin1String("count"))
                 .toInt(),
             21);
    // Found again with an escaped-quote condition.
    const SimReply found =
        client.get(client.api(QStringLiteral("company/companies"),
                              {{QStringLiteral("conditions"), QStringLiteral("name = \"O\\\"Brien & Sons\"")}}));
    QCOMPARE(found.array().size(), 1);
    QCOMPARE(found.array().at(0).toObject().value(QLatin1String("id")).toInteger(), qint64(21));
}

void TestSimWrites::createValidationNamesFields()
{
    SimTestClient client(sim().baseUrl());
    const SimReply missing = client.send("POST", client.api(QStringLiteral("company/companies")),
                                         json(QJsonObject {{QStringLiteral("name"), QStringLiteral("No Id")}}));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    QCOMPARE(firstError(missing).value(QLatin1String("field")).toString(), QStringLiteral("identifier"));
    QCOMPARE(firstError(missing).value(QLatin1String("code")).toString(), QStringLiteral("MissingRequiredField"));
    QCOMPARE(firstError(missing).value(QLatin1String("resource")).toString(), QStringLiteral("company"));

    const SimReply tooLong =
        client.send("POST", client.api(QStringLiteral("company/companies")),
                    json(QJsonObject {{QStringLiteral("identifier"), QString(30, QLatin1Char('x'))},
                                      {QStringLiteral("name"), QStringLiteral("Long")}}));
    QCOMPARE(tooLong.status, 400);
    QCOMPARE(firstError(tooLong).value(QLatin1String("code")).toString(), QStringLiteral("MaxLengthField"));
    QCOMPARE(firstError(tooLong).value(QLatin1String("field")).toString(), QStringLiteral("identifier"));

    const SimReply notJson = client.send("POST", client.api(QStringLiteral("company/companies")), "{not json");
    QCOMPARE(notJson.status, 400);
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/count")))
                 .object()
                 .value(QLatin1String("count"))
                 .toInt(),
             20);
}

void TestSimWrites::duplicateIdentifier()
{
    SimTestClient client(sim().baseUrl());
    const QString existing = client.get(client.api(QStringLiteral("company/companies/3")))
                                 .object()
                                 .value(QLatin1String("identifier"))
                                 .toString();
    const SimReply duplicate = client.send(
        "POST", client.api(QStringLiteral("company/companies")),
        json(QJsonObject {{QStringLiteral("identifier"), existing.toUpper()},
                          {QStringLiteral("name"), QStringLiteral("Copy")},
                          {QStringLiteral("zip"), QStringLiteral("33602")},
                          {QStringLiteral("site"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Main")}}}}));
    QCOMPARE(duplicate.status, 400);
    QCOMPARE(duplicate.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    QCOMPARE(firstError(duplicate).value(QLatin1String("code")).toString(), QStringLiteral("ObjectExists"));
    QCOMPARE(firstError(duplicate).value(QLatin1String("field")).toString(), QStringLiteral("identifier"));
}

void TestSimWrites::patchCompany()
{
    SimTestClient client(sim().baseUrl());
    const QJsonObject before = client.get(client.api(QStringLiteral("company/companies/5"))).object();
    const QJsonArray patch {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("name")},
                                         {QStringLiteral("value"), QStringLiteral("Renamed Ltd")}},
                            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("status")},
                                         {QStringLiteral("value"), QJsonObject {{QStringLiteral("id"), 2}}}}};
    const SimReply patched = client.send("PATCH", client.api(QStringLiteral("company/companies/5")), json(patch));
    QCOMPARE(patched.status, 200);
    const QJsonObject after = patched.object();
    QCOMPARE(after.value(QLatin1String("name")).toString(), QStringLiteral("Renamed Ltd"));
    QCOMPARE(after.value(QLatin1String("status")).toObject().value(QLatin1String("id")).toInt(), 2);
    QCOMPARE(after.value(QLatin1String("identifier")), before.value(QLatin1String("identifier")));
    QVERIFY(after.value(QLatin1String("_info")).toObject().value(QLatin1String("lastUpdated")).toString() >
            before.value(QLatin1String("_info")).toObject().value(QLatin1String("lastUpdated")).toString());
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/5"))).object(), after);
}

void TestSimWrites::patchRejectsBadOperations()
{
    SimTestClient client(sim().baseUrl());
    const QByteArray id = json(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                                        {QStringLiteral("path"), QStringLiteral("id")},
                                                        {QStringLiteral("value"), 9}}});
    QCOMPARE(client.send("PATCH", client.api(QStringLiteral("company/companies/5")), id).status, 400);
    const QByteArray notArray = json(QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}});
    QCOMPARE(client.send("PATCH", client.api(QStringLiteral("company/companies/5")), notArray).status, 400);
    const QByteArray blank = json(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                                           {QStringLiteral("path"), QStringLiteral("name")},
                                                           {QStringLiteral("value"), QString()}}});
    const SimReply reply = client.send("PATCH", client.api(QStringLiteral("company/companies/5")), blank);
    QCOMPARE(reply.status, 400);
    QCOMPARE(firstError(reply).value(QLatin1String("field")).toString(), QStringLiteral("name"));
    QCOMPARE(client.send("PATCH", client.api(QStringLiteral("company/companies/999")), blank).status, 404);
}

void TestSimWrites::putCompany()
{
    SimTestClient client(sim().baseUrl());
    const QJsonObject replacement {
        {QStringLiteral("identifier"), QStringLiteral("Replaced7")},
        {QStringLiteral("name"), QStringLiteral("Replaced Company")},
        {QStringLiteral("addressLine1"), QStringLiteral("1 Main Street")},
        {QStringLiteral("site"),
         QJsonObject {{QStringLiteral("id"), 70}, {QStringLiteral("name"), QStringLiteral("Main")}}}};
    const SimReply put = client.send("PUT", client.api(QStringLiteral("company/companies/7")), json(replacement));
    QCOMPARE(put.status, 200);
    const QJsonObject record = client.get(client.api(QStringLiteral("company/companies/7"))).object();
    QCOMPARE(record.value(QLatin1String("id")).toInteger(), qint64(7));
    QCOMPARE(record.value(QLatin1String("name")).toString(), QStringLiteral("Replaced Company"));
    QVERIFY(!record.contains(QLatin1String("city"))); // PUT replaces the whole record
    const SimReply invalid = client.send("PUT", client.api(QStringLiteral("company/companies/7")),
                                         json(QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}}));
    QCOMPARE(invalid.status, 400);
    QCOMPARE(firstError(invalid).value(QLatin1String("field")).toString(), QStringLiteral("identifier"));
}

void TestSimWrites::deleteCompany()
{
    SimTestClient client(sim().baseUrl());
    const SimReply deleted = client.send("DELETE", client.api(QStringLiteral("company/companies/9")));
    QCOMPARE(deleted.status, 204);
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/9"))).status, 404);
    QCOMPARE(client.send("DELETE", client.api(QStringLiteral("company/companies/9"))).status, 404);
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/count")))
                 .object()
                 .value(QLatin1String("count"))
                 .toInt(),
             19);
}

void TestSimWrites::createOnEveryWritableList_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("missingField"); // reported when the body is {}
    QTest::newRow("catalog") << "procurement/catalog"
                             << QByteArray(
                                    R"({"identifier":"NEW-1","description":"Thing","customerDescription":"Thing",)"
                                    R"("subcategory":{"id":1},"type":{"id":1}})")
                             << "identifier";
    QTest::newRow("invoice") << "finance/invoices" << QByteArray(R"({"type":"Standard","company":{"id":2}})") << "type";
    QTest::newRow("order") << "sales/orders"
                           << QByteArray(R"({"company":{"id":2},"status":{"id":1},"salesRep":{"id":101}})")
                           << "company";
    QTest::newRow("company type") << "company/companies/types" << QByteArray(R"({"name":"Distributor"})") << "name";
    QTest::newRow("currency") << "finance/currencies"
                              << QByteArray(R"({"currencyIdentifier":"NZD","name":"NZ Dollar"})")
                              << "currencyIdentifier";
    QTest::newRow("unit") << "procurement/unitOfMeasures" << QByteArray(R"({"name":"Pallet"})") << "name";
}

void TestSimWrites::createOnEveryWritableList()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, missingField);
    SimTestClient client(sim().baseUrl());
    const int before =
        client.get(client.api(path + QStringLiteral("/count"))).object().value(QLatin1String("count")).toInt();
    const SimReply created = client.send("POST", client.api(path), body);
    QCOMPARE(created.status, 201);
    const qint64 id = created.object().value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(client.get(client.api(path + QStringLiteral("/count"))).object().value(QLatin1String("count")).toInt(),
             before + 1);
    const SimReply invalid = client.send("POST", client.api(path), "{}");
    QCOMPARE(invalid.status, 400);
    QCOMPARE(firstError(invalid).value(QLatin1String("field")).toString(), missingField);
    QCOMPARE(client.send("DELETE", client.api(path + QLatin1Char('/') + QString::number(id))).status, 204);
}

void TestSimWrites::invoicePayments()
{
    SimTestClient client(sim().baseUrl());
    const QString path = QStringLiteral("finance/invoices/4/payments");
    const int before = client.get(client.api(path)).array().size();
    const SimReply created =
        client.send("POST", client.api(path),
                    json(QJsonObject {{QStringLiteral("amount"), 12.5},
                                      {QStringLiteral("paymentDate"), QStringLiteral("2025-05-01T00:00:00Z")}}));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object().value(QLatin1String("invoice")).toObject().value(QLatin1String("id")).toInteger(),
             qint64(4));
    QCOMPARE(client.get(client.api(path)).array().size(), before + 1);
    const QString one =
        path + QLatin1Char('/') + QString::number(created.object().value(QLatin1String("id")).toInteger());
    const SimReply patched =
        client.send("PATCH", client.api(one),
                    json(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                                  {QStringLiteral("path"), QStringLiteral("amount")},
                                                  {QStringLiteral("value"), 20}}}));
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.object().value(QLatin1String("amount")).toDouble(), 20.0);
    QCOMPARE(client.send("DELETE", client.api(one)).status, 204);
    QCOMPARE(client.get(client.api(path)).array().size(), before);
    const SimReply invalid = client.send("POST", client.api(path), "{}");
    QCOMPARE(invalid.status, 400);
    QCOMPARE(firstError(invalid).value(QLatin1String("field")).toString(), QStringLiteral("amount"));
}

void TestSimWrites::membersAreReadOnly()
{
    SimTestClient client(sim().baseUrl());
    QCOMPARE(client.send("POST", client.api(QStringLiteral("system/members")), R"({"identifier":"x"})").status, 405);
    QCOMPARE(client.send("DELETE", client.api(QStringLiteral("system/members/101"))).status, 405);
    QCOMPARE(
        client.get(client.api(QStringLiteral("system/members/jsmith"))).object().value(QLatin1String("id")).toInt(),
        101);
}

void TestSimWrites::resetRestoresSeededData()
{
    SimTestClient client(sim().baseUrl());
    const QByteArray original = client.get(client.api(QStringLiteral("company/companies/2"))).body;
    QCOMPARE(client.send("DELETE", client.api(QStringLiteral("company/companies/2"))).status, 204);
    const SimReply reset = client.control("POST", QStringLiteral("reset"));
    QCOMPARE(reset.status, 200);
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/2"))).body, original);
}

QTEST_GUILESS_MAIN(TestSimWrites)
#include "tst_sim_writes.moc"
