// Conflicts through cwconnector-sim: a record changed on both sides since its last sync is reported with both values
// and written on neither side (policy report), settled per record (keep local / keep ConnectWise) or by the
// connector's policy; fields changed on one side only still flow; a dry run previews; a link without a base (made
// before schema 6) syncs as before.
#include "core/config/ConfigDocument.h"
#include "core/sync/SyncHistory.h"
#include "core/sync/SyncLinkStore.h"
#include "tests/support/SyncFixture.h"

#include <QTest>

using Cw::Entity;
using Cw::FieldConflict;
using Cw::SyncOutcome;
using CwTest::row;
using CwTest::SyncFixture;

namespace {

const QString kCompanies = QStringLiteral("company/companies");

QVariantHash account(const QString& id, const QString& name, const QString& city)
{
    return row({{"id", id},
                {"name", name},
                {"account_type", QStringLiteral("L1")},
                {"currency", QStringLiteral("L0")},
                {"phone", QStringLiteral("5551234")},
                {"address_line1", QStringLiteral("1 Main St")},
                {"city", city},
                {"country", QStringLiteral("L2")}});
}

const SyncOutcome* outcomeOf(const Cw::SyncSummary& s, Cw::Direction direction, const QString& localId)
{
    for (const SyncOutcome& o : s.outcomes) {
        if (o.direction == direction && o.entity == Entity::Accounts && o.localId == localId) {
            return &o;
        }
    }
    return nullptr;
}

} // namespace

class TestSyncConflicts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void renamedOnBothSidesIsReported();
    void keepLocalPushesTheLocalName();
    void keepConnectWiseWritesItsNameLocally();
    void policiesSettleWithoutReport();
    void differentFieldsBothFlow();
    void dryRunPreviewsAndWritesNothing();
    void linkWithoutBaseSyncsAsBefore();
    void invoiceStageConflicts();
    void policyIsExportedAndImported();

    void cleanup() { QVERIFY2(f.modelViolations().isEmpty(), qPrintable(f.modelViolations())); }

private:
    // A new account pushed and pulled once (its link has a base); its ConnectWise id.
    qint64 synced(const QString& id, const QString& name);
    // Renames the account in ConnectWise (PATCH) and locally.
    void renameBoth(const QString& id, qint64 remoteId, const QString& remoteName, const QString& localName);
    bool patchRemote(qint64 remoteId, const QString& field, const QString& value);
    QString remote(qint64 remoteId, const QString& field);
    QString local(const QString& id, const QString& column);
    Cw::SyncSummary syncAccounts(bool dryRun = false) { return f.sync(true, true, {Entity::Accounts}, dryRun); }
    void setPolicy(Cw::ConflictPolicy policy);
    Cw::SyncLink link(const QString& id)
    {
        return Cw::SyncLinkStore(*f.db, f.instanceId).linksOf(Entity::Accounts, {id}).value(id);
    }
    void keep(const QString& id, Cw::KeepSide side);

    SyncFixture f;
};

void TestSyncConflicts::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("3")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

qint64 TestSyncConflicts::synced(const QString& id, const QString& name)
{
    if (!f.addLocal(Entity::Accounts, {account(id, name, QStringLiteral("Springfield"))})) {
        qWarning() << f.error;
        return 0;
    }
    const Cw::SyncSummary s = syncAccounts();
    if (!s.ok()) {
        qWarning() << s.fatalError;
        return 0;
    }
    return Cw::SyncLinkStore(*f.db, f.instanceId).linksOf(Entity::Accounts, {id}).value(id).remoteId;
}

bool TestSyncConflicts::patchRemote(qint64 remoteId, const QString& field, const QString& value)
{
    const QJsonArray ops {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                       {QStringLiteral("path"), field},
                                       {QStringLiteral("value"), value}}};
    return f.call(Cw::ApiRequest::patch(kCompanies + QLatin1Char('/') + QString::number(remoteId), QJsonDocument(ops)))
        .ok();
}

void TestSyncConflicts::renameBoth(const QString& id, qint64 remoteId, const QString& remoteName,
                                   const QString& localName)
{
    QVERIFY(patchRemote(remoteId, QStringLiteral("name"), remoteName));
    QVariantHash values = Cw::LocalRecordStore(*f.db).find(Cw::LocalSchema::entity(Entity::Accounts), id)->values;
    values.insert(QStringLiteral("name"), localName);
    QVERIFY2(f.addLocal(Entity::Accounts, {values}), qPrintable(f.error));
}

QString TestSyncConflicts::remote(qint64 remoteId, const QString& field)
{
    const Cw::ApiResult r = f.call(Cw::ApiRequest::get(kCompanies + QLatin1Char('/') + QString::number(remoteId)));
    return r.object().value(field).toString();
}

QString TestSyncConflicts::local(const QString& id, const QString& column)
{
    const auto record = Cw::LocalRecordStore(*f.db).find(Cw::LocalSchema::entity(Entity::Accounts), id);
    return record ? record->values.value(column).toString() : QStringLiteral("<none>");
}

void TestSyncConflicts::setPolicy(Cw::ConflictPolicy policy)
{
    Cw::StoreError error;
    QVERIFY2(Cw::ConnectorConfigRepository(*f.db).setConflictPolicy(f.instanceId, policy, &error),
             qPrintable(error.message));
}

void TestSyncConflicts::keep(const QString& id, Cw::KeepSide side)
{
    Cw::StoreError error;
    QVERIFY2(Cw::SyncLinkStore(*f.db, f.instanceId).setKeep(Entity::Accounts, id, side, &error),
             qPrintable(error.message));
}

void TestSyncConflicts::renamedOnBothSidesIsReported()
{
    const qint64 remoteId = synced(QStringLiteral("C1"), QStringLiteral("Acme One"));
    QVERIFY(remoteId > 0);
    renameBoth(QStringLiteral("C1"), remoteId, QStringLiteral("Acme CW"), QStringLiteral("Acme Local"));

    const Cw::SyncSummary s = syncAccounts();
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Entity::Accounts).conflict, 1);
    QCOMPARE(s.pullCounts.value(Entity::Accounts).conflict, 0); // not reported twice in one run
    const SyncOutcome* o = outcomeOf(s, Cw::Direction::Push, QStringLiteral("C1"));
    QVERIFY(o);
    QCOMPARE(o->action, SyncOutcome::Action::Conflict);
    QCOMPARE(o->remoteId, remoteId);
    const QList<FieldConflict> expected {
        {QStringLiteral("name"), QStringLiteral("Acme Local"), QStringLiteral("Acme CW")}};
    QCOMPARE(o->conflicts, expected);
    QVERIFY2(o->reason.contains(QLatin1String("Acme CW")) && o->reason.contains(QLatin1String("Acme Local")),
             qPrintable(o->reason));
    // Neither side was written.
    QCOMPARE(remote(remoteId, QStringLiteral("name")), QStringLiteral("Acme CW"));
    QCOMPARE(local(QStringLiteral("C1"), QStringLiteral("name")), QStringLiteral("Acme Local"));
    // The history lists it, with both values, and counts it on the run.
    Cw::SyncHistory history(*f.db);
    const QList<Cw::SyncRunRecord> runs = history.runs(f.instanceId, 1);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().counts.conflict, 1);
    bool listed = false;
    for (const SyncOutcome& h : history.outcomes(runs.first().id)) {
        if (h.localId == QLatin1String("C1") && h.action == SyncOutcome::Action::Conflict) {
            listed = true;
            QCOMPARE(h.conflicts, expected);
        }
    }
    QVERIFY(listed);
    // Unchanged, the next sync reports the same conflict and still writes nothing.
    const Cw::SyncSummary again = syncAccounts();
    QCOMPARE(again.pushCounts.value(Entity::Accounts).conflict, 1);
    QCOMPARE(remote(remoteId, QStringLiteral("name")), QStringLiteral("Acme CW"));
    QCOMPARE(local(QStringLiteral("C1"), QStringLiteral("name")), QStringLiteral("Acme Local"));
}

void TestSyncConflicts::keepLocalPushesTheLocalName()
{
    // C1 is in conflict (previous test): the admin keeps the local name.
    const qint64 remoteId = link(QStringLiteral("C1")).remoteId;
    QVERIFY(remoteId > 0);
    keep(QStringLiteral("C1"), Cw::KeepSide::Local);
    const Cw::SyncSummary s = syncAccounts();
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Entity::Accounts).conflict, 0);
    QCOMPARE(s.pushCounts.value(Entity::Accounts).updated, 1);
    QCOMPARE(remote(remoteId, QStringLiteral("name")), QStringLiteral("Acme Local"));
    QCOMPARE(local(QStringLiteral("C1"), QStringLiteral("name")), QStringLiteral("Acme Local"));
    // Applied, the pick is cleared; the next sync finds nothing to do.
    QCOMPARE(link(QStringLiteral("C1")).keep, Cw::KeepSide::None);
    const Cw::SyncSummary next = syncAccounts();
    QCOMPARE(next.pushCounts.value(Entity::Accounts).conflict, 0);
    QCOMPARE(next.pushCounts.value(Entity::Accounts).updated, 0);
}

void TestSyncConflicts::keepConnectWiseWritesItsNameLocally()
{
    const qint64 remoteId = synced(QStringLiteral("C2"), QStringLiteral("Beta One"));
    QVERIFY(remoteId > 0);
    renameBoth(QStringLiteral("C2"), remoteId, QStringLiteral("Beta CW"), QStringLiteral("Beta Local"));
    QCOMPARE(syncAccounts().pushCounts.value(Entity::Accounts).conflict, 1);
    keep(QStringLiteral("C2"), Cw::KeepSide::ConnectWise);
    const Cw::SyncSummary s = syncAccounts();
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().conflict, 0);
    QCOMPARE(local(QStringLiteral("C2"), QStringLiteral("name")), QStringLiteral("Beta CW"));
    QCOMPARE(remote(remoteId, QStringLiteral("name")), QStringLiteral("Beta CW"));
    QCOMPARE(link(QStringLiteral("C2")).keep, Cw::KeepSide::None);
    QCOMPARE(syncAccounts().totals().conflict, 0);
}

void TestSyncConflicts::policiesSettleWithoutReport()
{
    // ConnectWise wins.
    const qint64 cw = synced(QStringLiteral("C3"), QStringLiteral("Gamma One"));
    QVERIFY(cw > 0);
    setPolicy(Cw::ConflictPolicy::ConnectWise);
    renameBoth(QStringLiteral("C3"), cw, QStringLiteral("Gamma CW"), QStringLiteral("Gamma Local"));
    Cw::SyncSummary s = syncAccounts();
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().conflict, 0);
    QCOMPARE(local(QStringLiteral("C3"), QStringLiteral("name")), QStringLiteral("Gamma CW"));
    QCOMPARE(remote(cw, QStringLiteral("name")), QStringLiteral("Gamma CW"));
    // Local wins.
    const qint64 lw = synced(QStringLiteral("C4"), QStringLiteral("Delta One"));
    QVERIFY(lw > 0);
    setPolicy(Cw::ConflictPolicy::Local);
    renameBoth(QStringLiteral("C4"), lw, QStringLiteral("Delta CW"), QStringLiteral("Delta Local"));
    s = syncAccounts();
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().conflict, 0);
    QCOMPARE(remote(lw, QStringLiteral("name")), QStringLiteral("Delta Local"));
    QCOMPARE(local(QStringLiteral("C4"), QStringLiteral("name")), QStringLiteral("Delta Local"));
    setPolicy(Cw::ConflictPolicy::Report);
}

void TestSyncConflicts::differentFieldsBothFlow()
{
    const qint64 remoteId = synced(QStringLiteral("C5"), QStringLiteral("Epsilon One"));
    QVERIFY(remoteId > 0);
    QVERIFY(patchRemote(remoteId, QStringLiteral("name"), QStringLiteral("Epsilon CW")));
    QVariantHash values = account(QStringLiteral("C5"), QStringLiteral("Epsilon One"), QStringLiteral("Shelbyville"));
    QVERIFY2(f.addLocal(Entity::Accounts, {values}), qPrintable(f.error));
    const Cw::SyncSummary s = syncAccounts();
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().conflict, 0);
    // The local city went to ConnectWise; ConnectWise's name came back; neither overwrote the other.
    QCOMPARE(remote(remoteId, QStringLiteral("city")), QStringLiteral("Shelbyville"));
    QCOMPARE(remote(remoteId, QStringLiteral("name")), QStringLiteral("Epsilon CW"));
    QCOMPARE(local(QStringLiteral("C5"), QStringLiteral("name")), QStringLiteral("Epsilon CW"));
    QCOMPARE(local(QStringLiteral("C5"), QStringLiteral("city")), QStringLiteral("Shelbyville"));
}

void TestSyncConflicts::dryRunPreviewsAndWritesNothing()
{
    const qint64 remoteId = synced(QStringLiteral("C6"), QStringLiteral("Zeta One"));
    QVERIFY(remoteId > 0);
    renameBoth(QStringLiteral("C6"), remoteId, QStringLiteral("Zeta CW"), QStringLiteral("Zeta Local"));
    const int runs = f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs"));
    const Cw::SyncLink before = link(QStringLiteral("C6"));
    const Cw::SyncSummary s = syncAccounts(true);
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    const SyncOutcome* o = outcomeOf(s, Cw::Direction::Push, QStringLiteral("C6"));
    QVERIFY(o);
    QCOMPARE(o->action, SyncOutcome::Action::Conflict);
    const QList<FieldConflict> expected {
        {QStringLiteral("name"), QStringLiteral("Zeta Local"), QStringLiteral("Zeta CW")}};
    QCOMPARE(o->conflicts, expected);
    QVERIFY(!outcomeOf(s, Cw::Direction::Pull, QStringLiteral("C6")) ||
            outcomeOf(s, Cw::Direction::Pull, QStringLiteral("C6"))->action != SyncOutcome::Action::Conflict);
    QCOMPARE(remote(remoteId, QStringLiteral("name")), QStringLiteral("Zeta CW"));
    QCOMPARE(local(QStringLiteral("C6"), QStringLiteral("name")), QStringLiteral("Zeta Local"));
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), runs);
    const Cw::SyncLink after = link(QStringLiteral("C6"));
    QCOMPARE(after.base(), before.base());
    QCOMPARE(after.baseUpdated, before.baseUpdated);
    QCOMPARE(syncAccounts().pushCounts.value(Entity::Accounts).conflict, 1); // still there for a real run
    keep(QStringLiteral("C6"), Cw::KeepSide::ConnectWise);
    QCOMPARE(syncAccounts().totals().conflict, 0);
    QCOMPARE(local(QStringLiteral("C6"), QStringLiteral("name")), QStringLiteral("Zeta CW"));
}

void TestSyncConflicts::linkWithoutBaseSyncsAsBefore()
{
    const qint64 remoteId = synced(QStringLiteral("C7"), QStringLiteral("Eta One"));
    QVERIFY(remoteId > 0);
    // As a link made before schema 6: no base.
    QVERIFY(f.db->exec(QStringLiteral("UPDATE sync_links SET base_updated = NULL, base_values = ''"
                                      " WHERE entity = 'accounts' AND local_id = 'C7'")));
    renameBoth(QStringLiteral("C7"), remoteId, QStringLiteral("Eta CW"), QStringLiteral("Eta Local"));
    const Cw::SyncSummary s = syncAccounts();
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().conflict, 0);
    QCOMPARE(remote(remoteId, QStringLiteral("name")), QStringLiteral("Eta Local")); // the push wins, as before
    QCOMPARE(local(QStringLiteral("C7"), QStringLiteral("name")), QStringLiteral("Eta Local"));
    // That sync recorded a base: the next change on both sides is found.
    QVERIFY(link(QStringLiteral("C7")).hasBase());
    renameBoth(QStringLiteral("C7"), remoteId, QStringLiteral("Eta CW 2"), QStringLiteral("Eta Local 2"));
    QCOMPARE(syncAccounts().pushCounts.value(Entity::Accounts).conflict, 1);
}

void TestSyncConflicts::invoiceStageConflicts()
{
    // An invoice's stage is pushed (status) and pulled: it can conflict. Its account (C5) is linked.
    const auto invoice = [](const QString& stage) {
        return row({{"id", QStringLiteral("I1")},
                    {"number", QStringLiteral("INV-C-1")},
                    {"account_id", QStringLiteral("C5")},
                    {"invoice_stage", stage},
                    {"invoice_type", QStringLiteral("standard")},
                    {"currency", QStringLiteral("L0")},
                    {"date", QDate(2026, 3, 1)}});
    };
    QVERIFY2(f.addLocal(Entity::Invoices, {invoice(QStringLiteral("L0"))}), qPrintable(f.error));
    Cw::SyncSummary s = f.sync(true, true, {Entity::Accounts, Entity::Invoices});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    const qint64 remoteId = Cw::SyncLinkStore(*f.db, f.instanceId)
                                .linksOf(Entity::Invoices, {QStringLiteral("I1")})
                                .value(QStringLiteral("I1"))
                                .remoteId;
    QVERIFY(remoteId > 0);
    const QJsonArray statuses = f.list(QStringLiteral("finance/billingStatuses"));
    QVERIFY(statuses.size() >= 3);
    const QJsonArray ops {QJsonObject {
        {QStringLiteral("op"), QStringLiteral("replace")},
        {QStringLiteral("path"), QStringLiteral("status")},
        {QStringLiteral("value"),
         QJsonObject {{QStringLiteral("id"), statuses.at(1).toObject().value(QStringLiteral("id")).toInteger()}}}}};
    const QString path = QStringLiteral("finance/invoices/%1").arg(remoteId);
    QVERIFY(f.call(Cw::ApiRequest::patch(path, QJsonDocument(ops))).ok());
    QVERIFY2(f.addLocal(Entity::Invoices, {invoice(QStringLiteral("L2"))}), qPrintable(f.error));

    s = f.sync(true, true, {Entity::Accounts, Entity::Invoices});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.pushCounts.value(Entity::Invoices).conflict, 1);
    const QList<FieldConflict> expected {{QStringLiteral("invoice_stage"), QStringLiteral("L2"), QStringLiteral("L1")}};
    bool found = false;
    for (const SyncOutcome& o : s.outcomes) {
        if (o.entity == Entity::Invoices && o.localId == QLatin1String("I1")) {
            found = true;
            QCOMPARE(o.conflicts, expected);
        }
    }
    QVERIFY(found);
    QCOMPARE(f.call(Cw::ApiRequest::get(path))
                 .object()
                 .value(QStringLiteral("status"))
                 .toObject()
                 .value(QStringLiteral("id")),
             statuses.at(1).toObject().value(QStringLiteral("id")));
}

void TestSyncConflicts::policyIsExportedAndImported()
{
    Cw::ConfigDocument document;
    document.instance = f.simInstance(QStringLiteral("Exported"));
    document.config.conflictPolicy = Cw::ConflictPolicy::ConnectWise;
    const QByteArray json = QJsonDocument(document.toJson(QDateTime::currentDateTimeUtc())).toJson();
    QVERIFY(json.contains("\"conflictPolicy\": \"connectwise\""));
    Cw::StoreError error;
    const auto parsed = Cw::ConfigDocument::parse(json, &error);
    QVERIFY2(parsed, qPrintable(error.message));
    QCOMPARE(parsed->config.conflictPolicy, Cw::ConflictPolicy::ConnectWise);
    // An unknown policy names the member and the choices.
    QByteArray bad = json;
    bad.replace("\"conflictPolicy\": \"connectwise\"", "\"conflictPolicy\": \"newest\"");
    QVERIFY(!Cw::ConfigDocument::parse(bad, &error));
    QVERIFY2(error.message.contains(QLatin1String("conflictPolicy")) && error.message.contains(QLatin1String("report")),
             qPrintable(error.message));
}

QTEST_GUILESS_MAIN(TestSyncConflicts)
#include "tst_syncconflicts.moc"
