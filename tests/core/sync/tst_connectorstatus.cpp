#include "core/check/CheckFindings.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/config/SettingsSections.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/store/Database.h"
#include "core/sync/ConnectorStatus.h"
#include "core/sync/SyncHistory.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

#include <memory>

using Cw::AttentionItem;
using Cw::ConnectorStatus;
using Cw::SettingsPlace;
using Cw::SettingsSections;

// ConnectorStatus on a real database file (and on PostgreSQL as tst_connectorstatus_pg): what the connector window
// shows at a glance, computed from what was recorded, and where each attention item is fixed.
class TestConnectorStatus final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void troubledConnector();
    void healthyConnectorNeedsNothing();
    void keysProblemComesAfterDraft();
    void findingsAreReplacedAndRemovedWithTheConnector();

private:
    qint64 createInstance(const QString& name);
    void exec(const QString& sql, const QVariantList& values = {});
    static const AttentionItem* find(const ConnectorStatus& status, AttentionItem::Kind kind);

    CwTest::TestDatabase m_backend;
    std::unique_ptr<Cw::Database> m_db;
};

void TestConnectorStatus::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

void TestConnectorStatus::init()
{
    QString error;
    const Cw::DatabaseLocation location = m_backend.fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = std::make_unique<Cw::Database>(location);
    Cw::StoreError storeError;
    QVERIFY2(m_db->open(&storeError), qPrintable(storeError.message));
}

void TestConnectorStatus::cleanup()
{
    m_db.reset();
}

qint64 TestConnectorStatus::createInstance(const QString& name)
{
    Cw::Instance i;
    i.name = name;
    i.deployment = QStringLiteral("eu");
    i.companyId = QStringLiteral("acme");
    Cw::StoreError error;
    if (!Cw::InstanceRepository(*m_db).create(&i, &error)) {
        qWarning() << error.message;
        return 0;
    }
    return i.id;
}

void TestConnectorStatus::exec(const QString& sql, const QVariantList& values)
{
    Cw::StoreError error;
    QVERIFY2(m_db->exec(sql, values, &error), qPrintable(error.message));
}

const AttentionItem* TestConnectorStatus::find(const ConnectorStatus& status, AttentionItem::Kind kind)
{
    for (const AttentionItem& item : status.attention()) {
        if (item.kind == kind) {
            return &item;
        }
    }
    return nullptr;
}

void TestConnectorStatus::troubledConnector()
{
    const qint64 id = createInstance(QStringLiteral("Production"));
    QVERIFY(id > 0);
    Cw::InstanceRepository(*m_db).markReady(id);
    Cw::InstanceRepository(*m_db).recordCheck(id, false);

    // The last check: authentication failed, and a stored product category is gone from ConnectWise.
    Cw::CheckSummary summary;
    Cw::CheckResult auth;
    auth.id = QStringLiteral("auth");
    auth.title = QStringLiteral("Authentication");
    auth.status = Cw::CheckResult::Status::Failed;
    auth.diagnosis = QStringLiteral("ConnectWise rejected the keys.");
    auth.fix = QStringLiteral("Create a new key pair.");
    Cw::CheckResult passed;
    passed.id = QStringLiteral("dns");
    passed.status = Cw::CheckResult::Status::Passed;
    summary.results = {passed, auth};
    Cw::StaleVariable stale;
    stale.key = QStringLiteral("product_category");
    stale.remoteId = QStringLiteral("9");
    stale.reason = QStringLiteral("Category 9 no longer exists.");
    stale.fix = QStringLiteral("Pick another category.");
    Cw::StoreError error;
    QVERIFY2(Cw::CheckFindings(*m_db).record(id, summary, {stale}, &error), qPrintable(error.message));

    // Accounts push on without its required variable; currency EUR mapped, USD and GBP not; one user confirmed.
    Cw::ConnectorConfig config;
    config.syncOptions = {{Cw::Entity::Accounts, Cw::Operation::PushCreate, true}};
    config.lookups = {{QStringLiteral("currency"), QStringLiteral("EUR"), QStringLiteral("7"), QStringLiteral("Euro")}};
    Cw::UserMapping confirmed;
    confirmed.localUserId = QStringLiteral("u1");
    confirmed.memberId = QStringLiteral("101");
    confirmed.confirmed = true;
    Cw::UserMapping guessed;
    guessed.localUserId = QStringLiteral("u2");
    guessed.memberId = QStringLiteral("102");
    config.userMappings = {confirmed, guessed};
    QVERIFY2(Cw::ConnectorConfigRepository(*m_db).replace(id, config, &error), qPrintable(error.message));
    Cw::LocalRecordStore store(*m_db);
    for (const QString& value : {QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP")}) {
        QVERIFY(store.addValue(QStringLiteral("currency"), value));
    }
    exec(QStringLiteral("INSERT INTO users (id, name, email) VALUES ('u1', 'Ann', 'ann@example.com'),"
                        " ('u2', 'Bob', 'bob@example.com')"));
    exec(QStringLiteral("INSERT INTO accounts (id, name) VALUES ('A1', 'One'), ('A2', 'Two'), ('A3', 'Three')"));

    // One real sync run of accounts: two created, one skipped.
    Cw::SyncHistory history(*m_db);
    Cw::SyncRunRecord run;
    run.instanceId = id;
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.direction = Cw::Direction::Push;
    run.entities = {Cw::Entity::Accounts};
    const auto runId = history.startRun(run, &error);
    QVERIFY2(runId, qPrintable(error.message));
    using Action = Cw::SyncOutcome::Action;
    const QList<Cw::SyncOutcome> outcomes {
        {Cw::Direction::Push, Cw::Entity::Accounts, QStringLiteral("A1"), 1, Action::Created, QString(), {}},
        {Cw::Direction::Push, Cw::Entity::Accounts, QStringLiteral("A2"), 2, Action::Created, QString(), {}},
        {Cw::Direction::Push, Cw::Entity::Accounts, QStringLiteral("A3"), 0, Action::Skipped, QStringLiteral("x"), {}},
    };
    QVERIFY(history.addOutcomes(*runId, outcomes, &error));
    Cw::SyncCounts counts;
    counts.created = 2;
    counts.skipped = 1;
    QVERIFY(history.finishRun(*runId, counts, QStringLiteral("succeeded"), QString(), &error));

    const auto status = ConnectorStatus::load(*m_db, id, &error);
    QVERIFY2(status, qPrintable(error.message));
    QCOMPARE(status->instance().name, QStringLiteral("Production"));
    QCOMPARE(status->findings().size(), 2);

    const auto* accounts = status->entity(Cw::Entity::Accounts);
    QVERIFY(accounts);
    QCOMPARE(accounts->localRecords, 3);
    QVERIFY(accounts->pushOn);
    QVERIFY(!accounts->pullOn);
    QVERIFY(accounts->lastSyncAt.isValid());
    QCOMPARE(accounts->lastStatus, QStringLiteral("succeeded"));
    QCOMPARE(accounts->lastCounts.created, 2);
    QCOMPARE(accounts->lastCounts.skipped, 1);
    QVERIFY(!accounts->blocked.isEmpty());
    QVERIFY(!status->entity(Cw::Entity::Products)->lastSyncAt.isValid());

    const AttentionItem* checkFailed = find(*status, AttentionItem::Kind::CheckFailed);
    QVERIFY(checkFailed);
    QCOMPARE(checkFailed->section, SettingsPlace::Keys);
    QVERIFY(checkFailed->text.contains(QStringLiteral("rejected the keys")));
    const AttentionItem* staleItem = find(*status, AttentionItem::Kind::StaleVariable);
    QVERIFY(staleItem);
    QCOMPARE(staleItem->section, SettingsPlace::ServerVariables);
    QCOMPARE(staleItem->row, QStringLiteral("product_category"));
    const AttentionItem* blocked = find(*status, AttentionItem::Kind::EntityBlocked);
    QVERIFY(blocked);
    QCOMPARE(blocked->section, SettingsPlace::ServerVariables);
    QCOMPARE(blocked->row, QStringLiteral("import_account_status"));
    const AttentionItem* unmapped = find(*status, AttentionItem::Kind::UnmappedLookup);
    QVERIFY(unmapped);
    QCOMPARE(unmapped->section, SettingsPlace::Lookups);
    QCOMPARE(unmapped->row, QStringLiteral("currency"));
    QVERIFY2(unmapped->text.contains(QStringLiteral("USD")) && !unmapped->text.contains(QStringLiteral("EUR")),
             qPrintable(unmapped->text));
    const AttentionItem* users = find(*status, AttentionItem::Kind::UnconfirmedUser);
    QVERIFY(users);
    QCOMPARE(users->section, SettingsPlace::UserMapping);
    QCOMPARE(users->row, QStringLiteral("u2"));
    QVERIFY(!find(*status, AttentionItem::Kind::NothingEnabled));
    QVERIFY(!find(*status, AttentionItem::Kind::Draft));
    for (const AttentionItem& item : status->attention()) {
        QVERIFY(!item.action.isEmpty());
        QVERIFY(SettingsSections::all().contains(item.section));
    }
}

void TestConnectorStatus::healthyConnectorNeedsNothing()
{
    const qint64 id = createInstance(QStringLiteral("Healthy"));
    Cw::InstanceRepository(*m_db).markReady(id);
    Cw::InstanceRepository(*m_db).recordCheck(id, true);
    Cw::StoreError error;
    QVERIFY(Cw::CheckFindings(*m_db).record(id, Cw::CheckSummary(), {}, &error));
    Cw::ConnectorConfig config;
    config.syncOptions = {{Cw::Entity::Accounts, Cw::Operation::PullCreate, true}};
    QVERIFY(Cw::ConnectorConfigRepository(*m_db).replace(id, config, &error));

    const auto status = ConnectorStatus::load(*m_db, id, &error);
    QVERIFY(status);
    QVERIFY2(status->attention().isEmpty(), qPrintable(status->attention().value(0).text));
    QVERIFY(status->entity(Cw::Entity::Accounts)->pullOn);

    // Every option off: Sync now would do nothing, and the fix is the sync options.
    QVERIFY(Cw::ConnectorConfigRepository(*m_db).replace(id, Cw::ConnectorConfig(), &error));
    const auto off = ConnectorStatus::load(*m_db, id, &error);
    QCOMPARE(off->attention().size(), 1);
    QCOMPARE(off->attention().first().kind, AttentionItem::Kind::NothingEnabled);
    QCOMPARE(off->attention().first().section, SettingsPlace::SyncOptions);
}

void TestConnectorStatus::keysProblemComesAfterDraft()
{
    const qint64 id = createInstance(QStringLiteral("Draft"));
    auto status = ConnectorStatus::load(*m_db, id);
    QVERIFY(status);
    QCOMPARE(status->attention().first().kind, AttentionItem::Kind::Draft);
    QVERIFY(find(*status, AttentionItem::Kind::NeverChecked));
    status->addKeysProblem(QStringLiteral("No keys are stored."));
    QCOMPARE(status->attention().at(1).kind, AttentionItem::Kind::MissingKeys);
    QCOMPARE(status->attention().at(1).section, SettingsPlace::Keys);
    QVERIFY(status->attention().at(1).text.contains(QStringLiteral("No keys are stored.")));
}

void TestConnectorStatus::findingsAreReplacedAndRemovedWithTheConnector()
{
    const qint64 id = createInstance(QStringLiteral("Replaced"));
    Cw::CheckSummary failed;
    Cw::CheckResult tls;
    tls.id = QStringLiteral("tls");
    tls.status = Cw::CheckResult::Status::Failed;
    failed.results = {tls};
    Cw::CheckFindings findings(*m_db);
    QVERIFY(findings.record(id, failed, {}));
    QCOMPARE(findings.load(id).size(), 1);
    QCOMPARE(findings.load(id).first().stepId, QStringLiteral("tls"));
    QVERIFY(findings.record(id, Cw::CheckSummary(), {}));
    QVERIFY(findings.load(id).isEmpty());
    QVERIFY(findings.record(id, failed, {}));
    QVERIFY(Cw::InstanceRepository(*m_db).remove(QStringLiteral("Replaced")));
    QVERIFY(findings.load(id).isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectorStatus)
#include "tst_connectorstatus.moc"
