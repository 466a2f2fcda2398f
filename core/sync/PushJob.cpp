#include "core/sync/PushJob.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/RateGovernor.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/sync/ConflictDetector.h"
#include "core/sync/LinePush.h"
#include "core/sync/PushScheduler.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"
#include "core/sync/SyncSnapshot.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Cw {

namespace {

QString hashOf(const QByteArray& compact)
{
    return QString::fromLatin1(QCryptographicHash::hash(compact, QCryptographicHash::Sha256).toHex().left(32));
}

// JSON Patch replace operations for the updatable fields whose value changed since the last push.
QJsonArray patchOps(const QJsonObject& before, const QJsonObject& after, const QStringList& updatable)
{
    QJsonArray ops;
    for (const QString& field : updatable) {
        const QJsonValue now = after.value(field);
        if (now.isUndefined() || now == before.value(field)) {
            continue;
        }
        QJsonObject op;
        op.insert(QStringLiteral("op"), QStringLiteral("replace"));
        op.insert(QStringLiteral("path"), field);
        op.insert(QStringLiteral("value"), now);
        ops.append(op);
    }
    return ops;
}

} // namespace

PushJob::PushJob(SyncRun& run, const SyncDescriptor& descriptor, const SyncDescriptor* lines)
    : SyncJob(run, descriptor)
    , m_conflicts(run, descriptor)
    , m_lookup(run, descriptor)
    , m_inputs(run.inputs())
    , m_lines(lines)
{ }

PushJob::~PushJob() = default;

bool PushJob::loadLinks()
{
    StoreError error;
    m_links = m_run.links().links(m_descriptor.entity, &error);
    if (error.isError()) {
        m_run.fail(error.message);
        return false;
    }
    return true;
}

void PushJob::run()
{
    const SyncDescriptor& d = m_descriptor;
    StoreError error;
    const QList<LocalRecord> records = LocalRecordStore(m_run.database()).all(LocalSchema::entity(d.entity), &error);
    if (!error.message.isEmpty()) {
        m_run.fail(error.message);
        return;
    }
    if (!loadLinks()) {
        return;
    }
    // ConnectWise's state of the records changed on both sides, read in batches before any is pushed.
    if (!m_conflicts.prefetch(records, m_links)) {
        return;
    }
    std::unique_ptr<LinePush> lines;
    if (m_lines) {
        lines = std::make_unique<LinePush>(m_run, *m_lines, d);
        if (!lines->load()) {
            return;
        }
    }
    int done = 0;
    const int total = static_cast<int>(records.size());
    m_run.reportProcessed(Direction::Push, d.entity, 0, total);
    // Records side by side up to the connection's limit; each record's lines right after it (in landed()).
    // Records without a key of their own go one at a time per parent (chain): a look-up could not tell them apart.
    const QString chain = d.keyField.isEmpty() ? LocalSchema::entity(d.entity).parentColumn : QString();
    PushScheduler scheduler(m_run, *this, m_run.client()->governor()->maxInFlight());
    scheduler.run(records, chain, [&](const LocalRecord& r, const SyncOutcome& outcome) {
        if (lines) {
            lines->afterParent(r, m_links.value(r.id).remoteId, outcome); // it records the outcome
        } else {
            m_run.record(outcome);
        }
        if (++done % 50 == 0) {
            if (lines) {
                lines->flush();
            }
            m_run.flushOutcomes();
            m_run.reportCounts(Direction::Push, d.entity, done, total);
        }
    });
    if (lines) {
        lines->flush();
        lines->finish();
    }
    m_run.reportCounts(Direction::Push, d.entity, done, total);
}

bool PushJob::admit(const LocalRecord& record, const PushBody& built, SyncOutcome* outcome) const
{
    Q_UNUSED(record)
    if (!built.skipReason.isEmpty()) {
        outcome->action = SyncOutcome::Action::Skipped;
        outcome->reason = built.skipReason;
        return false;
    }
    return true;
}

bool PushJob::pushRecord(const LocalRecord& r, SyncOutcome* outcome)
{
    PushSend send;
    const Step step = prepare(r, outcome, &send);
    if (step != Step::Send) {
        return step == Step::Done;
    }
    return complete(send, m_run.call(send.request), outcome);
}

PushJob::Step PushJob::prepare(const LocalRecord& r, SyncOutcome* outcome, PushSend* send)
{
    using A = SyncOutcome::Action;
    const SyncDescriptor& d = m_descriptor;
    const PushBody built = d.toRemote(r, m_inputs);
    if (!admit(r, built, outcome)) {
        return Step::Done;
    }
    const QByteArray compact = QJsonDocument(built.body).toJson(QJsonDocument::Compact);
    const QString hash = hashOf(compact);
    SyncLink link = m_links.value(r.id);
    link.localId = r.id;
    if (link.remoteId <= 0 && !link.pushedBody.isEmpty() && !m_run.dryRun()) {
        // A create that may have happened (lost answer, killed process): look before creating again.
        ApiError error;
        const qint64 found = m_lookup.find(built, m_links, &error);
        if (!error.isOk()) {
            outcome->action = A::Failed;
            outcome->reason =
                SyncEngine::tr("cannot check whether an earlier create went through: %1").arg(error.message());
            m_run.fatal(error, Direction::Push);
            return Step::Failed;
        }
        if (found > 0) {
            link.remoteId = found;
            StoreError storeError;
            m_run.links().save(d.entity, link, &storeError);
            m_links.insert(r.id, link);
            if (link.pushedHash == hash) {
                outcome->action = A::Created;
                outcome->remoteId = found;
                return Step::Done;
            }
        }
    }
    outcome->remoteId = link.remoteId;
    if (link.remoteId <= 0) {
        if (!m_run.settings().isEnabled(d.optionsEntity(), Operation::PushCreate)) {
            outcome->action = A::Skipped;
            outcome->reason =
                SyncEngine::tr("sync option off: push_create is off for %1").arg(nameOf(d.optionsEntity()));
            return Step::Done;
        }
        if (m_run.dryRun()) {
            outcome->action = A::Created;
            return Step::Done;
        }
        m_conflicts.pushed(&link, r, PushConflictCheck(), QJsonObject());
        send->create = true;
        send->built = built;
        send->hash = hash;
        send->link = link;
        return beginCreate(send, outcome) ? Step::Send : Step::Failed;
    }
    // What ConnectWise has: the last body sent, or, after a pull, the body of the record as the pull wrote it.
    QJsonObject before;
    if (!link.pulledValues.isEmpty()) {
        const LocalEntity& entity = LocalSchema::entity(d.entity);
        if (SyncSnapshot::of(entity, r.values).toUtf8() == link.pulledValues) {
            outcome->action = A::Unchanged;
            return Step::Done;
        }
        before = d.toRemote(SyncSnapshot::restore(entity, r.id, QString::fromUtf8(link.pulledValues)), m_inputs).body;
    } else if (link.pushedHash == hash) {
        outcome->action = A::Unchanged;
        return Step::Done;
    } else {
        before = QJsonDocument::fromJson(link.pushedBody.toUtf8()).object();
    }
    if (!m_run.settings().isEnabled(d.optionsEntity(), Operation::PushUpdate)) {
        outcome->action = A::Skipped;
        outcome->reason = SyncEngine::tr("sync option off: push_update is off for %1").arg(nameOf(d.optionsEntity()));
        return Step::Done;
    }
    // Changed in ConnectWise too: only what the conflict check lets through is sent.
    PushConflictCheck check;
    if (!m_conflicts.checkPush(r, link, built.body, &check, outcome)) {
        return Step::Failed;
    }
    const QJsonArray ops = patchOps(before, check.checked ? check.body : built.body, d.updatableFields);
    outcome->action = !outcome->conflicts.isEmpty() ? A::Conflict : ops.isEmpty() ? A::Unchanged : A::Updated;
    if (m_run.dryRun()) {
        return Step::Done;
    }
    send->built = built;
    send->hash = hash;
    send->link = link;
    send->record = r;
    send->conflict = check;
    if (ops.isEmpty()) {
        return completePatch(*send, ApiResult(), outcome) ? Step::Done : Step::Failed;
    }
    send->request =
        ApiRequest::patch(built.path + QLatin1Char('/') + QString::number(link.remoteId), QJsonDocument(ops));
    return Step::Send;
}

bool PushJob::complete(PushSend& send, const ApiResult& result, SyncOutcome* outcome)
{
    return send.create ? completeCreate(send, result, outcome) : completePatch(send, result, outcome);
}

bool PushJob::completePatch(PushSend& send, const ApiResult& result, SyncOutcome* outcome)
{
    using A = SyncOutcome::Action;
    const bool sent = !send.request.path.isEmpty();
    if (sent && !result.ok()) {
        outcome->action = A::Failed;
        outcome->reason = result.error.message();
        m_run.fatal(result.error, Direction::Push);
        return false;
    }
    if (!send.conflict.settled()) {
        return true; // not settled here: the link and its base stay until it is
    }
    SyncLink link = send.link;
    m_conflicts.pushed(&link, send.record, send.conflict, result.object());
    link.pushedHash = send.hash;
    link.pushedBody = QString::fromUtf8(QJsonDocument(send.built.body).toJson(QJsonDocument::Compact));
    link.pulledValues.clear();
    StoreError storeError;
    if (!m_run.links().save(m_descriptor.entity, link, &storeError)) {
        outcome->action = A::Failed;
        outcome->reason = storeError.message;
        return false;
    }
    m_links.insert(link.localId, link); // the outcome's action was decided by prepare()
    return true;
}

bool PushJob::beginCreate(PushSend* send, SyncOutcome* outcome)
{
    using A = SyncOutcome::Action;
    const SyncDescriptor& d = m_descriptor;
    const QByteArray compact = QJsonDocument(send->built.body).toJson(QJsonDocument::Compact);
    // The link row goes in first (committed): if the answer is lost or the process dies, the next run knows a
    // create may have happened and looks it up instead of creating a duplicate.
    SyncLink& link = send->link;
    link.remoteRef = send->built.key;
    link.pushedHash = send->hash;
    link.pushedBody = QString::fromUtf8(compact);
    link.remoteId = 0;
    StoreError storeError;
    if (!m_run.links().save(d.entity, link, &storeError)) {
        outcome->action = A::Failed;
        outcome->reason = storeError.message;
        return false;
    }
    m_links.insert(link.localId, link);
    send->request = ApiRequest::post(send->built.path, QJsonDocument(send->built.body));
    return true;
}

bool PushJob::completeCreate(PushSend& send, const ApiResult& first, SyncOutcome* outcome)
{
    using A = SyncOutcome::Action;
    const SyncDescriptor& d = m_descriptor;
    const PushBody& built = send.built;
    SyncLink link = send.link;
    StoreError storeError;
    // A POST is never sent again blindly: only after a look-up showed the first one created nothing.
    ApiResult result;
    qint64 remoteId = 0;
    for (int attempt = 0; attempt < 2 && remoteId <= 0; ++attempt) {
        result = attempt == 0 ? first : m_run.call(send.request);
        if (result.ok()) {
            remoteId = result.object().value(QStringLiteral("id")).toInteger();
            break;
        }
        const bool exists = result.error.kind == ApiError::Kind::InvalidRequest &&
            QString::fromUtf8(result.body).contains(QLatin1String("ObjectExists"));
        if (!result.error.outcomeUnknown && !exists) {
            break;
        }
        ApiError lookupError;
        remoteId = m_lookup.find(built, m_links, &lookupError);
        if (!lookupError.isOk()) {
            outcome->action = A::Failed;
            outcome->reason = SyncEngine::tr("the create may have happened; it is checked again on the next run (%1)")
                                  .arg(result.error.message());
            m_run.fatal(lookupError, Direction::Push);
            return false; // the pending link stays: the next run looks again
        }
        if (exists) {
            break;
        }
    }
    if (remoteId <= 0) {
        m_run.links().remove(d.entity, link.localId, &storeError);
        m_links.remove(link.localId);
        outcome->action = A::Failed;
        outcome->reason = result.ok() ? SyncEngine::tr("the answer to the create had no id") : result.error.message();
        if (!result.ok()) {
            m_run.fatal(result.error, Direction::Push);
        }
        return false;
    }
    link.remoteId = remoteId;
    link.baseUpdated = ConflictDetector::lastUpdatedOf(result.object()); // with baseValues: the conflicts' base
    if (!m_run.links().save(d.entity, link, &storeError)) {
        outcome->action = A::Failed;
        outcome->reason = storeError.message;
        return false;
    }
    m_links.insert(link.localId, link);
    outcome->action = A::Created;
    outcome->remoteId = remoteId;
    return true;
}

bool PushJob::removeRemote(const SyncLink& link, SyncOutcome* outcome)
{
    using A = SyncOutcome::Action;
    const SyncDescriptor& d = m_descriptor;
    outcome->remoteId = link.remoteId;
    qint64 remoteId = link.remoteId;
    if (remoteId <= 0) { // a create that may have gone through: look it up by its key
        PushBody pending;
        pending.path = d.path;
        pending.key = link.remoteRef;
        pending.body = QJsonDocument::fromJson(link.pushedBody.toUtf8()).object();
        ApiError error;
        remoteId = pending.key.isEmpty() ? 0 : m_lookup.find(pending, m_links, &error);
        if (!error.isOk()) {
            outcome->action = A::Failed;
            outcome->reason = error.message();
            m_run.fatal(error, Direction::Push);
            return false;
        }
    }
    if (remoteId > 0) {
        const ApiResult result = m_run.call(ApiRequest::del(d.path + QLatin1Char('/') + QString::number(remoteId)));
        // 404: already gone (a DELETE whose answer was lost and was sent again, or removed in ConnectWise).
        if (!result.ok() && result.error.kind != ApiError::Kind::NotFound) {
            outcome->action = A::Failed;
            outcome->reason = result.error.message();
            m_run.fatal(result.error, Direction::Push);
            return false;
        }
    }
    StoreError storeError;
    if (!m_run.links().remove(d.entity, link.localId, &storeError)) {
        outcome->action = A::Failed;
        outcome->reason = storeError.message;
        return false;
    }
    m_links.remove(link.localId);
    outcome->remoteId = remoteId;
    outcome->action = A::Updated;
    outcome->reason = deletedReason(d.entity, link.localId);
    return true;
}

QString PushJob::deletedReason(Entity entity, const QString& localId)
{
    return SyncEngine::tr("deleted in ConnectWise: local %1 %2 no longer exists").arg(nameOf(entity), localId);
}

} // namespace Cw
