#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/store/Database.h"
#include "tests/support/TestDatabase.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using Cw::Database;
using Cw::Instance;
using Cw::InstanceRepository;
using Cw::StoreError;

// Runs on SQLite, and once more on PostgreSQL as tst_instancerepository_pg.
class TestInstanceRepository final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createFindList();
    void duplicateNames_data();
    void duplicateNames();
    void invalidInputSavesNothing();
    void nameWithQuotesAndSemicolonsRoundTrips();
    void rename();
    void update();
    void removeCascadesAndNeverReusesIds();
    void stateAndTimes();

private:
    Instance sample(const QString& name) const;
    int count(const QString& table);

    CwTest::TestDatabase m_backend;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<InstanceRepository> m_repo;
    QDateTime m_now;
};

void TestInstanceRepository::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

void TestInstanceRepository::init()
{
    QString error;
    const Cw::DatabaseLocation location = m_backend.fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = std::make_unique<Database>(location);
    StoreError storeError;
    QVERIFY2(m_db->open(&storeError), qPrintable(storeError.message));
    m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    m_repo = std::make_unique<InstanceRepository>(*m_db, [this] { return m_now; });
}

void TestInstanceRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

Instance TestInstanceRepository::sample(const QString& name) const
{
    Instance i;
    i.name = name;
    i.deployment = QStringLiteral("eu");
    i.companyId = QStringLiteral("acme");
    i.clientId = QStringLiteral("{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}");
    i.caFile = QStringLiteral("/etc/ssl/private-ca.pem");
    i.proxyMode = Instance::ProxyMode::Manual;
    i.proxyHost = QStringLiteral("proxy.example.com");
    i.proxyPort = 3128;
    return i;
}

int TestInstanceRepository::count(const QString& table)
{
    QSqlQuery q;
    // Table names come from the test itself.
    if (!m_db->exec(QLatin1String("SELECT COUNT(*) FROM ") + table, {}, nullptr, &q) || !q.next()) {
        return -1;
    }
    return q.value(0).toInt();
}

void TestInstanceRepository::createFindList()
{
    Instance prod = sample(QStringLiteral("  Production "));
    StoreError error;
    QVERIFY2(m_repo->create(&prod, &error), qPrintable(error.message));
    QVERIFY(prod.id > 0);
    QCOMPARE(prod.name, QStringLiteral("Production"));
    QCOMPARE(prod.createdAt, m_now);
    Instance staging = sample(QStringLiteral("staging"));
    staging.deployment = QStringLiteral("staging");
    QVERIFY(m_repo->create(&staging));

    const auto found = m_repo->findByName(QStringLiteral("PRODUCTION"));
    QVERIFY(found.has_value());
    QCOMPARE(found->id, prod.id);
    QCOMPARE(found->name, QStringLiteral("Production"));
    QCOMPARE(found->deployment, QStringLiteral("eu"));
    QCOMPARE(found->companyId, QStringLiteral("acme"));
    QCOMPARE(found->clientId, QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
    QCOMPARE(found->caFile, QStringLiteral("/etc/ssl/private-ca.pem"));
    QCOMPARE(found->proxyMode, Instance::ProxyMode::Manual);
    QCOMPARE(found->proxyHost, QStringLiteral("proxy.example.com"));
    QCOMPARE(found->proxyPort, 3128);
    QCOMPARE(found->state, Instance::State::Draft);
    QCOMPARE(found->createdAt, m_now);
    QVERIFY(!found->lastCheckAt.isValid());
    QVERIFY(!found->lastCheckPassed.has_value());

    const QList<Instance> all = m_repo->list();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).name, QStringLiteral("Production")); // sorted without regard to case
    QCOMPARE(all.at(1).name, QStringLiteral("staging"));

    QVERIFY(!m_repo->findByName(QStringLiteral("nope"), &error));
    QCOMPARE(error.code, StoreError::Code::NotFound);
    QVERIFY(m_repo->findById(staging.id).has_value());
}

void TestInstanceRepository::duplicateNames_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("same") << QStringLiteral("Production") << QStringLiteral("Production");
    QTest::newRow("lower") << QStringLiteral("Production") << QStringLiteral("production");
    QTest::newRow("upper with spaces") << QStringLiteral("Production") << QStringLiteral("  PRODUCTION ");
    QTest::newRow("unicode case") << QString::fromUtf8("Zürich Süd") << QString::fromUtf8("ZÜRICH SÜD");
    QTest::newRow("unicode form") << QString::fromUtf8("Caf\xC3\xA9") << QString::fromUtf8("CAFE\xCC\x81");
    QTest::newRow("greek") << QString::fromUtf8("Σίσυφος") << QString::fromUtf8("ΣΊΣΥΦΟΣ");
}

void TestInstanceRepository::duplicateNames()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    Instance a = sample(first);
    QVERIFY(m_repo->create(&a));
    Instance b = sample(second);
    StoreError error;
    QVERIFY(!m_repo->create(&b, &error));
    QCOMPARE(error.code, StoreError::Code::Duplicate);
    QCOMPARE(error.field, QStringLiteral("Name"));
    QCOMPARE(error.message,
             QStringLiteral("Name: '%1' is already used by another connector (names are compared without regard to "
                            "case). Choose another name.")
                 .arg(Instance::normalizedName(second)));
    QVERIFY(!m_repo->isNameAvailable(second));
    QVERIFY(m_repo->isNameAvailable(second, a.id));
    QCOMPARE(count(QStringLiteral("instances")), 1);
}

void TestInstanceRepository::invalidInputSavesNothing()
{
    Instance bad = sample(QStringLiteral("Bad"));
    bad.companyId = QStringLiteral("acme corp");
    StoreError error;
    QVERIFY(!m_repo->create(&bad, &error));
    QCOMPARE(error.code, StoreError::Code::Invalid);
    QCOMPARE(error.field, QStringLiteral("Company ID"));
    QCOMPARE(bad.id, qint64(0));
    QCOMPARE(count(QStringLiteral("instances")), 0);
}

void TestInstanceRepository::nameWithQuotesAndSemicolonsRoundTrips()
{
    const QString name = QStringLiteral("O'Brien\"; DROP TABLE instances; --");
    Instance i = sample(name);
    QVERIFY(m_repo->create(&i));
    const auto found = m_repo->findByName(name);
    QVERIFY(found.has_value());
    QCOMPARE(found->name, name);
    QCOMPARE(count(QStringLiteral("instances")), 1);
}

void TestInstanceRepository::rename()
{
    Instance a = sample(QStringLiteral("Alpha"));
    Instance b = sample(QStringLiteral("Beta"));
    QVERIFY(m_repo->create(&a));
    QVERIFY(m_repo->create(&b));
    StoreError error;
    QVERIFY(!m_repo->rename(QStringLiteral("alpha"), QStringLiteral("BETA"), &error));
    QCOMPARE(error.code, StoreError::Code::Duplicate);
    QVERIFY(!m_repo->rename(QStringLiteral("alpha"), QString(65, QLatin1Char('x')), &error));
    QCOMPARE(error.code, StoreError::Code::Invalid);
    QVERIFY(!m_repo->rename(QStringLiteral("gamma"), QStringLiteral("Delta"), &error));
    QCOMPARE(error.code, StoreError::Code::NotFound);
    QVERIFY2(m_repo->rename(QStringLiteral("alpha"), QStringLiteral("ALPHA"), &error), qPrintable(error.message));
    QCOMPARE(m_repo->findById(a.id)->name, QStringLiteral("ALPHA"));
    m_now = m_now.addSecs(60);
    QVERIFY(m_repo->rename(QStringLiteral("Alpha"), QStringLiteral(" Gamma "), &error));
    const auto renamed = m_repo->findByName(QStringLiteral("gamma"));
    QVERIFY(renamed.has_value());
    QCOMPARE(renamed->id, a.id);
    QCOMPARE(renamed->name, QStringLiteral("Gamma"));
    QCOMPARE(renamed->updatedAt, m_now);
    QVERIFY(!m_repo->findByName(QStringLiteral("alpha")).has_value());
}

void TestInstanceRepository::update()
{
    Instance a = sample(QStringLiteral("Alpha"));
    Instance b = sample(QStringLiteral("Beta"));
    QVERIFY(m_repo->create(&a));
    QVERIFY(m_repo->create(&b));
    a.deployment = QStringLiteral("onpremise");
    a.site = QStringLiteral("cw.example.com");
    a.proxyMode = Instance::ProxyMode::None;
    a.codebaseOverride = QStringLiteral("v4_6_release/");
    QCOMPARE(m_repo->findById(a.id)->maxInFlight, Instance::defaultMaxInFlight);
    a.maxInFlight = 1;
    StoreError error;
    QVERIFY2(m_repo->update(&a, &error), qPrintable(error.message));
    auto stored = m_repo->findById(a.id);
    QCOMPARE(stored->maxInFlight, 1);
    QCOMPARE(stored->deployment, QStringLiteral("onpremise"));
    QCOMPARE(stored->site, QStringLiteral("cw.example.com"));
    QCOMPARE(stored->proxyMode, Instance::ProxyMode::None);
    QVERIFY(stored->proxyHost.isEmpty());
    QCOMPARE(stored->codebaseOverride, QStringLiteral("v4_6_release/"));

    a.name = QStringLiteral("beta");
    QVERIFY(!m_repo->update(&a, &error));
    QCOMPARE(error.code, StoreError::Code::Duplicate);
    a.name = QStringLiteral("Alpha");
    a.site.clear(); // onpremise needs a site
    QVERIFY(!m_repo->update(&a, &error));
    QCOMPARE(error.field, QStringLiteral("Site"));
    stored = m_repo->findById(a.id);
    QCOMPARE(stored->site, QStringLiteral("cw.example.com"));
    a.site = stored->site;
    a.maxInFlight = 17;
    QVERIFY(!m_repo->update(&a, &error));
    QCOMPARE(error.field, QStringLiteral("Requests in flight"));
    QCOMPARE(m_repo->findById(a.id)->maxInFlight, 1);
}

void TestInstanceRepository::removeCascadesAndNeverReusesIds()
{
    Instance a = sample(QStringLiteral("Alpha"));
    Instance keep = sample(QStringLiteral("Keep"));
    QVERIFY(m_repo->create(&a));
    QVERIFY(m_repo->create(&keep));
    Cw::ConnectorConfigRepository config(*m_db);
    for (const qint64 id : {a.id, keep.id}) {
        QVERIFY(config.setServerVariable(
            id, {QStringLiteral("product_category"), QStringLiteral("7"), QStringLiteral("Hardware")}));
        QVERIFY(config.setSyncOption(id, {Cw::Entity::Accounts, Cw::Operation::PushCreate, true}));
        QVERIFY(config.setLookup(
            id, {QStringLiteral("currency"), QStringLiteral("EUR"), QStringLiteral("3"), QStringLiteral("Euro")}));
        Cw::UserMapping m;
        m.localUserId = QStringLiteral("u1");
        m.memberId = QStringLiteral("42");
        QVERIFY(config.setUserMapping(id, m));
    }
    StoreError error;
    const auto removed = m_repo->remove(QStringLiteral("ALPHA"), &error);
    QVERIFY2(removed.has_value(), qPrintable(error.message));
    QCOMPARE(removed->id, a.id);
    for (const char* table : {"server_variables", "sync_options", "lookups", "user_mappings"}) {
        QCOMPARE(count(QLatin1String(table)), 1); // only Keep's rows are left
    }
    QCOMPARE(config.serverVariables(keep.id).size(), 1);
    QVERIFY(!m_repo->findByName(QStringLiteral("Alpha")).has_value());
    QVERIFY(!m_repo->remove(QStringLiteral("Alpha"), &error).has_value());
    QCOMPARE(error.code, StoreError::Code::NotFound);

    QVERIFY(!m_repo->removeById(a.id, &error).has_value());
    QCOMPARE(error.code, StoreError::Code::NotFound);
    QCOMPARE(m_repo->removeById(keep.id)->name, QStringLiteral("Keep"));
    QCOMPARE(count(QStringLiteral("sync_options")), 0);

    // A new connector never gets a removed one's id: keychain entries are named after ids.
    Instance again = sample(QStringLiteral("Alpha"));
    QVERIFY(m_repo->create(&again));
    QVERIFY(again.id != a.id);
    QVERIFY(again.id > keep.id);
}

void TestInstanceRepository::stateAndTimes()
{
    Instance a = sample(QStringLiteral("Alpha"));
    QVERIFY(m_repo->create(&a));
    m_now = m_now.addSecs(10);
    QVERIFY(m_repo->recordCheck(a.id, false));
    auto stored = m_repo->findById(a.id);
    QCOMPARE(stored->lastCheckAt, m_now);
    QCOMPARE(stored->lastCheckPassed, std::optional<bool>(false));
    m_now = m_now.addSecs(10);
    QVERIFY(m_repo->recordCheck(a.id, true));
    QVERIFY(m_repo->markReady(a.id));
    m_now = m_now.addSecs(10);
    QVERIFY(m_repo->recordSync(a.id));
    stored = m_repo->findById(a.id);
    QCOMPARE(stored->state, Instance::State::Ready);
    QCOMPARE(stored->lastCheckPassed, std::optional<bool>(true));
    QCOMPARE(stored->lastSyncAt, m_now);
    QCOMPARE(stored->updatedAt, m_now);
    QCOMPARE(stored->createdAt, m_now.addSecs(-30));
    QVERIFY(m_repo->markDraft(a.id));
    QCOMPARE(m_repo->findById(a.id)->state, Instance::State::Draft);
    StoreError error;
    QVERIFY(!m_repo->markReady(a.id + 1000, &error));
    QCOMPARE(error.code, StoreError::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestInstanceRepository)
#include "tst_instancerepository.moc"
