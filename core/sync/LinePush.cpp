#include "core/sync/LinePush.h"

#include "core/connectwise/Conditions.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Cw {

namespace {

QString figure(double value)
{
    return QString::number(value, 'f', 2);
}

} // namespace

LinePush::LinePush(SyncRun& run, const SyncDescriptor& lines, const SyncDescriptor& parent)
    : m_run(run), m_lines(lines), m_parent(parent), m_job(run, lines)
{ }

LinePush::~LinePush() = default;

bool LinePush::load()
{
    const LocalEntity& entity = LocalSchema::entity(m_lines.entity);
    StoreError error;
    const QList<LocalRecord> lines = LocalRecordStore(m_run.database()).all(entity, &error);
    if (error.isError()) {
        m_run.fail(error.message);
        return false;
    }
    if (!m_job.loadLinks()) {
        return false;
    }
    QSet<QString> ids;
    for (const LocalRecord& line : lines) {
        m_byParent[line.values.value(entity.parentColumn).toString()].append(line);
        ids.insert(line.id);
    }
    int orphans = 0;
    for (const SyncLink& link : m_job.links()) {
        if (ids.contains(link.localId)) {
            continue;
        }
        // What was sent last says which parent the line belonged to.
        const QJsonObject sent = QJsonDocument::fromJson(link.pushedBody.toUtf8()).object();
        m_orphans[sent.value(m_lines.parentField).toObject().value(QLatin1String("id")).toInteger()].append(link);
        ++orphans;
    }
    m_total = static_cast<int>(lines.size()) + orphans;
    m_run.reportProcessed(Direction::Push, m_lines.entity, 0, m_total);
    return true;
}

SyncOutcome LinePush::lineOutcome(const QString& localId) const
{
    SyncOutcome o;
    o.direction = Direction::Push;
    o.entity = m_lines.entity;
    o.localId = localId;
    return o;
}

bool LinePush::record(const SyncOutcome& outcome)
{
    m_run.record(outcome);
    if (++m_processed % 50 == 0) {
        m_run.reportCounts(Direction::Push, m_lines.entity, m_processed, m_total);
    }
    return outcome.action == SyncOutcome::Action::Created || outcome.action == SyncOutcome::Action::Updated;
}

void LinePush::skipLines(const QList<LocalRecord>& lines, const QString& reason)
{
    for (const LocalRecord& line : lines) {
        SyncOutcome o = lineOutcome(line.id);
        o.action = SyncOutcome::Action::Skipped;
        o.reason = reason;
        record(o);
    }
}

bool LinePush::removeOrphan(const SyncLink& link)
{
    SyncOutcome o = lineOutcome(link.localId);
    o.remoteId = link.remoteId;
    if (!m_run.settings().isEnabled(m_lines.optionsEntity(), Operation::PushUpdate)) {
        o.action = SyncOutcome::Action::Skipped;
        o.reason = tr("sync option off: push_update is off for %1; the product item of the deleted line stays")
                       .arg(nameOf(m_lines.optionsEntity()));
    } else if (m_run.dryRun()) {
        o.action = SyncOutcome::Action::Updated;
        o.reason = PushJob::deletedReason(m_lines.entity, link.localId);
    } else {
        m_job.removeRemote(link, &o);
    }
    return record(o);
}

void LinePush::afterParent(const LocalRecord& parent, qint64 parentRemoteId, const SyncOutcome& parentOutcome)
{
    using A = SyncOutcome::Action;
    Held held;
    held.parent = parent;
    held.remoteId = parentRemoteId;
    held.outcome = parentOutcome;
    const QList<LocalRecord> lines = m_byParent.take(parent.id);
    const bool inStep = parentOutcome.action == A::Created || parentOutcome.action == A::Updated ||
        parentOutcome.action == A::Unchanged;
    const qint64 target =
        parentRemoteId > 0 ? parentRemoteId : (m_run.dryRun() && inStep ? SyncRun::kPlannedRemoteId : 0);
    if (!inStep || target <= 0) {
        // The lines wait for their parent (and so do the product items of its deleted lines).
        if (parentRemoteId > 0) {
            m_orphans.remove(parentRemoteId);
        }
        skipLines(lines,
                  tr("%1 %2 was not pushed (%3): its lines wait for it")
                      .arg(nameOf(m_parent.entity), parent.id, SyncOutcome::actionName(parentOutcome.action)));
        m_held.append(held);
        return;
    }
    // Deleted lines first: a removed amount leaves the total before new ones come in.
    for (const SyncLink& link : m_orphans.take(parentRemoteId)) {
        held.linesChanged = removeOrphan(link) || held.linesChanged;
    }
    // The descriptor finds the parent through the inputs: this parent is linked to target (a stand-in in a dry run).
    SyncInputs inputs = m_run.inputs();
    inputs.linkedRemoteId = [parentEntity = m_parent.entity, parentId = parent.id, target,
                             fallback = m_run.inputs().linkedRemoteId](Entity entity, const QString& localId) {
        return entity == parentEntity && localId == parentId ? target : fallback(entity, localId);
    };
    m_job.setInputs(inputs);
    int incomplete = 0;
    for (const LocalRecord& line : lines) {
        if (m_run.shouldStop()) {
            break;
        }
        SyncOutcome o = lineOutcome(line.id);
        m_job.pushRecord(line, &o);
        held.linesChanged = record(o) || held.linesChanged;
        incomplete += o.action == A::Skipped || o.action == A::Failed ? 1 : 0;
    }
    if (incomplete > 0) {
        held.notes.append(tr("lines incomplete: %1 of %2 lines are not in ConnectWise (see %3)")
                              .arg(incomplete)
                              .arg(lines.size())
                              .arg(nameOf(m_lines.entity)));
    }
    m_held.append(held);
}

QHash<qint64, QJsonObject> LinePush::readTotals(const QList<qint64>& ids, QString* error)
{
    ApiRequest request = ApiRequest::get(m_parent.path);
    request.addQuery(QStringLiteral("conditions"), Conditions::in(QStringLiteral("id"), ids).toString());
    request.addQuery(QStringLiteral("fields"), m_parent.totalFields.join(QLatin1Char(',')));
    request.addQuery(QStringLiteral("pageSize"), QString::number(ids.size()));
    const ApiResult result = m_run.call(request);
    QHash<qint64, QJsonObject> out;
    if (!result.ok()) {
        *error = result.error.message();
        m_run.fatal(result.error, Direction::Push);
        return out;
    }
    for (const QJsonValue& v : result.array()) {
        const QJsonObject o = v.toObject();
        out.insert(o.value(QLatin1String("id")).toInteger(), o);
    }
    return out;
}

QString LinePush::totalNote(const Held& held, const QJsonObject& remote) const
{
    const QString local = held.parent.values.value(QStringLiteral("total")).toString();
    if (local.isEmpty() || !remote.value(QLatin1String("total")).isDouble()) {
        return {};
    }
    const double remoteTotal = remote.value(QLatin1String("total")).toDouble();
    const double localTotal = local.toDouble();
    if (qAbs(remoteTotal - localTotal) < 0.005) {
        return {};
    }
    QString note = tr("total differs: ConnectWise computes %1 from the lines, the local total is %2")
                       .arg(figure(remoteTotal), figure(localTotal));
    if (remote.value(QLatin1String("balance")).isDouble()) {
        note += tr(" (ConnectWise balance %1)").arg(figure(remote.value(QLatin1String("balance")).toDouble()));
    }
    return note;
}

void LinePush::flush()
{
    using A = SyncOutcome::Action;
    // Totals are read back for the parents that changed in ConnectWise (themselves or their lines) in this run.
    QList<qint64> changed;
    for (const Held& h : m_held) {
        const bool wrote = h.outcome.action == A::Created || h.outcome.action == A::Updated || h.linesChanged;
        if (wrote && h.remoteId > 0 && !m_run.dryRun() && !m_run.shouldStop()) {
            changed.append(h.remoteId);
        }
    }
    QString error;
    const QHash<qint64, QJsonObject> totals =
        changed.isEmpty() ? QHash<qint64, QJsonObject>() : readTotals(changed, &error);
    for (Held& h : m_held) {
        if (h.linesChanged && h.outcome.action == A::Unchanged) {
            h.outcome.action = A::Updated; // its lines changed it in ConnectWise
        }
        if (changed.contains(h.remoteId)) {
            const QString note = error.isEmpty() ? totalNote(h, totals.value(h.remoteId))
                                                 : tr("the ConnectWise total could not be read: %1").arg(error);
            if (!note.isEmpty()) {
                h.notes.append(note);
            }
        }
        if (!h.notes.isEmpty()) {
            const QString notes = h.notes.join(QLatin1String("; "));
            h.outcome.reason = h.outcome.reason.isEmpty() ? notes : h.outcome.reason + QLatin1String("; ") + notes;
            qCInfo(lcSync) << nameOf(m_parent.entity) << h.parent.id << notes;
        }
        m_run.record(h.outcome);
    }
    m_held.clear();
}

void LinePush::finish()
{
    if (m_run.shouldStop()) {
        return;
    }
    QStringList parents = m_byParent.keys();
    parents.sort();
    for (const QString& parentId : parents) {
        skipLines(m_byParent.value(parentId),
                  tr("missing linked record: local %1 %2 does not exist").arg(nameOf(m_parent.entity), parentId));
    }
    m_byParent.clear();
    for (const QList<SyncLink>& links : std::as_const(m_orphans)) {
        for (const SyncLink& link : links) {
            if (m_run.shouldStop()) {
                return;
            }
            removeOrphan(link);
        }
    }
    m_orphans.clear();
    m_run.reportCounts(Direction::Push, m_lines.entity, m_processed, m_total);
}

} // namespace Cw
