#include "core/sync/SyncEngine.h"

#include "core/config/ConfigNames.h"
#include "core/config/InstanceRepository.h"
#include "core/config/RemoteResolver.h"
#include "core/connectwise/ApiClient.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/sync/SyncJob.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"

namespace Cw {

SyncEngine::SyncEngine(Database& database, ApiClient* client, QObject* parent)
    : QObject(parent), m_database(database), m_client(client)
{ }

SyncEngine::~SyncEngine() = default;

void SyncEngine::cancel()
{
    m_cancelled = true;
    // Queued: runs in the engine's thread (inside run()'s event loop), where the calls and pagers live.
    QMetaObject::invokeMethod(this, &SyncEngine::cancelRequested, Qt::QueuedConnection);
}

bool SyncEngine::isEnabled(const SyncDescriptor& d, const SyncSettings& settings, Direction direction)
{
    const Operation create = createIn(direction);
    const Operation update = updateIn(direction);
    const Entity options = d.optionsEntity(); // lines: their parent's
    return (d.supports(create) && settings.isEnabled(options, create)) ||
        (d.supports(update) && settings.isEnabled(options, update));
}

QString SyncEngine::blocker(const SyncDescriptor& d, const SyncSettings& settings, bool push, SyncFix* fix)
{
    const Direction direction = push ? Direction::Push : Direction::Pull;
    if (!isEnabled(d, settings, direction)) {
        if (fix) {
            *fix = SyncFix::turnOn(d.optionsEntity(), direction);
        }
        return tr("sync option off: neither %1.%2 nor %1.%3 is on")
            .arg(nameOf(d.optionsEntity()), nameOf(createIn(direction)), nameOf(updateIn(direction)));
    }
    if (push) {
        for (const QString& key : d.requiredVariables) {
            if (settings.variable(key).isEmpty()) {
                if (fix) {
                    *fix = SyncFix::pickVariable(key);
                }
                return SyncSettings::missingVariableReason(key);
            }
        }
    }
    return {};
}

QByteArray SyncEngine::toCsv(const QList<SyncOutcome>& outcomes)
{
    auto field = [](const QString& text) {
        QString t = text;
        if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n'))) {
            t.replace(QLatin1String("\""), QLatin1String("\"\""));
            t = QLatin1Char('"') + t + QLatin1Char('"');
        }
        return t;
    };
    QString out = QStringLiteral("direction,entity,local_id,remote_id,action,reason\n");
    for (const SyncOutcome& o : outcomes) {
        out += nameOf(o.direction) + QLatin1Char(',') + nameOf(o.entity) + QLatin1Char(',') + field(o.localId) +
            QLatin1Char(',') + (o.remoteId > 0 ? QString::number(o.remoteId) : QString()) + QLatin1Char(',') +
            SyncOutcome::actionName(o.action) + QLatin1Char(',') + field(o.reason) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

SyncSummary SyncEngine::run(const SyncRequest& request)
{
    m_cancelled = false;
    SyncRun run(m_database, m_client, request, m_cancelled, m_pageSize);
    connect(&run, &SyncRun::progress, this, &SyncEngine::progress);
    connect(&run, &SyncRun::countsChanged, this, &SyncEngine::countsChanged);
    connect(this, &SyncEngine::cancelRequested, &run, &SyncRun::cancelRequested);
    if (!run.loadSettings()) {
        return run.summary();
    }
    const QList<Entity> entities = request.entities.isEmpty() ? SyncDescriptors::entities() : request.entities;
    // Before the first write (the history's): one sync of a connector at a time. Released when run() returns.
    std::unique_ptr<SyncLease> lease;
    if (!request.dryRun && !(lease = takeLease(run))) {
        return run.summary();
    }
    if (!request.dryRun && !startHistory(run, entities)) {
        return run.summary();
    }
    QList<SyncSlot> optionsOff;
    QSet<Entity> started;
    // Push first (dependency order), then pull: local changes reach ConnectWise before ConnectWise's come back.
    for (const Direction direction : {Direction::Push, Direction::Pull}) {
        if ((direction == Direction::Push && !request.push) || (direction == Direction::Pull && !request.pull)) {
            continue;
        }
        for (const SyncDescriptor& d : SyncDescriptors::all()) {
            if (!entities.contains(d.entity) || run.shouldStop() || !d.syncs(direction) || d.followsParent) {
                continue; // (payments are never pulled; lines go with their parent)
            }
            bool off = false;
            if (!mayStart(run, d, direction, &off)) {
                if (off) {
                    optionsOff.append({direction, d.entity});
                }
                continue;
            }
            // Lines that cannot start (their variable, their permission) are blocked; their parents still go.
            const SyncDescriptor* lines = direction == Direction::Push ? SyncDescriptors::linesOf(d.entity) : nullptr;
            if (lines && !mayStart(run, *lines, direction, nullptr)) {
                lines = nullptr;
            }
            started.insert(d.entity);
            if (lines) {
                started.insert(lines->entity);
            }
            SyncJob::make(direction, run, d, lines)->run();
            run.flushOutcomes();
            run.forgetLinks(d.entity);
        }
    }
    if (!request.entities.isEmpty()) {
        failUnstarted(run, optionsOff, started);
    }
    if (lease && lease->wasLost() && run.summary().fatalError.isEmpty()) {
        run.summary().fatalError = tr("Another sync took this connector over because this one had stopped renewing "
                                      "its lease, so this one stopped; what was done is kept.");
    }
    if (m_cancelled && run.summary().fatalError.isEmpty()) {
        run.summary().fatalError = tr("The sync was cancelled.");
    }
    if (!request.dryRun) {
        finishHistory(run);
    }
    return run.summary();
}

std::unique_ptr<SyncLease> SyncEngine::takeLease(SyncRun& run)
{
    const qint64 instanceId = run.request().instanceId;
    auto lease = std::make_unique<SyncLease>(m_database.location(), instanceId, m_leaseOptions);
    lease->setOnLost([this] { cancel(); });
    SyncHolder holder;
    StoreError error;
    switch (lease->acquire(&holder, &error)) {
    case SyncLease::Outcome::Acquired:
        return lease;
    case SyncLease::Outcome::Held: {
        const auto instance = InstanceRepository(m_database).findById(instanceId);
        run.summary().busy = holder;
        run.summary().fatalError =
            SyncLease::busyMessage(instance ? instance->name : QString::number(instanceId), holder);
        qCInfo(lcSync) << "sync of instance" << instanceId << "refused: held by" << holder.program << "process"
                       << holder.processId << "on" << holder.host;
        return nullptr;
    }
    case SyncLease::Outcome::Failed:
        run.summary().fatalError = error.message;
        return nullptr;
    }
    return nullptr;
}

bool SyncEngine::startHistory(SyncRun& run, const QList<Entity>& entities)
{
    const SyncRequest& request = run.request();
    run.history().markInterrupted(request.instanceId);
    SyncRunRecord record;
    record.instanceId = request.instanceId;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.direction = request.direction();
    record.entities = entities;
    StoreError error;
    const auto id = run.history().startRun(record, &error);
    if (!id) {
        run.summary().fatalError = error.message;
        return false;
    }
    run.summary().runId = *id;
    return true;
}

void SyncEngine::finishHistory(SyncRun& run)
{
    run.flushOutcomes();
    const SyncSummary& summary = run.summary();
    const QString status = summary.ok() ? QStringLiteral("succeeded") : QStringLiteral("failed");
    QString message = summary.fatalError;
    for (auto it = summary.blocked.cbegin(); it != summary.blocked.cend(); ++it) {
        message += (message.isEmpty() ? QString() : QStringLiteral("; ")) + it.key().label() + QStringLiteral(": ") +
            it.value();
    }
    run.history().finishRun(summary.runId, summary.totals(), status, message);
    m_database.exec(QStringLiteral("UPDATE instances SET last_sync_at = ? WHERE id = ?"),
                    {QDateTime::currentMSecsSinceEpoch(), run.request().instanceId});
}

// Whether an entity starts in a direction: its options and required variables (blocker), its permission, and for
// a push its variables' ids still valid in ConnectWise. One that cannot start is blocked with the reason.
// *optionsOff: it did not start because its sync options are off (not a failure by itself; see failUnstarted).
bool SyncEngine::mayStart(SyncRun& run, const SyncDescriptor& d, Direction direction, bool* optionsOff)
{
    const bool push = direction == Direction::Push;
    SyncFix fix;
    const QString why = blocker(d, run.settings(), push, &fix);
    if (!why.isEmpty()) {
        const bool off = !isEnabled(d, run.settings(), direction);
        if (optionsOff) {
            *optionsOff = off;
        }
        run.block({direction, d.entity}, why, !off, fix);
        return false;
    }
    // A pull's first page is its access check (PullJob blocks the entity on a 403): one round trip less for an
    // incremental pull, which usually ends with that page.
    return !push || (checkAccess(run, d, direction) && checkVariables(run, d));
}

// An entity the request named that started in no direction asked because its options are off fails the run; in a
// whole-connector run it is only listed as not started.
void SyncEngine::failUnstarted(SyncRun& run, const QList<SyncSlot>& optionsOff, const QSet<Entity>& started)
{
    for (const SyncSlot& slot : optionsOff) {
        if (!started.contains(slot.entity) && !run.summary().failedToStart.contains(slot)) {
            run.summary().failedToStart.append(slot);
        }
    }
}

// A push: a cheap GET count first: a missing permission blocks the entity with the reason instead of failing
// every record, and an unreachable server stops the run before anything is written.
bool SyncEngine::checkAccess(SyncRun& run, const SyncDescriptor& d, Direction direction)
{
    const ApiResult r = run.call(ApiRequest::get(d.path + QStringLiteral("/count"))
                                     .addQuery(QStringLiteral("conditions"), QStringLiteral("id < 1")));
    if (r.ok()) {
        return true;
    }
    if (!blockDenied(run, d, direction, r.error)) {
        run.fatal(r.error, direction);
    }
    return false;
}

bool SyncEngine::blockDenied(SyncRun& run, const SyncDescriptor& d, Direction direction, const ApiError& error)
{
    if (error.kind != ApiError::Kind::PermissionDenied) {
        return false;
    }
    run.block(
        {direction, d.entity},
        tr("missing permission: the API member's security role needs %1 (%2)").arg(d.permission(), error.message()),
        true);
    return true;
}

// A stored variable id that no longer exists in ConnectWise (or is inactive) blocks the entity, with the fix.
bool SyncEngine::checkVariables(SyncRun& run, const SyncDescriptor& d)
{
    static const QHash<QString, QString> paths {
        {QLatin1String(RemoteResolver::companyStatus), QStringLiteral("company/companies/statuses")},
        {QLatin1String(RemoteResolver::productCategory), QStringLiteral("procurement/categories")},
        {QLatin1String(RemoteResolver::productSubcategory), QStringLiteral("procurement/subcategories")},
        {QLatin1String(RemoteResolver::unitOfMeasure), QStringLiteral("procurement/unitOfMeasures")},
        {QLatin1String(RemoteResolver::member), QStringLiteral("system/members")},
    };
    for (const QString& key : d.variables) {
        const QString id = run.settings().variable(key);
        const QString path = paths.value(ConfigNames::resolverKindForVariable(key));
        if (id.isEmpty() || path.isEmpty()) {
            continue;
        }
        const ApiResult r = run.call(ApiRequest::get(path + QLatin1Char('/') + id));
        const bool gone = r.error.kind == ApiError::Kind::NotFound;
        if (!r.ok() && !gone) {
            run.fatal(r.error, Direction::Push);
            return false;
        }
        if (gone || r.object().value(QStringLiteral("inactiveFlag")).toBool()) {
            run.block({Direction::Push, d.entity},
                      tr("stale variable: %1 is set to id %2, which %3 in ConnectWise")
                          .arg(key, id, gone ? tr("no longer exists") : tr("is inactive")),
                      true, SyncFix::pickVariable(key));
            return false;
        }
    }
    return true;
}

} // namespace Cw
