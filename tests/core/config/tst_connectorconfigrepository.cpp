#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/store/Database.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

#include <memory>

using namespace Cw;

// Runs on SQLite, and once more on PostgreSQL as tst_connectorconfigrepository_pg.
class TestConnectorConfigRepository final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void upsertsAndClears();
    void syncMatrix_data();
    void syncMatrix();
    void invalidValuesAreRefused_data();
    void invalidValuesAreRefused();
    void replaceIsAllOrNothing();
    void valuesWithQuotesRoundTrip();

private:
    CwTest::TestDatabase m_backend;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConnectorConfigRepository> m_repo;
    qint64 m_id = 0;
};

void TestConnectorConfigRepository::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

void TestConnectorConfigRepository::init()
{
    QString error;
    const DatabaseLocation location = m_backend.fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = std::make_unique<Database>(location);
    QVERIFY(m_db->open());
    Instance i;
    i.name = QStringLiteral("Production");
    i.deployment = QStringLiteral("na");
    i.companyId = QStringLiteral("acme");
    QVERIFY(InstanceRepository(*m_db).create(&i));
    m_id = i.id;
    m_repo = std::make_unique<ConnectorConfigRepository>(*m_db);
}

void TestConnectorConfigRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

void TestConnectorConfigRepository::upsertsAndClears()
{
    QVERIFY(
        m_repo->setServerVariable(m_id, {QStringLiteral("product_uom"), QStringLiteral("1"), QStringLiteral("Each")}));
    QVERIFY(
        m_repo->setServerVariable(m_id, {QStringLiteral("product_uom"), QStringLiteral("2"), QStringLiteral("Hour")}));
    QCOMPARE(m_repo->serverVariables(m_id),
             (QList<ServerVariable> {{QStringLiteral("product_uom"), QStringLiteral("2"), QStringLiteral("Hour")}}));
    QVERIFY(m_repo->clearServerVariable(m_id, QStringLiteral("product_uom")));
    QVERIFY(m_repo->serverVariables(m_id).isEmpty());

    QVERIFY(m_repo->setLookup(
        m_id, {QStringLiteral("order_stage"), QStringLiteral("open"), QStringLiteral("4"), QStringLiteral("New")}));
    QVERIFY(m_repo->setLookup(
        m_id, {QStringLiteral("order_stage"), QStringLiteral("open"), QStringLiteral("5"), QStringLiteral("Open")}));
    QCOMPARE(m_repo->lookups(m_id).size(), 1);
    QCOMPARE(m_repo->lookups(m_id).at(0).remoteId, QStringLiteral("5"));
    QVERIFY(m_repo->clearLookup(m_id, QStringLiteral("order_stage"), QStringLiteral("open")));
    QVERIFY(m_repo->lookups(m_id).isEmpty());

    UserMapping m;
    m.localUserId = QStringLiteral("u1");
    m.memberId = QStringLiteral("7");
    m.matchBy = UserMapping::MatchBy::Name;
    m.confidence = 60;
    QVERIFY(m_repo->setUserMapping(m_id, m));
    m.confirmed = true;
    QVERIFY(m_repo->setUserMapping(m_id, m));
    QCOMPARE(m_repo->userMappings(m_id), QList<UserMapping> {m});
    QVERIFY(m_repo->clearUserMapping(m_id, QStringLiteral("u1")));
    QVERIFY(m_repo->userMappings(m_id).isEmpty());
}

void TestConnectorConfigRepository::syncMatrix_data()
{
    QTest::addColumn<QString>("entityName");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<bool>("supported");
    const QList<QPair<QString, QStringList>> supported = {
        {QStringLiteral("accounts"), namesOf<Operation>()},
        {QStringLiteral("products"), namesOf<Operation>()},
        {QStringLiteral("invoices"),
         {QStringLiteral("pull_update"), QStringLiteral("push_create"), QStringLiteral("push_update")}},
        {QStringLiteral("orders"),
         {QStringLiteral("pull_update"), QStringLiteral("push_create"), QStringLiteral("push_update")}},
        {QStringLiteral("payments"), {QStringLiteral("push_create")}},
        {QStringLiteral("users"), {}}};
    for (const auto& row : supported) {
        for (const QString& operation : namesOf<Operation>()) {
            QTest::addRow("%s.%s", qPrintable(row.first), qPrintable(operation))
                << row.first << operation << row.second.contains(operation);
        }
    }
}

void TestConnectorConfigRepository::syncMatrix()
{
    QFETCH(QString, entityName);
    QFETCH(QString, operationName);
    QFETCH(bool, supported);
    const Entity entity = *parseName<Entity>(entityName);
    const Operation operation = *parseName<Operation>(operationName);
    QCOMPARE(ConfigNames::isSupportedSyncOption(entity, operation), supported);
    StoreError error;
    QCOMPARE(m_repo->setSyncOption(m_id, {entity, operation, true}, &error), supported);
    QCOMPARE(m_repo->isSyncEnabled(m_id, entity, operation), supported);
    if (!supported) {
        QCOMPARE(error.code, StoreError::Code::Invalid);
        QVERIFY2(error.message.contains(QLatin1String("not supported")), qPrintable(error.message));
    }
    // Turning a cell off is always allowed.
    QVERIFY(m_repo->setSyncOption(m_id, {entity, operation, false}));
    QVERIFY(!m_repo->isSyncEnabled(m_id, entity, operation));
}

void TestConnectorConfigRepository::invalidValuesAreRefused_data()
{
    QTest::addColumn<int>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown variable") << 0 << QStringLiteral("is not known");
    QTest::newRow("instance field variable") << 1 << QStringLiteral("setting of the connector itself");
    QTest::newRow("variable without id") << 2 << QStringLiteral("no ConnectWise value was chosen");
    QTest::newRow("billable option not in enum") << 3 << QStringLiteral("is not one of Billable, DoNotBill, NoCharge");
    QTest::newRow("unknown lookup") << 4 << QStringLiteral("Lookup: 'colour' is not known");
    QTest::newRow("invoice type not in enum") << 5 << QStringLiteral("is not one of Agreement");
    QTest::newRow("mapping without member") << 6 << QStringLiteral("Member: no ConnectWise member");
    QTest::newRow("unknown entity") << 7 << QStringLiteral("is not an entity");
}

void TestConnectorConfigRepository::invalidValuesAreRefused()
{
    QFETCH(int, what);
    QFETCH(QString, expected);
    StoreError error;
    bool ok = true;
    switch (what) {
    case 0:
        ok = m_repo->setServerVariable(m_id, {QStringLiteral("colour"), QStringLiteral("1"), QString()}, &error);
        break;
    case 1:
        ok = m_repo->setServerVariable(m_id, {QStringLiteral("company_id"), QStringLiteral("x"), QString()}, &error);
        break;
    case 2:
        ok = m_repo->setServerVariable(m_id, {QStringLiteral("product_uom"), QStringLiteral(" "), QString()}, &error);
        break;
    case 3:
        ok = m_repo->setServerVariable(
            m_id, {QStringLiteral("product_billable_option"), QStringLiteral("Free"), QString()}, &error);
        break;
    case 4:
        ok = m_repo->setLookup(m_id, {QStringLiteral("colour"), QStringLiteral("a"), QStringLiteral("1"), QString()},
                               &error);
        break;
    case 5:
        ok = m_repo->setLookup(
            m_id, {QStringLiteral("invoice_type"), QStringLiteral("std"), QStringLiteral("Normal"), QString()}, &error);
        break;
    case 6: {
        UserMapping m;
        m.localUserId = QStringLiteral("u1");
        ok = m_repo->setUserMapping(m_id, m, &error);
        break;
    }
    case 7:
        // An entity that does not exist cannot be a SyncOption: its name is refused where it is read.
        ok = ConnectorConfigRepository::syncOption(QStringLiteral("tickets"), QStringLiteral("pull_create"), false,
                                                   &error)
                 .has_value();
        break;
    }
    QVERIFY(!ok);
    QCOMPARE(error.code, StoreError::Code::Invalid);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    const auto config = m_repo->load(m_id);
    QVERIFY(config.has_value());
    QVERIFY(config->serverVariables.isEmpty() && config->lookups.isEmpty() && config->userMappings.isEmpty() &&
            config->syncOptions.isEmpty());
}

void TestConnectorConfigRepository::replaceIsAllOrNothing()
{
    ConnectorConfig first;
    first.serverVariables = {{QStringLiteral("product_category"), QStringLiteral("3"), QStringLiteral("Hardware")}};
    first.syncOptions = {{Cw::Entity::Accounts, Cw::Operation::PullCreate, true}};
    QVERIFY(m_repo->replace(m_id, first));
    ConnectorConfig broken;
    broken.serverVariables = {{QStringLiteral("product_category"), QStringLiteral("4"), QStringLiteral("Software")}};
    broken.lookups = {{QStringLiteral("currency"), QStringLiteral("EUR"), QString(), QString()}}; // no remote id
    StoreError error;
    QVERIFY(!m_repo->replace(m_id, broken, &error));
    QCOMPARE(error.code, StoreError::Code::Invalid);
    QVERIFY(!m_db->inTransaction());
    const auto config = m_repo->load(m_id);
    QCOMPARE(config->serverVariables, first.serverVariables);
    QCOMPARE(config->syncOptions, first.syncOptions);
}

void TestConnectorConfigRepository::valuesWithQuotesRoundTrip()
{
    const QString local = QStringLiteral("O'Reilly; \"net 30\" -- ");
    QVERIFY(m_repo->setLookup(m_id, {QStringLiteral("account_type"), local, QStringLiteral("9"), local}));
    const auto lookups = m_repo->lookups(m_id);
    QCOMPARE(lookups.size(), 1);
    QCOMPARE(lookups.at(0).localValue, local);
    QCOMPARE(lookups.at(0).remoteName, local);
}

QTEST_GUILESS_MAIN(TestConnectorConfigRepository)
#include "tst_connectorconfigrepository.moc"
