#include "core/sync/SyncRun.h"

#include "core/connectwise/ApiClient.h"
#include "core/store/Database.h"
#include "core/sync/SyncLog.h"

#include <QEventLoop>

namespace Cw {

SyncRun::SyncRun(Database& database, ApiClient* client, const SyncRequest& request, const std::atomic_bool& cancelled,
                 int pageSize)
    : m_database(database)
    , m_client(client)
    , m_request(request)
    , m_cancelled(cancelled)
    , m_pageSize(pageSize)
    , m_links(database, request.instanceId)
    , m_history(database)
    , m_writer(database)
{
    m_summary.dryRun = request.dryRun;
    m_inputs.settings = &m_settings;
    m_inputs.linkedRemoteId = [this](Entity entity, const QString& localId) -> qint64 {
        if (!m_linkCache.contains(entity)) {
            m_linkCache.insert(entity, m_links.links(entity));
        }
        const qint64 linked = m_linkCache.value(entity).value(localId).remoteId;
        return linked <= 0 && m_planned.value(entity).contains(localId) ? kPlannedRemoteId : linked;
    };
}

SyncRun::~SyncRun() = default;

bool SyncRun::loadSettings()
{
    StoreError error;
    const auto settings = SyncSettings::load(m_database, m_request.instanceId, &error);
    if (!settings) {
        m_summary.fatalError = error.message;
        return false;
    }
    m_settings = *settings;
    return true;
}

ApiResult SyncRun::call(const ApiRequest& request)
{
    ApiResult result;
    QEventLoop loop;
    ApiCall* c = send(request);
    connect(c, &ApiCall::finished, &loop, [&](const ApiResult& r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

ApiCall* SyncRun::send(const ApiRequest& request)
{
    ApiCall* c = m_client->send(request);
    connect(this, &SyncRun::cancelRequested, c, &ApiCall::cancel);
    return c;
}

ClientThread& SyncRun::networkThread()
{
    if (!m_network) {
        m_network = std::make_unique<ClientThread>(*m_client);
    }
    return *m_network;
}

void SyncRun::startCheckpointer()
{
    if (!m_checkpointer && !dryRun()) {
        m_checkpointer = std::make_unique<WalCheckpointer>(m_database);
    }
}

void SyncRun::record(const SyncOutcome& outcome)
{
    m_summary.counts(outcome.direction)[outcome.entity].add(outcome.action);
    if (outcome.action == SyncOutcome::Action::Conflict) {
        m_conflicted.insert(qMakePair(outcome.entity, outcome.localId));
    }
    if (dryRun() && outcome.direction == Direction::Push && outcome.action == SyncOutcome::Action::Created) {
        m_planned[outcome.entity].insert(outcome.localId);
    }
    const bool keep = dryRun() || outcome.action == SyncOutcome::Action::Skipped ||
        outcome.action == SyncOutcome::Action::Failed || outcome.action == SyncOutcome::Action::Conflict;
    if (keep) {
        m_summary.outcomes.append(outcome);
    }
    if (!dryRun() && outcome.action != SyncOutcome::Action::Unchanged) {
        m_pending.append(outcome);
    }
}

bool SyncRun::flushOutcomes()
{
    if (dryRun() || m_pending.isEmpty()) {
        m_pending.clear();
        return true;
    }
    StoreError error;
    const bool ok = m_history.addOutcomes(m_summary.runId, m_pending, &error);
    if (!ok) {
        qCWarning(lcSync) << "cannot write sync outcomes:" << error.message;
    }
    m_pending.clear();
    return ok;
}

void SyncRun::reportProcessed(Direction direction, Entity entity, int processed, int total)
{
    emit progress(direction, entity, processed, total);
}

void SyncRun::reportCounts(Direction direction, Entity entity, int processed, int total)
{
    emit countsChanged(direction, entity, m_summary.counts(direction).value(entity));
    emit progress(direction, entity, processed, total);
}

void SyncRun::block(const SyncSlot& slot, const QString& why, bool failure, const SyncFix& fix)
{
    m_summary.blocked.insert(slot, why);
    if (fix.isValid()) {
        m_summary.fixes.insert(slot, fix);
    }
    if (failure && !m_summary.failedToStart.contains(slot)) {
        m_summary.failedToStart.append(slot);
    }
}

void SyncRun::fail(const QString& message)
{
    m_summary.fatalError = message;
    m_stop = true;
}

bool SyncRun::fatal(const ApiError& error, Direction direction)
{
    using K = ApiError::Kind;
    const bool unreachable = error.kind == K::HostNotFound || error.kind == K::ConnectionRefused ||
        error.kind == K::Unreachable || error.kind == K::Tls || error.kind == K::Proxy;
    const bool stops = unreachable || error.kind == K::KeysRejected || error.kind == K::ClientIdRejected ||
        error.kind == K::UnknownCompany || error.kind == K::Configuration;
    if (!stops && direction == Direction::Push) {
        return false;
    }
    m_summary.fatalError = error.message() + QLatin1Char(' ') + error.fix();
    m_summary.unreachable = m_summary.unreachable || unreachable;
    m_stop = stops;
    return true;
}

} // namespace Cw
