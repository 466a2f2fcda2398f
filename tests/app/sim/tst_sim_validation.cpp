// cwconnector-sim holds write bodies to ConnectWise's models, as ConnectWise does: unknown members and wrong types
// (400 ConnectWiseApi), missing required members, over-long strings and bad enum values (400 InvalidObject with
// errors[]), the rules ConnectWise enforces beyond the schema, PATCH paths, and the log of violations.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QTest>

#include <memory>

using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimValidation final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void unknownMember();
    void unknownMemberInAReference();
    void wrongType();
    void invalidObject_data();
    void invalidObject();
    void rulesBeyondTheSchema_data();
    void rulesBeyondTheSchema();
    void putIsValidatedToo();
    void patchPaths();
    void patchNestedPathIsAFalse200();
    void patchValueIsTypeChecked();
    void violationsAreLoggedAndReset();

private:
    std::unique_ptr<CwTest::SimProcess> m_sim;
    std::unique_ptr<SimTestClient> m_client;
    SimTestClient& client() { return *m_client; }
};

namespace {

QJsonObject firstError(const SimReply& reply)
{
    return reply.object().value(QLatin1String("errors")).toArray().at(0).toObject();
}

QByteArray op(const char* path, const QByteArray& valueJson)
{
    return "[{\"op\":\"replace\",\"path\":\"" + QByteArray(path) + "\",\"value\":" + valueJson + "}]";
}

} // namespace

void TestSimValidation::init()
{
    m_sim = std::make_unique<CwTest::SimProcess>();
    QVERIFY2(m_sim->start({QStringLiteral("--records"), QStringLiteral("10")}), qPrintable(m_sim->output()));
    m_client = std::make_unique<SimTestClient>(m_sim->baseUrl());
}

void TestSimValidation::unknownMember()
{
    const QByteArray body = R"({"type":"Payment","paymentMethod":{"id":11},"amount":5})";
    const SimReply reply = client().send("POST", client().api(QStringLiteral("finance/invoices/2/payments")), body);
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.object();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("ConnectWiseApi"));
    QCOMPARE(error.value(QLatin1String("message")).toString(),
             QStringLiteral("Could not find member 'paymentMethod' on object of type 'Payment'. Path "
                            "'paymentMethod', line 1, position 35."));
    QVERIFY(error.value(QLatin1String("errors")).isNull());
    QVERIFY(error.contains(QLatin1String("errors")));
    QCOMPARE(client().get(client().api(QStringLiteral("finance/invoices/2/payments"))).array().size(),
             client().get(client().api(QStringLiteral("finance/invoices/2/payments"))).array().size());
}

void TestSimValidation::unknownMemberInAReference()
{
    const QByteArray body = "{\"identifier\":\"X1\",\"name\":\"X\",\"city\":\"Tampa\",\"site\":{\"name\":\"Main\"},\n"
                            "  \"status\":{\"id\":1,\"code\":\"A\"}}";
    const SimReply reply = client().send("POST", client().api(QStringLiteral("company/companies")), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.object().value(QLatin1String("message")).toString(),
             QStringLiteral("Could not find member 'code' on object of type 'CompanyStatusReference'. Path "
                            "'status.code', line 2, position 27."));
}

void TestSimValidation::wrongType()
{
    const SimReply reply = client().send("POST", client().api(QStringLiteral("finance/invoices")),
                                         R"({"type":"Standard","company":"250"})");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.object().value(QLatin1String("code")).toString(), QStringLiteral("ConnectWiseApi"));
    QCOMPARE(reply.object().value(QLatin1String("message")).toString(),
             QStringLiteral("Error converting value \"250\" to type "
                            "'ConnectWise.Apis.v3_0.v2022_1.Common.Models.CompanyReference'. Path 'company', line 1, "
                            "position 30."));
}

void TestSimValidation::invalidObject_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("missing required") << "procurement/catalog"
                                      << QByteArray(R"({"identifier":"A","description":"B","subcategory":{"id":1},)"
                                                    R"("type":{"id":1}})")
                                      << "MissingRequiredField"
                                      << "customerDescription";
    QTest::newRow("too long") << "company/companies"
                              << QByteArray(R"({"identifier":"A","name":"B","zip":"1234567890123","site":{"id":1}})")
                              << "MaxLengthField"
                              << "zip";
    QTest::newRow("bad enum") << "finance/invoices" << QByteArray(R"({"type":"Weekly","company":{"id":1}})")
                              << "InvalidField"
                              << "type";
    QTest::newRow("nested too long")
        << "procurement/products"
        << QByteArray(
               R"({"catalogItem":{"id":1},"invoice":{"id":1},"billableOption":"Billable","shipSet":"12345678901"})")
        << "MaxLengthField"
        << "shipSet";
}

void TestSimValidation::invalidObject()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const int before =
        client().get(client().api(path + QStringLiteral("/count"))).object().value(QLatin1String("count")).toInt();
    const SimReply reply = client().send("POST", client().api(path), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    QCOMPARE(firstError(reply).value(QLatin1String("code")).toString(), code);
    QCOMPARE(firstError(reply).value(QLatin1String("field")).toString(), field);
    QVERIFY(!firstError(reply).value(QLatin1String("resource")).toString().isEmpty());
    QVERIFY(!firstError(reply).value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(client().get(client().api(path + QStringLiteral("/count"))).object().value(QLatin1String("count")).toInt(),
             before);
}

void TestSimValidation::rulesBeyondTheSchema_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("company without a site")
        << "company/companies" << QByteArray(R"({"identifier":"A","name":"B","city":"Tampa"})") << "site";
    QTest::newRow("company without an address")
        << "company/companies" << QByteArray(R"({"identifier":"A","name":"B","site":{"name":"Main"}})")
        << "addressLine1";
    QTest::newRow("invoice without a company")
        << "finance/invoices" << QByteArray(R"({"type":"Standard"})") << "company";
    QTest::newRow("invoice without a type") << "finance/invoices" << QByteArray(R"({"company":{"id":1}})") << "type";
    QTest::newRow("order without a sales rep")
        << "sales/orders" << QByteArray(R"({"company":{"id":1},"status":{"id":1}})") << "salesRep";
    QTest::newRow("order without a status")
        << "sales/orders" << QByteArray(R"({"company":{"id":1},"salesRep":{"id":101}})") << "status";
    QTest::newRow("catalog item without a subcategory")
        << "procurement/catalog"
        << QByteArray(R"({"identifier":"A","description":"B","customerDescription":"C","type":{"id":1}})")
        << "subcategory";
    QTest::newRow("catalog item without a type")
        << "procurement/catalog"
        << QByteArray(R"({"identifier":"A","description":"B","customerDescription":"C","subcategory":{"id":1}})")
        << "type";
    QTest::newRow("product item without billableOption")
        << "procurement/products" << QByteArray(R"({"catalogItem":{"id":1},"invoice":{"id":1}})") << "billableOption";
    QTest::newRow("product item without a catalog item")
        << "procurement/products" << QByteArray(R"({"billableOption":"Billable","invoice":{"id":1}})") << "catalogItem";
}

void TestSimValidation::rulesBeyondTheSchema()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const SimReply reply = client().send("POST", client().api(path), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    QStringList fields;
    for (const QJsonValue& e : reply.object().value(QLatin1String("errors")).toArray()) {
        QCOMPARE(e.toObject().value(QLatin1String("code")).toString(), QStringLiteral("MissingRequiredField"));
        fields.append(e.toObject().value(QLatin1String("field")).toString());
    }
    QCOMPARE(fields, QStringList {field});
}

void TestSimValidation::putIsValidatedToo()
{
    const QJsonObject company = client().get(client().api(QStringLiteral("company/companies/4"))).object();
    QJsonObject withExtra = company;
    withExtra.insert(QStringLiteral("nickname"), QStringLiteral("x"));
    const SimReply refused = client().send("PUT", client().api(QStringLiteral("company/companies/4")),
                                           QJsonDocument(withExtra).toJson(QJsonDocument::Compact));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.object().value(QLatin1String("code")).toString(), QStringLiteral("ConnectWiseApi"));
    // What was served goes back as it is.
    const SimReply put = client().send("PUT", client().api(QStringLiteral("company/companies/4")),
                                       QJsonDocument(company).toJson(QJsonDocument::Compact));
    QCOMPARE(put.status, 200);
}

void TestSimValidation::patchPaths()
{
    const QString path = QStringLiteral("company/companies/3");
    const SimReply unknown = client().send("PATCH", client().api(path), op("nickname", "\"x\""));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.object().value(QLatin1String("code")).toString(), QStringLiteral("ConnectWiseApi"));
    QVERIFY2(unknown.object()
                 .value(QLatin1String("message"))
                 .toString()
                 .startsWith(
                     QStringLiteral("Could not find member 'nickname' on object of type 'Company'. Path 'nickname'")),
             unknown.body.constData());
    const SimReply unknownOpMember =
        client().send("PATCH", client().api(path), R"([{"op":"replace","path":"name","value":"x","from":"y"}])");
    QCOMPARE(unknownOpMember.status, 400);
    QVERIFY(unknownOpMember.object()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("'from' on object of type 'PatchOperation'")));
    const SimReply renamed = client().send("PATCH", client().api(path), op("name", "\"Patched Name\""));
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.object().value(QLatin1String("name")).toString(), QStringLiteral("Patched Name"));
}

void TestSimValidation::patchNestedPathIsAFalse200()
{
    const QString path = QStringLiteral("company/companies/3");
    const QByteArray before = client().get(client().api(path)).body;
    for (const char* nested : {"status/id", "/status/name"}) {
        const SimReply patched = client().send("PATCH", client().api(path), op(nested, "2"));
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.body, before);
    }
    QCOMPARE(client().get(client().api(path)).body, before); // nothing changed, not even _info/lastUpdated
    const SimReply unknownParent = client().send("PATCH", client().api(path), op("nothing/id", "2"));
    QCOMPARE(unknownParent.status, 400);
}

void TestSimValidation::patchValueIsTypeChecked()
{
    const QString path = QStringLiteral("finance/invoices/2");
    const SimReply wrong = client().send("PATCH", client().api(path), op("company", "\"250\""));
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.object().value(QLatin1String("code")).toString(), QStringLiteral("ConnectWiseApi"));
    QVERIFY2(wrong.object().value(QLatin1String("message")).toString().contains(QLatin1String("Path 'company'")),
             wrong.body.constData());
    const SimReply inner = client().send("PATCH", client().api(path), op("company", R"({"id":1,"x":1})"));
    QCOMPARE(inner.status, 400);
    QVERIFY(inner.object().value(QLatin1String("message")).toString().contains(QLatin1String("Path 'company.x'")));
    const SimReply badEnum = client().send("PATCH", client().api(path), op("type", "\"Weekly\""));
    QCOMPARE(badEnum.status, 400);
    QCOMPARE(badEnum.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    QCOMPARE(firstError(badEnum).value(QLatin1String("field")).toString(), QStringLiteral("type"));
    const SimReply ok = client().send("PATCH", client().api(path), op("type", "\"Progress\""));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.object().value(QLatin1String("type")).toString(), QStringLiteral("Progress"));
}

void TestSimValidation::violationsAreLoggedAndReset()
{
    QCOMPARE(client().control("GET", QStringLiteral("violations")).array().size(), 0);
    client().send("POST", client().api(QStringLiteral("finance/invoices/2/payments")), R"({"paymentMethod":{"id":1}})");
    client().send("POST", client().api(QStringLiteral("finance/invoices")), R"({"type":"Standard"})");
    client().send("PATCH", client().api(QStringLiteral("company/companies/3")), op("status/id", "2"));
    // Refusals that are no model violation are not logged.
    client().send("POST", client().api(QStringLiteral("procurement/products")),
                  R"({"catalogItem":{"id":99999},"invoice":{"id":1},"billableOption":"Billable"})");
    const QJsonArray violations = client().control("GET", QStringLiteral("violations")).array();
    QCOMPARE(violations.size(), 3);
    const QJsonObject first = violations.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(first.value(QLatin1String("path")).toString(), QStringLiteral("finance/invoices/2/payments"));
    QCOMPARE(first.value(QLatin1String("status")).toInt(), 400);
    QCOMPARE(first.value(QLatin1String("code")).toString(), QStringLiteral("ConnectWiseApi"));
    QVERIFY(first.value(QLatin1String("message")).toString().contains(QLatin1String("paymentMethod")));
    const QJsonObject second = violations.at(1).toObject();
    QCOMPARE(second.value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
    QCOMPARE(second.value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(),
             QStringLiteral("company"));
    const QJsonObject third = violations.at(2).toObject();
    QCOMPARE(third.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(third.value(QLatin1String("code")).toString(), QStringLiteral("NestedPatchPath"));
    QCOMPARE(client().control("GET", QStringLiteral("state")).object().value(QLatin1String("modelViolations")).toInt(),
             3);
    // The helper sync tests use.
    QCOMPARE(m_sim->modelViolations(), violations);
    QVERIFY(CwTest::SimProcess::describe(violations)
                .startsWith(QLatin1String("POST finance/invoices/2/payments: Could not find member 'paymentMethod'")));
    QCOMPARE(client().control("POST", QStringLiteral("reset")).status, 200);
    QVERIFY(m_sim->modelViolations().isEmpty());
    QCOMPARE(client().control("GET", QStringLiteral("violations")).array().size(), 0);
}

QTEST_GUILESS_MAIN(TestSimValidation)
#include "tst_sim_validation.moc"
