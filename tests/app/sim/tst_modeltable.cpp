// Sim::ModelTable: the project's copy of ConnectWise's models (app/sim/models) is the reference file, compiled into
// cwsim, and it answers per path template and method with the body and response schemas.
#include "app/sim/ModelTable.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

class TestModelTable final : public QObject
{
    Q_OBJECT

private slots:
    void copyIsTheReference();
    void resourceIsTheCopy();
    void loads();
    void pathTemplates_data();
    void pathTemplates();
    void operations();
    void schemaMembers();
    void brokenJsonIsInvalid();
};

namespace {

QByteArray read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

} // namespace

void TestModelTable::copyIsTheReference()
{
    // CI always has ../shared beside the checkout: a missing reference is a failure, never a skip.
    const QString reference = QStringLiteral(CW_REFERENCE_MODELS);
    const QByteArray expected = read(reference);
    QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("cannot read %1").arg(reference)));
    const QByteArray copy = read(QStringLiteral(CW_PROJECT_MODELS));
    QVERIFY2(copy == expected,
             qPrintable(QStringLiteral("%1 differs from %2: copy the reference again")
                            .arg(QStringLiteral(CW_PROJECT_MODELS), reference)));
}

void TestModelTable::resourceIsTheCopy()
{
    QCOMPARE(read(QString::fromLatin1(Sim::ModelTable::kResource)), read(QStringLiteral(CW_PROJECT_MODELS)));
}

void TestModelTable::loads()
{
    const Sim::ModelTable table;
    QVERIFY2(table.isValid(), qPrintable(table.error()));
    QCOMPARE(table.pathTemplates().size(), 60);
    QCOMPARE(table.schemaNames().size(), 92);
}

void TestModelTable::pathTemplates_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("list") << "company/companies"
                          << "/company/companies";
    QTest::newRow("leading slash") << "/company/companies"
                                   << "/company/companies";
    QTest::newRow("by id") << "company/companies/12"
                           << "/company/companies/{id}";
    QTest::newRow("literal beats placeholder") << "company/companies/types"
                                               << "/company/companies/types";
    QTest::newRow("count") << "company/companies/count"
                           << "/company/companies/count";
    QTest::newRow("child list") << "finance/invoices/7/payments"
                                << "/finance/invoices/{parentId}/payments";
    QTest::newRow("child record") << "finance/invoices/7/payments/3"
                                  << "/finance/invoices/{parentId}/payments/{id}";
    QTest::newRow("trailing slash in the table") << "procurement/subcategories"
                                                 << "/procurement/subcategories/";
    QTest::newRow("case-insensitive") << "Finance/Currencies"
                                      << "/finance/currencies";
    QTest::newRow("unknown") << "service/tickets"
                             << "";
    QTest::newRow("too deep") << "company/companies/1/2/3"
                              << "";
}

void TestModelTable::pathTemplates()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const Sim::ModelTable table;
    QCOMPARE(table.pathTemplate(path), expected);
}

void TestModelTable::operations()
{
    const Sim::ModelTable table;
    const Sim::ModelOperation list = table.operation(QStringLiteral("finance/invoices/5/payments"), "GET");
    QVERIFY(list.exists);
    QCOMPARE(list.response, QStringLiteral("Payment"));
    QVERIFY(list.array);
    const Sim::ModelOperation post = table.operation(QStringLiteral("finance/invoices/5/payments"), "POST");
    QCOMPARE(post.body, QStringLiteral("Payment"));
    QCOMPARE(post.status, 201);
    QVERIFY(!post.array);
    const Sim::ModelOperation patch = table.operation(QStringLiteral("procurement/products/9"), "patch");
    QCOMPARE(patch.body, QStringLiteral("PatchOperation"));
    QVERIFY(patch.bodyArray);
    QCOMPARE(patch.response, QStringLiteral("ProductItem"));
    const Sim::ModelOperation remove = table.operation(QStringLiteral("company/countries/1"), "DELETE");
    QVERIFY(remove.exists);
    QCOMPARE(remove.status, 204);
    QVERIFY(remove.response.isEmpty());
    QCOMPARE(table.operation(QStringLiteral("finance/currencies"), "GET").response, QStringLiteral("Finance.Currency"));
    QVERIFY(!table.operation(QStringLiteral("system/info"), "POST").exists);
    QVERIFY(!table.operation(QStringLiteral("nowhere"), "GET").exists);
}

void TestModelTable::schemaMembers()
{
    const Sim::ModelTable table;
    const Sim::ModelSchema* currency = table.schema(QStringLiteral("Finance.Currency"));
    QVERIFY(currency);
    QCOMPARE(currency->typeName(), QStringLiteral("Currency"));
    QCOMPARE(currency->required, (QStringList {QStringLiteral("currencyIdentifier"), QStringLiteral("name")}));
    const Sim::ModelProperty* code = currency->property(QStringLiteral("currencyCode"));
    QVERIFY(code);
    QCOMPARE(code->kind, Sim::ModelProperty::Kind::Reference);
    QCOMPARE(code->reference, QStringLiteral("CurrencyCodeReference"));
    QCOMPARE(currency->property(QStringLiteral("currencyIdentifier"))->maxLength, 10);
    QVERIFY(currency->nullable.contains(QStringLiteral("numberOfDecimals")));
    QVERIFY(!currency->property(QStringLiteral("defaultFlag")));

    const Sim::ModelSchema* item = table.schema(QStringLiteral("ProductItem"));
    QVERIFY(item);
    const Sim::ModelProperty* billable = item->property(QStringLiteral("billableOption"));
    QCOMPARE(billable->kind, Sim::ModelProperty::Kind::Enum);
    QCOMPARE(billable->values,
             (QStringList {QStringLiteral("Billable"), QStringLiteral("DoNotBill"), QStringLiteral("NoCharge")}));
    const Sim::ModelProperty* info = item->property(QStringLiteral("_info"));
    QCOMPARE(info->kind, Sim::ModelProperty::Kind::Map);
    QCOMPARE(info->items->kind, Sim::ModelProperty::Kind::String);
    const Sim::ModelProperty* serials = item->property(QStringLiteral("serialNumberIds"));
    QCOMPARE(serials->kind, Sim::ModelProperty::Kind::Array);
    QCOMPARE(serials->items->kind, Sim::ModelProperty::Kind::Number);
    QCOMPARE(table.schema(QStringLiteral("PatchOperation"))->property(QStringLiteral("value"))->kind,
             Sim::ModelProperty::Kind::Any);
    QVERIFY(!table.schema(QStringLiteral("Nothing")));
}

void TestModelTable::brokenJsonIsInvalid()
{
    const Sim::ModelTable broken = Sim::ModelTable::fromJson("{\"paths\":");
    QVERIFY(!broken.isValid());
    QVERIFY(!broken.error().isEmpty());
    QVERIFY(Sim::ModelTable::fromJson(read(QStringLiteral(CW_PROJECT_MODELS))).isValid());
}

QTEST_GUILESS_MAIN(TestModelTable)
#include "tst_modeltable.moc"
