#include "core/config/ConfigExport.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/config/RemoteResolver.h"
#include "core/store/Database.h"
#include "tests/support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using namespace Cw;

namespace {

// The resolver of the target ConnectWise in these tests: records every question it was asked.
class FakeResolver final : public RemoteResolver
{
public:
    MapResolver lists;
    QList<QPair<QString, QString>> asked;
    std::optional<QString> resolveId(const QString& kind, const QString& name) override
    {
        asked.append(qMakePair(kind, name));
        return lists.resolveId(kind, name);
    }
};

} // namespace

// Runs on SQLite, and once more on PostgreSQL as tst_configexport_pg.
class TestConfigExport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void exportHasTheDocumentedShape();
    void roundTripResolvesByName();
    void importUsesExportedNameOrAs();
    void badDocuments_data();
    void badDocuments();
    void exportAndDatabaseHoldNoSecrets();

private:
    Instance createSource();

    CwTest::TestDatabase m_backend;
    std::unique_ptr<Database> m_db;
};

void TestConfigExport::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

void TestConfigExport::init()
{
    QString error;
    const DatabaseLocation location = m_backend.fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = std::make_unique<Database>(location);
    QVERIFY(m_db->open());
}

void TestConfigExport::cleanup()
{
    m_db.reset();
}

Instance TestConfigExport::createSource()
{
    InstanceRepository instances(*m_db);
    Instance i;
    i.name = QStringLiteral("Production");
    i.deployment = QStringLiteral("eu");
    i.companyId = QStringLiteral("acme");
    i.clientId = QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    i.proxyMode = Instance::ProxyMode::Manual;
    i.proxyHost = QStringLiteral("proxy.example.com");
    i.proxyPort = 8080;
    i.maxInFlight = 2;
    if (!instances.create(&i) || !instances.markReady(i.id)) {
        qFatal("cannot create the source connector");
    }
    ConnectorConfig c;
    c.serverVariables = {{QStringLiteral("import_account_status"), QStringLiteral("1"), QStringLiteral("Active")},
                         {QStringLiteral("product_category"), QStringLiteral("18"), QStringLiteral("Hardware")},
                         {QStringLiteral("product_billable_option"), QStringLiteral("Billable"), QString()},
                         {QStringLiteral("sales_representative"), QStringLiteral("150"), QStringLiteral("jsmith")}};
    c.syncOptions = {{Cw::Entity::Accounts, Cw::Operation::PushCreate, true},
                     {Cw::Entity::Invoices, Cw::Operation::PullUpdate, true},
                     {Cw::Entity::Payments, Cw::Operation::PushCreate, false}};
    c.lookups = {{QStringLiteral("currency"), QStringLiteral("EUR"), QStringLiteral("7"), QStringLiteral("Euro")},
                 {QStringLiteral("currency"), QStringLiteral("GBP"), QStringLiteral("9"), QStringLiteral("Pound")},
                 {QStringLiteral("invoice_type"), QStringLiteral("standard"), QStringLiteral("Standard"), QString()}};
    UserMapping ann;
    ann.localUserId = QStringLiteral("u1");
    ann.memberId = QStringLiteral("150");
    ann.memberIdentifier = QStringLiteral("jsmith");
    ann.matchBy = UserMapping::MatchBy::Email;
    ann.confidence = 95;
    ann.confirmed = true;
    UserMapping bob;
    bob.localUserId = QStringLiteral("u2");
    bob.memberId = QStringLiteral("151");
    bob.memberIdentifier = QStringLiteral("bgone");
    c.userMappings = {ann, bob};
    if (!ConnectorConfigRepository(*m_db).replace(i.id, c)) {
        qFatal("cannot store the source configuration");
    }
    return i;
}

void TestConfigExport::exportHasTheDocumentedShape()
{
    createSource();
    ConfigExport exporter(*m_db);
    StoreError error;
    const auto json = exporter.exportJson(QStringLiteral("production"), &error);
    QVERIFY2(json.has_value(), qPrintable(error.message));
    const QJsonObject root = QJsonDocument::fromJson(*json).object();
    QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("cwconnector-config"));
    QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
    const QJsonObject instance = root.value(QLatin1String("instance")).toObject();
    QCOMPARE(instance.value(QLatin1String("name")).toString(), QStringLiteral("Production"));
    QCOMPARE(instance.value(QLatin1String("companyId")).toString(), QStringLiteral("acme"));
    QCOMPARE(instance.value(QLatin1String("proxy")).toObject().value(QLatin1String("port")).toInt(), 8080);
    QCOMPARE(instance.value(QLatin1String("maxInFlight")).toInt(), 2);
    QVERIFY(!instance.contains(QLatin1String("id")));
    QVERIFY(!instance.contains(QLatin1String("state")));
    const QJsonArray variables = root.value(QLatin1String("serverVariables")).toArray();
    QCOMPARE(variables.size(), 4);
    const QJsonObject first = variables.at(0).toObject();
    QCOMPARE(first.keys(), (QStringList {QStringLiteral("id"), QStringLiteral("key"), QStringLiteral("name")}));
    QCOMPARE(root.value(QLatin1String("syncOptions")).toArray().size(), 3);
    const QJsonObject lookup = root.value(QLatin1String("lookups")).toArray().at(0).toObject();
    QCOMPARE(lookup.value(QLatin1String("local")).toString(), QStringLiteral("EUR"));
    QCOMPARE(lookup.value(QLatin1String("remoteId")).toString(), QStringLiteral("7"));
    QCOMPARE(root.value(QLatin1String("userMappings")).toArray().size(), 2);

    QVERIFY(!exporter.exportJson(QStringLiteral("missing"), &error).has_value());
    QCOMPARE(error.code, StoreError::Code::NotFound);
}

void TestConfigExport::roundTripResolvesByName()
{
    createSource();
    ConfigExport exporter(*m_db);
    const QByteArray json = exporter.exportJson(QStringLiteral("Production")).value();

    // The other ConnectWise: the same names under other ids; "Pound" and member "bgone" do not exist there.
    FakeResolver target;
    target.lists.add(QLatin1String(RemoteResolver::companyStatus), QStringLiteral("Active"), QStringLiteral("11"));
    target.lists.add(QLatin1String(RemoteResolver::productCategory), QStringLiteral("hardware"), QStringLiteral("28"));
    target.lists.add(QLatin1String(RemoteResolver::member), QStringLiteral("jsmith"), QStringLiteral("250"));
    target.lists.add(QLatin1String(RemoteResolver::currency), QStringLiteral("Euro"), QStringLiteral("17"));

    const auto document = ConfigDocument::parse(json);
    QVERIFY(document.has_value());
    const auto names = document->namesToResolve();
    QVERIFY(names.contains(qMakePair(QStringLiteral("currency"), QStringLiteral("Pound"))));
    QVERIFY(names.contains(qMakePair(QStringLiteral("member"), QStringLiteral("jsmith"))));
    QCOMPARE(names.count(qMakePair(QStringLiteral("member"), QStringLiteral("jsmith"))), 1);

    StoreError error;
    const auto result = exporter.importJson(json, QStringLiteral("Staging copy"), target, &error);
    QVERIFY2(result.has_value(), qPrintable(error.message));
    QCOMPARE(result->instance.name, QStringLiteral("Staging copy"));
    QCOMPARE(result->instance.state, Instance::State::Draft);
    QCOMPARE(result->instance.companyId, QStringLiteral("acme"));
    QCOMPARE(result->instance.proxyPort, 8080);
    QCOMPARE(result->instance.maxInFlight, 2);
    QCOMPARE(InstanceRepository(*m_db).findById(result->instance.id)->maxInFlight, 2);

    // Unresolved: the lookup GBP -> "Pound" and the mapping of u2 to member "bgone", with their old ids.
    QCOMPARE(result->unresolved.size(), 2);
    const UnresolvedReference pound = result->unresolved.at(0);
    QCOMPARE(pound.section, QStringLiteral("lookups"));
    QCOMPARE(pound.item, QStringLiteral("currency:GBP"));
    QCOMPARE(pound.kind, QStringLiteral("currency"));
    QCOMPARE(pound.name, QStringLiteral("Pound"));
    QCOMPARE(pound.oldId, QStringLiteral("9"));
    const UnresolvedReference member = result->unresolved.at(1);
    QCOMPARE(member.section, QStringLiteral("userMappings"));
    QCOMPARE(member.item, QStringLiteral("u2"));
    QCOMPARE(member.name, QStringLiteral("bgone"));
    QCOMPARE(member.oldId, QStringLiteral("151"));

    ConnectorConfigRepository repo(*m_db);
    const ConnectorConfig imported = repo.load(result->instance.id).value();
    const QList<ServerVariable> expectedVariables = {
        {QStringLiteral("import_account_status"), QStringLiteral("11"), QStringLiteral("Active")},
        {QStringLiteral("product_billable_option"), QStringLiteral("Billable"), QString()},
        {QStringLiteral("product_category"), QStringLiteral("28"), QStringLiteral("Hardware")},
        {QStringLiteral("sales_representative"), QStringLiteral("250"), QStringLiteral("jsmith")}};
    QCOMPARE(imported.serverVariables, expectedVariables);
    const QList<LookupValue> expectedLookups = {
        {QStringLiteral("currency"), QStringLiteral("EUR"), QStringLiteral("17"), QStringLiteral("Euro")},
        {QStringLiteral("invoice_type"), QStringLiteral("standard"), QStringLiteral("Standard"), QString()}};
    QCOMPARE(imported.lookups, expectedLookups);
    QCOMPARE(imported.syncOptions.size(), 3);
    QVERIFY(repo.isSyncEnabled(result->instance.id, Cw::Entity::Accounts, Cw::Operation::PushCreate));
    QVERIFY(!repo.isSyncEnabled(result->instance.id, Cw::Entity::Payments, Cw::Operation::PushCreate));
    QCOMPARE(imported.userMappings.size(), 1);
    QCOMPARE(imported.userMappings.at(0).memberId, QStringLiteral("250"));
    QCOMPARE(imported.userMappings.at(0).confidence, 95);
    QVERIFY(imported.userMappings.at(0).confirmed);
    // The fixed enumeration (invoice type, billable option) was never asked about.
    for (const auto& question : qAsConst(target.asked)) {
        QVERIFY(!question.first.isEmpty());
    }
    // The source is untouched.
    QCOMPARE(repo.load(InstanceRepository(*m_db).findByName(QStringLiteral("Production"))->id)->lookups.size(), 3);
}

void TestConfigExport::importUsesExportedNameOrAs()
{
    createSource();
    ConfigExport exporter(*m_db);
    const QByteArray json = exporter.exportJson(QStringLiteral("Production")).value();
    MapResolver empty;
    StoreError error;
    // Same name as the source: refused, and nothing is left behind.
    QVERIFY(!exporter.importJson(json, QString(), empty, &error).has_value());
    QCOMPARE(error.code, StoreError::Code::Duplicate);
    QCOMPARE(InstanceRepository(*m_db).list().size(), 1);
    // Under another name every list-based reference is unresolved; fixed values and options still come along.
    const auto result = exporter.importJson(json, QStringLiteral("Copy"), empty, &error);
    QVERIFY2(result.has_value(), qPrintable(error.message));
    QCOMPARE(result->unresolved.size(), 3 + 2 + 2);
    const ConnectorConfig imported = ConnectorConfigRepository(*m_db).load(result->instance.id).value();
    QCOMPARE(imported.serverVariables.size(), 1); // product_billable_option
    QCOMPARE(imported.lookups.size(), 1); // invoice_type
    QCOMPARE(imported.syncOptions.size(), 3);
}

void TestConfigExport::badDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QByteArray instance = R"("instance":{"name":"X","deployment":"na","companyId":"acme"})";
    QTest::newRow("not json") << QByteArray("{nope") << QStringLiteral("not a cwconnector configuration export");
    QTest::newRow("other format") << QByteArray(R"({"format":"other","version":1})")
                                  << QStringLiteral("not a cwconnector configuration export");
    QTest::newRow("newer version") << QByteArray(R"({"format":"cwconnector-config","version":2,)" + instance + "}")
                                   << QStringLiteral("written by a newer cwconnector");
    QTest::newRow("version 0") << QByteArray(R"({"format":"cwconnector-config","version":0,)" + instance + "}")
                               << QStringLiteral("version: must be a whole number");
    QTest::newRow("no instance") << QByteArray(R"({"format":"cwconnector-config","version":1})")
                                 << QStringLiteral("instance: is missing");
    QTest::newRow("no company")
        << QByteArray(R"({"format":"cwconnector-config","version":1,"instance":{"name":"X","deployment":"na"}})")
        << QStringLiteral("instance.companyId: is missing");
    QTest::newRow("unknown variable") << QByteArray(R"({"format":"cwconnector-config","version":1,)" + instance +
                                                    R"(,"serverVariables":[{"key":"colour","id":"1","name":"Red"}]})")
                                      << QStringLiteral("serverVariables[0]: Server variable: 'colour' is not known");
    QTest::newRow("unsupported option")
        << QByteArray(R"({"format":"cwconnector-config","version":1,)" + instance +
                      R"(,"syncOptions":[{"entity":"payments","operation":"pull_create","enabled":true}]})")
        << QStringLiteral("syncOptions[0]: Sync option: payments.pull_create is not supported");
    QTest::newRow("bad lookup") << QByteArray(R"({"format":"cwconnector-config","version":1,)" + instance +
                                              R"(,"lookups":[{"lookup":"colour","local":"a","remoteId":"1"}]})")
                                << QStringLiteral("lookups[0]: Lookup: 'colour' is not known");
    QTest::newRow("too many in flight")
        << QByteArray(R"({"format":"cwconnector-config","version":1,"instance":{"name":"X","deployment":"na",)"
                      R"("companyId":"acme","maxInFlight":40}})")
        << QStringLiteral("instance.maxInFlight: Requests in flight: 40 is out of range; use a number from 1 to 16");
    QTest::newRow("in flight as text")
        << QByteArray(R"({"format":"cwconnector-config","version":1,"instance":{"name":"X","deployment":"na",)"
                      R"("companyId":"acme","maxInFlight":"many"}})")
        << QStringLiteral("instance.maxInFlight: must be a whole number from 1 to 16");
    QTest::newRow("lists not lists") << QByteArray(R"({"format":"cwconnector-config","version":1,)" + instance +
                                                   R"(,"userMappings":{}})")
                                     << QStringLiteral("userMappings: must be a list");
}

void TestConfigExport::badDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    MapResolver resolver;
    StoreError error;
    QVERIFY(!ConfigExport(*m_db).importJson(json, QString(), resolver, &error).has_value());
    QCOMPARE(error.code, StoreError::Code::BadDocument);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QCOMPARE(InstanceRepository(*m_db).list().size(), 0);
}

void TestConfigExport::exportAndDatabaseHoldNoSecrets()
{
    createSource();
    const QByteArray json = ConfigExport(*m_db).exportJson(QStringLiteral("Production")).value();
    // No key-like member anywhere in the document.
    const QStringList forbidden = {QStringLiteral("publickey"), QStringLiteral("privatekey"),
                                   QStringLiteral("password"),  QStringLiteral("secret"),
                                   QStringLiteral("token"),     QStringLiteral("authorization")};
    const QString text = QString::fromUtf8(json).toLower();
    for (const QString& word : forbidden) {
        QVERIFY2(!text.contains(word), qPrintable(word));
    }
    // No table has a column that could hold one either.
    for (const QString& table : m_db->connection().tables()) {
        const QSqlRecord record = m_db->connection().record(table);
        for (int i = 0; i < record.count(); ++i) {
            const QString column = record.fieldName(i).toLower();
            for (const QString& word : forbidden) {
                QVERIFY2(!column.contains(word), qPrintable(table + QLatin1Char('.') + column));
            }
            QVERIFY2(!column.contains(QLatin1String("key")) || column == QLatin1String("name_key"),
                     qPrintable(table + QLatin1Char('.') + column));
        }
    }
}

QTEST_GUILESS_MAIN(TestConfigExport)
#include "tst_configexport.moc"
