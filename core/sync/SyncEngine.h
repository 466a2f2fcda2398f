#pragma once

#include "core/connectwise/ApiResult.h"
#include "core/localdata/CsvEntityParser.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncLease.h"
#include "core/sync/SyncLinkStore.h"
#include "core/sync/SyncSettings.h"
#include "core/sync/SyncTypes.h"

#include <QCoreApplication>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>

namespace Cw {

class ApiClient;
class Database;
class SyncRun;

// Runs manual syncs of one connector: push (local -> ConnectWise) and pull (ConnectWise -> local) for the
// entities asked, each through its SyncDescriptor, with the connector's configuration applied. The engine
// orchestrates (the history row, blockers, access and variable checks, the order of entities); a PushJob or
// PullJob (SyncJob::make) syncs one entity in one direction over the run's shared state (SyncRun).
//
// - Links (sync_links) make reruns idempotent; a create writes its link row before the POST, so a create
//   whose answer was lost (or a process killed meanwhile) is looked up by its key before creating again.
// - Updates are PATCHes of the changed, updatable fields only; unchanged records cost no request.
// - Pulls are forward-only at pageSize 1000, incremental by lastUpdated (a high-water mark per entity,
//   ignored with SyncRequest::full); each page is committed with its links, outcomes and the resume point.
// - Dry runs compute every outcome and write nothing.
// - One sync of a connector at a time: a run that writes holds the connector's SyncLease from before its first
//   write to its end; a second one is refused at once (SyncSummary::busy, and the fatal error names the holder).
//   Dry runs need no lease.
// - An entity that cannot start is listed in SyncSummary::blocked; it fails the run (failedToStart) unless it was
//   merely not enabled in a whole-connector run.
//
// run() blocks the calling thread but keeps its event loop turning (progress signals are delivered); run it
// in a worker thread in the GUI, with a Database opened there.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    SyncEngine(Database& database, ApiClient* client, QObject* parent = nullptr);
    ~SyncEngine() override;

    void setPageSize(int pageSize) { m_pageSize = pageSize; } // pulls; 1..1000 (tests use small pages)
    // Who the runs' leases say holds them, and their heartbeat (tests); by default this process.
    void setLeaseOptions(const SyncLease::Options& options) { m_leaseOptions = options; }
    SyncSummary run(const SyncRequest& request);
    // Thread-safe: may be called from any thread while run() works in another. The request in flight is
    // aborted, nothing more is written, and run() returns with fatalError "The sync was cancelled.".
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // Whether an entity's sync options let it run in that direction (create or update on).
    static bool isEnabled(const SyncDescriptor& descriptor, const SyncSettings& settings, Direction direction);
    // Why an entity cannot start in a direction with these settings (empty: it can); *fix: what the admin changes.
    static QString blocker(const SyncDescriptor& descriptor, const SyncSettings& settings, bool push,
                           SyncFix* fix = nullptr);
    // The dry-run (or any) outcomes as CSV: direction,entity,local_id,remote_id,action,reason.
    static QByteArray toCsv(const QList<SyncOutcome>& outcomes);
    // A 403 (the security role lacks the entity's permission) blocks the entity in that direction with the
    // permission it needs; true when it did. Any other error: false, nothing done.
    static bool blockDenied(SyncRun& run, const SyncDescriptor& d, Direction direction, const ApiError& error);

signals:
    // processed records of entity in direction (push | pull) so far; total is -1 while unknown (a pull's
    // /count has not answered yet). Emitted with processed 0 when an entity starts.
    void progress(Cw::Direction direction, Cw::Entity entity, int processed, int total);
    // The counts of the entity being synced so far (created, updated, ...), emitted just before progress().
    void countsChanged(Cw::Direction direction, Cw::Entity entity, const Cw::SyncCounts& counts);
    void cancelRequested(); // internal: delivered in the engine's thread to abort the request in flight

private:
    std::unique_ptr<SyncLease> takeLease(SyncRun& run);
    bool startHistory(SyncRun& run, const QList<Entity>& entities);
    void finishHistory(SyncRun& run);
    bool mayStart(SyncRun& run, const SyncDescriptor& d, Direction direction, bool* optionsOff);
    static void failUnstarted(SyncRun& run, const QList<SyncSlot>& optionsOff, const QSet<Entity>& started);
    bool checkAccess(SyncRun& run, const SyncDescriptor& d, Direction direction);
    bool checkVariables(SyncRun& run, const SyncDescriptor& d);

    Database& m_database;
    ApiClient* m_client;
    int m_pageSize = 1000;
    SyncLease::Options m_leaseOptions;
    std::atomic_bool m_cancelled {false};
};

} // namespace Cw
