// Sim::ModelValidator against the real model table: unknown members at any depth, member types, nullable,
// required members, maxLength and enum values.
#include "app/sim/ModelValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Sim::ModelValidator;
using Sim::ModelViolation;
using Kind = ModelViolation::Kind;

Q_DECLARE_METATYPE(ModelViolation::Kind)

class TestModelValidator final : public QObject
{
    Q_OBJECT

private slots:
    void validBodies_data();
    void validBodies();
    void violations_data();
    void violations();
    void requiredOnlyWhenAsked();
    void everyViolationIsReported();
    void member();
    void paths();
};

namespace {

QJsonValue parse(const char* json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

} // namespace

void TestModelValidator::validBodies_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("company") << "Company"
                             << QByteArray(R"({"identifier":"Acme","name":"Acme Ltd","site":{"name":"Main"},)"
                                           R"("city":"Tampa","status":{"id":1},"types":[{"id":1,"name":"Client"}],)"
                                           R"("integratorTags":["a"],"annualRevenue":null,"_info":{"x_href":"u"}})");
    QTest::newRow("payment") << "Payment"
                             << QByteArray(R"({"type":"Payment","amount":12.5,"paymentDate":"2024-01-02T00:00:00Z",)"
                                           R"("invoice":{"id":3,"identifier":"100003","billingType":"Standard"}})");
    QTest::newRow("lenient conversions")
        << "ProductItem"
        << QByteArray(R"({"billableOption":"billable","quantity":"2","price":"9.5","taxableFlag":"true",)"
                      R"("description":42,"locationId":"7","dropshipFlag":1})");
    QTest::newRow("nullable numbers") << "CatalogItem"
                                      << QByteArray(R"({"identifier":"A","description":"B","customerDescription":"C",)"
                                                    R"("price":null,"productClass":null,"notes":null})");
    QTest::newRow("any value") << "PatchOperation" << QByteArray(R"({"op":"replace","path":"x","value":[1,{"a":2}]})");
    QTest::newRow("currency code reference")
        << "Finance.Currency"
        << QByteArray(R"({"currencyIdentifier":"USD","name":"US Dollar","currencyCode":{"id":1,"name":"USD"}})");
}

void TestModelValidator::validBodies()
{
    QFETCH(QString, schema);
    QFETCH(QByteArray, json);
    const Sim::ModelTable table;
    const auto found = ModelValidator(table).validate(parse(json.constData()), schema, ModelValidator::Required::Check);
    QVERIFY2(found.empty(),
             found.empty() ? "" : qPrintable(found.front().jsonPath() + QLatin1Char(' ') + found.front().message));
}

void TestModelValidator::violations_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown member") << "Payment" << QByteArray(R"({"amount":1,"paymentMethod":{"id":11}})")
                                    << Kind::UnknownMember << "paymentMethod"
                                    << "Could not find member 'paymentMethod' on object of type 'Payment'.";
    QTest::newRow("unknown member in a reference")
        << "Company" << QByteArray(R"({"identifier":"A","name":"B","status":{"id":1,"code":"x"}})")
        << Kind::UnknownMember << "status.code"
        << "Could not find member 'code' on object of type 'CompanyStatusReference'.";
    QTest::newRow("unknown member in an array element")
        << "Company" << QByteArray(R"({"identifier":"A","name":"B","types":[{"id":1},{"id":2,"flag":true}]})")
        << Kind::UnknownMember << "types[1].flag"
        << "Could not find member 'flag' on object of type 'CompanyTypeReference'.";
    QTest::newRow("string for a reference")
        << "Invoice" << QByteArray(R"({"type":"Standard","company":"250"})") << Kind::WrongType << "company"
        << "Error converting value \"250\" to type 'ConnectWise.Apis.v3_0.v2022_1.Common.Models.CompanyReference'.";
    QTest::newRow("number for a reference")
        << "Invoice" << QByteArray(R"({"type":"Standard","company":250})") << Kind::WrongType << "company"
        << "Error converting value 250 to type 'ConnectWise.Apis.v3_0.v2022_1.Common.Models.CompanyReference'.";
    QTest::newRow("object for a string") << "Company" << QByteArray(R"({"identifier":"A","name":{"x":1}})")
                                         << Kind::WrongType << "name"
                                         << "Error reading string. Unexpected token: StartObject.";
    QTest::newRow("text for an integer") << "ProductItem"
                                         << QByteArray(R"({"billableOption":"Billable","locationId":"x"})")
                                         << Kind::WrongType << "locationId"
                                         << "Could not convert string to integer: x.";
    QTest::newRow("fraction for an integer")
        << "Company" << QByteArray(R"({"identifier":"A","name":"B","id":1.5})") << Kind::WrongType << "id"
        << "Input string '1.5' is not a valid integer.";
    QTest::newRow("null for a non-nullable integer")
        << "Company" << QByteArray(R"({"identifier":"A","name":"B","id":null})") << Kind::WrongType << "id"
        << "Error converting value {null} to type 'System.Int32'.";
    QTest::newRow("text for a number") << "Payment" << QByteArray(R"({"amount":"lots"})") << Kind::WrongType << "amount"
                                       << "Could not convert string to double: lots.";
    QTest::newRow("text for a boolean") << "Company" << QByteArray(R"({"identifier":"A","name":"B","leadFlag":"yes"})")
                                        << Kind::WrongType << "leadFlag"
                                        << "Could not convert string to boolean: yes.";
    QTest::newRow("object for an array") << "Company" << QByteArray(R"({"identifier":"A","name":"B","types":{"id":1}})")
                                         << Kind::WrongType << "types"
                                         << "Cannot deserialize the current JSON object (e.g. {\"name\":\"value\"}) "
                                            "into type 'System.Collections.Generic.List`1[ConnectWise.Apis.v3_0."
                                            "v2022_1.Common.Models.CompanyTypeReference]' because the type requires a "
                                            "JSON array (e.g. [1,2,3]) to deserialize correctly.";
    QTest::newRow("_info not a map") << "Company" << QByteArray(R"({"identifier":"A","name":"B","_info":"x"})")
                                     << Kind::WrongType << "_info"
                                     << "Error converting value \"x\" to type 'System.Collections.Generic."
                                        "Dictionary`2[System.String,System.String]'.";
    QTest::newRow("object inside _info") << "Company"
                                         << QByteArray(R"({"identifier":"A","name":"B","_info":{"a":{"b":1}}})")
                                         << Kind::WrongType << "_info.a"
                                         << "Error reading string. Unexpected token: StartObject.";
    QTest::newRow("too long") << "Company" << QByteArray(R"({"identifier":"ABCDEFGHIJKLMNOPQRSTUVWXYZ","name":"B"})")
                              << Kind::MaxLength << "identifier"
                              << "The field identifier must be a string with a maximum length of 25.";
    QTest::newRow("bad enum") << "Invoice" << QByteArray(R"({"type":"Weekly"})") << Kind::BadEnum << "type"
                              << "The value 'Weekly' is not valid for type; use one of: Agreement, CreditMemo, "
                                 "DownPayment, Miscellaneous, Progress, Standard.";
    QTest::newRow("missing required") << "CatalogItem" << QByteArray(R"({"identifier":"A","description":"B"})")
                                      << Kind::MissingRequired << "customerDescription"
                                      << "The customerDescription field is required.";
    QTest::newRow("blank required") << "ProductItem" << QByteArray(R"({"billableOption":" "})") << Kind::BadEnum
                                    << "billableOption"
                                    << "The value ' ' is not valid for billableOption; use one of: Billable, "
                                       "DoNotBill, NoCharge.";
    QTest::newRow("not an object") << "Company" << QByteArray(R"(["x"])") << Kind::WrongType << ""
                                   << "Cannot deserialize the current JSON array (e.g. [1,2,3]) into type "
                                      "'ConnectWise.Apis.v3_0.v2022_1.Common.Models.Company' because the type "
                                      "requires a JSON object (e.g. {\"name\":\"value\"}) to deserialize correctly.";
}

void TestModelValidator::violations()
{
    QFETCH(QString, schema);
    QFETCH(QByteArray, json);
    QFETCH(Kind, kind);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Sim::ModelTable table;
    const auto found = ModelValidator(table).validate(parse(json.constData()), schema, ModelValidator::Required::Check);
    QVERIFY(!found.empty());
    const auto it = std::find_if(found.begin(), found.end(), [&](const ModelViolation& v) { return v.kind == kind; });
    QVERIFY2(it != found.end(), qPrintable(found.front().message));
    QCOMPARE(it->jsonPath(), path);
    QCOMPARE(it->message, message);
    QCOMPARE(it->isStructural(), kind == Kind::UnknownMember || kind == Kind::WrongType);
}

void TestModelValidator::requiredOnlyWhenAsked()
{
    const Sim::ModelTable table;
    const ModelValidator validator(table);
    const QJsonValue partial = parse(R"({"name":"Only a name"})");
    QVERIFY(validator.validate(partial, QStringLiteral("Company"), ModelValidator::Required::Ignore).empty());
    const auto found = validator.validate(partial, QStringLiteral("Company"), ModelValidator::Required::Check);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found.front().kind, Kind::MissingRequired);
    QCOMPARE(found.front().fieldPath(), QStringLiteral("identifier"));
    QCOMPARE(found.front().type, QStringLiteral("Company"));
}

void TestModelValidator::everyViolationIsReported()
{
    const Sim::ModelTable table;
    const auto found = ModelValidator(table).validate(
        parse(R"({"wholesaleFlag":false,"amount":"x","invoice":{"id":1,"foo":2},"type":{"id":1}})"),
        QStringLiteral("Payment"), ModelValidator::Required::Check);
    QCOMPARE(found.size(), std::size_t(4));
    QStringList paths;
    for (const ModelViolation& v : found) {
        QVERIFY(v.isStructural());
        paths.append(v.jsonPath());
    }
    paths.sort();
    QCOMPARE(paths,
             (QStringList {QStringLiteral("amount"), QStringLiteral("invoice.foo"), QStringLiteral("type"),
                           QStringLiteral("wholesaleFlag")}));
}

void TestModelValidator::member()
{
    const Sim::ModelTable table;
    const ModelValidator validator(table);
    QVERIFY(validator.validateMember(QStringLiteral("Company"), QStringLiteral("name"), QStringLiteral("X")).empty());
    const auto unknown = validator.validateMember(QStringLiteral("Company"), QStringLiteral("nickname"), 1);
    QCOMPARE(unknown.size(), std::size_t(1));
    QCOMPARE(unknown.front().kind, Kind::UnknownMember);
    QCOMPARE(unknown.front().message, QStringLiteral("Could not find member 'nickname' on object of type 'Company'."));
    const auto wrong =
        validator.validateMember(QStringLiteral("Company"), QStringLiteral("status"), QStringLiteral("2"));
    QCOMPARE(wrong.size(), std::size_t(1));
    QCOMPARE(wrong.front().kind, Kind::WrongType);
    const auto tooLong =
        validator.validateMember(QStringLiteral("Company"), QStringLiteral("zip"), QString(13, QLatin1Char('9')));
    QCOMPARE(tooLong.size(), std::size_t(1));
    QCOMPARE(tooLong.front().kind, Kind::MaxLength);
}

void TestModelValidator::paths()
{
    ModelViolation v;
    v.path = QStringList {QStringLiteral("types"), QStringLiteral("[2]"), QStringLiteral("name")};
    QCOMPARE(v.jsonPath(), QStringLiteral("types[2].name"));
    QCOMPARE(v.fieldPath(), QStringLiteral("types/name"));
}

QTEST_GUILESS_MAIN(TestModelValidator)
#include "tst_modelvalidator.moc"
