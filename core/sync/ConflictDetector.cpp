#include "core/sync/ConflictDetector.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Conditions.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"
#include "core/sync/SyncSnapshot.h"

namespace Cw {

namespace {

constexpr qsizetype kBatch = 100; // ids per look-up: the conditions stay well under URL limits

} // namespace

ConflictDetector::ConflictDetector(SyncRun& run, const SyncDescriptor& descriptor)
    : m_run(run)
    , m_descriptor(descriptor)
    , m_entity(LocalSchema::entity(descriptor.entity))
    , m_resolver(descriptor, run.inputs())
{ }

bool ConflictDetector::applies(const SyncDescriptor& d)
{
    return d.fromRemote && !d.updatableFields.isEmpty() && !d.followsParent;
}

QDateTime ConflictDetector::lastUpdatedOf(const QJsonObject& record)
{
    const QString text = record.value(QLatin1String("_info")).toObject().value(QLatin1String("lastUpdated")).toString();
    return text.isEmpty() ? QDateTime() : PulledPages::utcTime(text);
}

QString ConflictDetector::describe(const QList<FieldConflict>& conflicts)
{
    QStringList parts;
    for (const FieldConflict& c : conflicts) {
        parts.append(SyncEngine::tr("%1: local \"%2\", ConnectWise \"%3\"").arg(c.field, c.localValue, c.remoteValue));
    }
    return SyncEngine::tr("changed on both sides since the last sync (%1)").arg(parts.join(QLatin1String("; ")));
}

QVariantHash ConflictDetector::baseOf(const SyncLink& link) const
{
    return SyncSnapshot::restore(m_entity, link.localId, QString::fromUtf8(link.base())).values;
}

bool ConflictDetector::changedSinceBase(const QVariantHash& local, const SyncLink& link) const
{
    return link.hasBase() && SyncSnapshot::of(m_entity, local).toUtf8() != link.base();
}

bool ConflictDetector::prefetch(const QList<LocalRecord>& records, const QHash<QString, SyncLink>& links)
{
    if (!applies(m_descriptor) || !m_run.settings().isEnabled(m_descriptor.optionsEntity(), Operation::PushUpdate)) {
        return true;
    }
    QList<qint64> ids;
    for (const LocalRecord& r : records) {
        const auto link = links.constFind(r.id);
        if (link != links.cend() && link->remoteId > 0 && changedSinceBase(r.values, *link)) {
            ids.append(link->remoteId);
        }
    }
    QStringList fields = m_descriptor.pullFields;
    if (!fields.isEmpty() && !fields.contains(QLatin1String("_info"))) {
        fields.append(QStringLiteral("_info/lastUpdated"));
    }
    for (qsizetype start = 0; start < ids.size() && !m_run.shouldStop(); start += kBatch) {
        const QList<qint64> batch = ids.mid(start, kBatch);
        ApiRequest request = ApiRequest::get(m_descriptor.path);
        request.addQuery(QStringLiteral("conditions"), Conditions::in(QStringLiteral("id"), batch).toString());
        request.addQuery(QStringLiteral("pageSize"), QString::number(kBatch));
        if (!fields.isEmpty()) {
            request.addQuery(QStringLiteral("fields"), fields.join(QLatin1Char(',')));
        }
        request.expectJson = false;
        const ApiResult result = m_run.call(request);
        std::vector<JsonRecord> read;
        QString detail;
        if (!result.ok() || !JsonView::splitRecords(result.body, &read, &detail)) {
            const QString why = result.ok() ? detail : result.error.message();
            if (!result.ok() && m_run.fatal(result.error, Direction::Push)) {
                return false;
            }
            for (qint64 id : batch) {
                m_unread.insert(id, why);
            }
            continue;
        }
        const auto mapped = PulledPages::map(m_descriptor, m_entity, m_run.inputs(), read);
        for (PulledRecord& r : *mapped) {
            m_remote.insert(r.remoteId, std::move(r));
        }
    }
    qCDebug(lcSync) << "read" << m_remote.size() << m_descriptor.remoteName << "records to check for conflicts";
    return true;
}

ConflictInput ConflictDetector::inputFor(const QVariantHash& local, const SyncLink& link) const
{
    ConflictInput in;
    in.base = baseOf(link);
    in.local = local;
    in.local.insert(QStringLiteral("id"), link.localId);
    in.keep = link.keep;
    in.policy = m_run.settings().conflictPolicy();
    return in;
}

bool ConflictDetector::checkPush(const LocalRecord& record, const SyncLink& link, const QJsonObject& built,
                                 PushConflictCheck* check, SyncOutcome* outcome) const
{
    PushConflictCheck& out = *check;
    out.body = built;
    if (!applies(m_descriptor) || !changedSinceBase(record.values, link)) {
        return true;
    }
    QString error;
    const auto remote = m_remote.constFind(link.remoteId);
    if (const auto unread = m_unread.constFind(link.remoteId); unread != m_unread.cend()) {
        error = SyncEngine::tr("cannot read the ConnectWise record to check for a conflict: %1").arg(*unread);
    } else if (remote == m_remote.cend()) {
        return true; // gone from ConnectWise: the PATCH says so
    } else if (!remote->pulled.skipReason.isEmpty()) {
        error = SyncEngine::tr("cannot compare with the ConnectWise record: %1").arg(remote->pulled.skipReason);
    }
    if (!error.isEmpty()) {
        outcome->action = SyncOutcome::Action::Failed;
        outcome->reason = error;
        return false;
    }
    ConflictInput in = inputFor(record.values, link);
    in.remote = remote->pulled.values;
    in.remoteChanged = !remote->updated.isValid() || remote->updated >= link.baseUpdated;
    out.checked = true;
    out.remoteChanged = in.remoteChanged;
    out.merge = m_resolver.merge(in);
    out.body = m_descriptor.toRemote(LocalRecord {record.id, out.merge.push}, m_run.inputs()).body;
    outcome->conflicts = out.merge.conflicts;
    if (!outcome->conflicts.isEmpty()) {
        outcome->reason = describe(outcome->conflicts);
    }
    return true;
}

void ConflictDetector::pushed(SyncLink* link, const LocalRecord& record, const PushConflictCheck& check,
                              const QJsonObject& answer) const
{
    if (!applies(m_descriptor)) {
        return; // no base: nothing compares with it
    }
    link->baseValues = SyncSnapshot::of(m_entity, record.values).toUtf8();
    link->keep = KeepSide::None;
    const QDateTime answered = lastUpdatedOf(answer);
    if (answered.isValid() && !(check.checked && check.remoteChanged)) {
        link->baseUpdated = answered;
    }
}

std::optional<ConflictMerge> ConflictDetector::checkPull(const QVariantHash& local, const SyncLink& link,
                                                         const PulledRecord& pulled) const
{
    if (!applies(m_descriptor) || !changedSinceBase(local, link)) {
        return std::nullopt;
    }
    ConflictInput in = inputFor(local, link);
    in.remote = pulled.pulled.values;
    in.remoteChanged = !pulled.updated.isValid() || pulled.updated >= link.baseUpdated;
    return m_resolver.merge(in);
}

} // namespace Cw

namespace Cw {

bool ConflictDetector::mergePulled(const QVariantHash& local, const SyncLink& base, const PulledRecord& pulled,
                                   SyncOutcome* outcome, PulledMerge* merge) const
{
    using A = SyncOutcome::Action;
    const std::optional<ConflictMerge> m = checkPull(local, base, pulled);
    if (!m) {
        return false;
    }
    QVariantHash merged = m->local;
    merged.insert(QStringLiteral("id"), base.localId);
    const bool changed = !SyncSnapshot::same(m_entity, local, merged);
    if (!m->conflicts.isEmpty() && !m_run.conflictReported(m_descriptor.entity, base.localId)) {
        outcome->action = A::Conflict;
        outcome->conflicts = m->conflicts;
        outcome->reason = describe(m->conflicts);
    } else {
        outcome->action = changed ? A::Updated : A::Unchanged; // its ConnectWise-only fields still flow
    }
    if (changed) {
        merge->row = SyncLocalWriter::rowOf(m_entity, base.localId, merged);
    }
    // Settled: the new base is what ConnectWise has; the local changes not pushed yet differ from it. Not settled
    // (or ConnectWise unchanged since the base): the link keeps its base, so the next sync finds the same.
    if (m->conflicts.isEmpty() && m->remoteChanged) {
        SyncLink link;
        link.localId = base.localId;
        link.remoteId = pulled.remoteId;
        link.pulledValues = SyncSnapshot::of(m_entity, m->base).toUtf8();
        link.baseUpdated = pulled.updated;
        merge->link = std::move(link);
    }
    return true;
}

} // namespace Cw
