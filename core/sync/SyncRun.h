#pragma once

#include "core/connectwise/ClientThread.h"
#include "core/store/WalCheckpointer.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncHistory.h"
#include "core/sync/SyncLinkStore.h"
#include "core/sync/SyncLocalWriter.h"

#include <memory>

namespace Cw {

// The state of one SyncEngine::run(), shared by the push and pull halves (internal).
struct SyncEngine::Run
{
    Run(Database& database, const SyncRequest& r)
        : request(r), links(database, r.instanceId), history(database), writer(database)
    { }

    SyncRequest request;
    SyncSettings settings;
    SyncLinkStore links;
    SyncHistory history;
    SyncLocalWriter writer; // pulled pages: keeps its statement from page to page
    SyncSummary summary;
    SyncInputs inputs;
    QList<SyncOutcome> pending; // outcomes not yet written to the history
    QHash<Entity, QHash<QString, SyncLink>> linkCache; // links, for linkedRemoteId
    std::unique_ptr<ClientThread> network; // pulls page through it (made by the first pull)
    std::unique_ptr<WalCheckpointer> checkpointer; // SQLite: the pages' checkpoints off this thread (idem)
    Direction direction = Direction::Push; // of the entity being synced
    bool stop = false; // a fatal error: no further entity starts
};

} // namespace Cw
