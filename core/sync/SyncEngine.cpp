#include "core/sync/SyncEngine.h"

#include "core/config/ConfigNames.h"
#include "core/config/RemoteResolver.h"
#include "core/connectwise/ApiClient.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"

#include <QEventLoop>

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

QString SyncEngine::blocker(const SyncDescriptor& d, const SyncSettings& settings, bool push)
{
    const Direction direction = push ? Direction::Push : Direction::Pull;
    const Operation create = createIn(direction);
    const Operation update = updateIn(direction);
    const bool canCreate = d.supports(create) && settings.isEnabled(d.entity, create);
    const bool canUpdate = d.supports(update) && settings.isEnabled(d.entity, update);
    if (!canCreate && !canUpdate) {
        return tr("sync option off: neither %1.%2 nor %1.%3 is on; turn one on with: options NAME --set %1.%2=on")
            .arg(nameOf(d.entity), nameOf(create), nameOf(update));
    }
    if (push) {
        for (const QString& key : d.requiredVariables) {
            if (settings.variable(key).isEmpty()) {
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
    Run run(m_database, request);
    run.summary.dryRun = request.dryRun;
    StoreError error;
    const auto settings = SyncSettings::load(m_database, request.instanceId, &error);
    if (!settings) {
        run.summary.fatalError = error.message;
        return run.summary;
    }
    run.settings = *settings;
    run.inputs.settings = &run.settings;
    run.inputs.linkedRemoteId = [&run](Entity entity, const QString& localId) -> qint64 {
        if (!run.linkCache.contains(entity)) {
            run.linkCache.insert(entity, run.links.links(entity));
        }
        return run.linkCache.value(entity).value(localId).remoteId;
    };
    const QList<Entity> entities = request.entities.isEmpty() ? SyncDescriptors::entities() : request.entities;
    if (!request.dryRun) {
        run.history.markInterrupted(request.instanceId);
        SyncRunRecord record;
        record.instanceId = request.instanceId;
        record.startedAt = QDateTime::currentDateTimeUtc();
        record.direction = request.direction();
        record.entities = entities;
        const auto id = run.history.startRun(record, &error);
        if (!id) {
            run.summary.fatalError = error.message;
            return run.summary;
        }
        run.summary.runId = *id;
    }
    // Push first (dependency order), then pull: local changes reach ConnectWise before ConnectWise's come back.
    for (int pass = 0; pass < 2; ++pass) {
        const bool pushing = pass == 0;
        if ((pushing && !request.push) || (!pushing && !request.pull)) {
            continue;
        }
        run.direction = pushing ? Direction::Push : Direction::Pull;
        for (const SyncDescriptor& d : SyncDescriptors::all()) {
            if (!entities.contains(d.entity) || run.stop || m_cancelled) {
                continue;
            }
            if (!d.syncs(run.direction)) {
                continue; // e.g. payments are never pulled
            }
            const QString why = blocker(d, run.settings, pushing);
            if (!why.isEmpty()) {
                run.summary.blocked.insert({run.direction, d.entity}, why);
                continue;
            }
            if (!checkAccess(run, d, run.direction) || (pushing && !checkVariables(run, d))) {
                continue;
            }
            if (pushing) {
                push(run, d);
            } else {
                pull(run, d);
            }
            flushOutcomes(run);
            run.linkCache.remove(d.entity);
        }
    }
    if (m_cancelled && run.summary.fatalError.isEmpty()) {
        run.summary.fatalError = tr("The sync was cancelled.");
    }
    if (!request.dryRun) {
        flushOutcomes(run);
        QString status = run.summary.ok() ? QStringLiteral("succeeded") : QStringLiteral("failed");
        QString message = run.summary.fatalError;
        for (auto it = run.summary.blocked.cbegin(); it != run.summary.blocked.cend(); ++it) {
            message += (message.isEmpty() ? QString() : QStringLiteral("; ")) + it.key().label() +
                QStringLiteral(": ") + it.value();
        }
        run.history.finishRun(run.summary.runId, run.summary.totals(), status, message);
        m_database.exec(QStringLiteral("UPDATE instances SET last_sync_at = ? WHERE id = ?"),
                        {QDateTime::currentMSecsSinceEpoch(), request.instanceId});
    }
    return run.summary;
}

ApiResult SyncEngine::call(const ApiRequest& request)
{
    ApiResult result;
    QEventLoop loop;
    ApiCall* c = m_client->send(request);
    connect(c, &ApiCall::finished, &loop, [&](const ApiResult& r) {
        result = r;
        loop.quit();
    });
    connect(this, &SyncEngine::cancelRequested, c, &ApiCall::cancel);
    loop.exec();
    return result;
}

// A cheap GET count first: a missing permission blocks the entity with the reason instead of failing
// every record, and an unreachable server stops the run before anything is written.
bool SyncEngine::checkAccess(Run& run, const SyncDescriptor& d, Direction direction)
{
    const ApiResult r = call(ApiRequest::get(d.path + QStringLiteral("/count"))
                                 .addQuery(QStringLiteral("conditions"), QStringLiteral("id < 1")));
    if (r.ok()) {
        return true;
    }
    if (r.error.kind == ApiError::Kind::PermissionDenied) {
        run.summary.blocked.insert({direction, d.entity},
                                   tr("missing permission: the API member's security role needs %1 (%2)")
                                       .arg(d.permission(), r.error.message()));
        return false;
    }
    fatal(run, r.error);
    return false;
}

// A stored variable id that no longer exists in ConnectWise (or is inactive) blocks the entity, with the fix.
bool SyncEngine::checkVariables(Run& run, const SyncDescriptor& d)
{
    static const QHash<QString, QString> paths {
        {QLatin1String(RemoteResolver::companyStatus), QStringLiteral("company/companies/statuses")},
        {QLatin1String(RemoteResolver::productCategory), QStringLiteral("procurement/categories")},
        {QLatin1String(RemoteResolver::productSubcategory), QStringLiteral("procurement/subcategories")},
        {QLatin1String(RemoteResolver::unitOfMeasure), QStringLiteral("procurement/unitOfMeasures")},
        {QLatin1String(RemoteResolver::member), QStringLiteral("system/members")},
    };
    for (const QString& key : d.variables) {
        const QString id = run.settings.variable(key);
        const QString path = paths.value(ConfigNames::resolverKindForVariable(key));
        if (id.isEmpty() || path.isEmpty()) {
            continue;
        }
        const ApiResult r = call(ApiRequest::get(path + QLatin1Char('/') + id));
        const bool gone = r.error.kind == ApiError::Kind::NotFound;
        if (!r.ok() && !gone) {
            fatal(run, r.error);
            return false;
        }
        if (gone || r.object().value(QStringLiteral("inactiveFlag")).toBool()) {
            run.summary.blocked.insert(
                {run.direction, d.entity},
                tr("stale variable: %1 is set to id %2, which %3 in ConnectWise; pick it again with: variables NAME "
                   "--set %1=ID")
                    .arg(key, id, gone ? tr("no longer exists") : tr("is inactive")));
            return false;
        }
    }
    return true;
}

bool SyncEngine::fatal(Run& run, const ApiError& error)
{
    using K = ApiError::Kind;
    const bool unreachable = error.kind == K::HostNotFound || error.kind == K::ConnectionRefused ||
        error.kind == K::Unreachable || error.kind == K::Tls || error.kind == K::Proxy;
    const bool stops = unreachable || error.kind == K::KeysRejected || error.kind == K::ClientIdRejected ||
        error.kind == K::UnknownCompany || error.kind == K::Configuration;
    if (!stops && run.direction == Direction::Push) {
        return false;
    }
    run.summary.fatalError = error.message() + QLatin1Char(' ') + error.fix();
    run.summary.unreachable = run.summary.unreachable || unreachable;
    run.stop = stops;
    return true;
}

void SyncEngine::record(Run& run, const SyncOutcome& outcome)
{
    run.summary.counts(outcome.direction)[outcome.entity].add(outcome.action);
    const bool keep = run.request.dryRun || outcome.action == SyncOutcome::Action::Skipped ||
        outcome.action == SyncOutcome::Action::Failed;
    if (keep) {
        run.summary.outcomes.append(outcome);
    }
    if (!run.request.dryRun && outcome.action != SyncOutcome::Action::Unchanged) {
        run.pending.append(outcome);
    }
}

bool SyncEngine::flushOutcomes(Run& run)
{
    if (run.request.dryRun || run.pending.isEmpty()) {
        run.pending.clear();
        return true;
    }
    StoreError error;
    const bool ok = run.history.addOutcomes(run.summary.runId, run.pending, &error);
    if (!ok) {
        qCWarning(lcSync) << "cannot write sync outcomes:" << error.message;
    }
    run.pending.clear();
    return ok;
}

} // namespace Cw
