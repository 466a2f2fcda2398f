#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/ApiResult.h"
#include "core/connectwise/ClientThread.h"
#include "core/store/WalCheckpointer.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncHistory.h"
#include "core/sync/SyncLinkStore.h"
#include "core/sync/SyncLocalWriter.h"
#include "core/sync/SyncSettings.h"
#include "core/sync/SyncTypes.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <QSet>

#include <atomic>
#include <limits>
#include <memory>

namespace Cw {

class ApiCall;
class ApiClient;
class Database;
struct ApiRequest;

// The state one SyncEngine::run() shares between its jobs (PushJob, PullJob): the request, the connector's
// settings, the links, the history and the summary, the outcomes not yet written, cancellation, and the
// requests to ConnectWise. Lives in the engine's thread for the length of one run.
class SyncRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncRun)

public:
    // cancelled: the engine's flag (set from any thread); page size: pulls.
    SyncRun(Database& database, ApiClient* client, const SyncRequest& request, const std::atomic_bool& cancelled,
            int pageSize);
    // In a dry run a record that would be created has no ConnectWise id yet: what refers to it (an invoice to its
    // account, a line to its invoice and product) is previewed against this one, as the real run would link it.
    static constexpr qint64 kPlannedRemoteId = std::numeric_limits<qint32>::max();
    ~SyncRun() override;

    // Loads the connector's settings; false (with the summary's fatal error) when they cannot be read.
    bool loadSettings();

    Database& database() { return m_database; }
    ApiClient* client() { return m_client; }
    const SyncRequest& request() const { return m_request; }
    bool dryRun() const { return m_request.dryRun; }
    int pageSize() const { return m_pageSize; }
    const SyncSettings& settings() const { return m_settings; }
    // What descriptors read: the settings, and the ConnectWise id linked to another local record (in a dry run,
    // kPlannedRemoteId for a record this run would create).
    const SyncInputs& inputs() const { return m_inputs; }
    SyncLinkStore& links() { return m_links; }
    SyncHistory& history() { return m_history; }
    SyncLocalWriter& writer() { return m_writer; }
    SyncSummary& summary() { return m_summary; }

    // One request, blocking (the event loop turns); cancel() aborts it.
    ApiResult call(const ApiRequest& request);
    // One request, not waited for (connect to its finished() with a context); cancel() aborts it too.
    ApiCall* send(const ApiRequest& request);
    // The pulls' network thread and (not in a dry run) checkpointer, made by the first pull that pages through them.
    ClientThread& networkThread();
    void startCheckpointer();
    WalCheckpointer* checkpointer() const { return m_checkpointer.get(); } // null until started

    // Counts an outcome; keeps it for the summary (skipped and failed; every one in a dry run) and for the history.
    void record(const SyncOutcome& outcome);
    // Whether the record was reported as a conflict earlier in this run (the pull does not report a push's again).
    bool conflictReported(Entity entity, const QString& localId) const
    {
        return m_conflicted.contains(qMakePair(entity, localId));
    }
    // Writes the outcomes recorded since the last flush into the history (joins the caller's transaction).
    bool flushOutcomes();
    // Tells progress: the records processed so far (total -1 while unknown; processed 0 when the entity starts).
    void reportProcessed(Direction direction, Entity entity, int processed, int total);
    // The same, after the entity's counts so far.
    void reportCounts(Direction direction, Entity entity, int processed, int total);
    // The entity does not start in that direction, and why; failure: that fails the run (SyncSummary::failedToStart).
    void block(const SyncSlot& slot, const QString& why, bool failure, const SyncFix& fix = {});
    // An error that ends the run (the database): no further entity starts.
    void fail(const QString& message);
    // Whether an API error ends the run (unreachable, keys, company, configuration) or, in a pull, the entity; it
    // is then the summary's fatal error. A push goes on with the next record after any other error.
    bool fatal(const ApiError& error, Direction direction);
    bool isCancelled() const { return m_cancelled.load(); }
    // A fatal error or a cancel: nothing more starts.
    bool shouldStop() const { return m_stop || isCancelled(); }
    // The links cached for SyncInputs::linkedRemoteId are read again the next time (the entity was synced).
    void forgetLinks(Entity entity) { m_linkCache.remove(entity); }

signals:
    void progress(Cw::Direction direction, Cw::Entity entity, int processed, int total);
    void countsChanged(Cw::Direction direction, Cw::Entity entity, const Cw::SyncCounts& counts);
    void cancelRequested(); // the request in flight (and a pull's pager) stop

private:
    Database& m_database;
    ApiClient* m_client;
    SyncRequest m_request;
    const std::atomic_bool& m_cancelled;
    int m_pageSize;
    SyncSettings m_settings;
    SyncInputs m_inputs;
    SyncLinkStore m_links;
    SyncHistory m_history;
    SyncLocalWriter m_writer; // pulled pages: keeps its statement from page to page
    SyncSummary m_summary;
    QList<SyncOutcome> m_pending; // outcomes not yet written to the history
    QSet<QPair<Entity, QString>> m_conflicted; // the records reported as conflicts
    QHash<Entity, QHash<QString, SyncLink>> m_linkCache; // for linkedRemoteId
    QHash<Entity, QSet<QString>> m_planned; // a dry run's pushes that would create the record
    std::unique_ptr<ClientThread> m_network;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    bool m_stop = false;
};

} // namespace Cw
