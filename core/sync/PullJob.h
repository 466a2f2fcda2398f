#pragma once

#include "core/sync/ConflictDetector.h"
#include "core/sync/SyncJob.h"
#include "core/sync/SyncLinkStore.h"

#include <memory>

namespace Cw {

struct Page;

// ConnectWise -> local records for one entity, forward-only at the run's page size, incremental by lastUpdated
// (from the entity's high-water mark, or everything with SyncRequest::full), resumable: the first page over the
// run's own connection, the rest through a pager on the network thread; each page is mapped on the parsing thread
// and committed here with its links, outcomes and resume point.
class PullJob final : public SyncJob
{
public:
    PullJob(SyncRun& run, const SyncDescriptor& descriptor);

    Direction direction() const override { return Direction::Pull; }
    void run() override;

private:
    // Writes one page (one transaction); false stops the pull.
    bool storePage(const Page& page);

    PullState m_state; // where the pull stands: saved with every page
    std::unique_ptr<ConflictDetector> m_conflicts; // null for entities without fields synced both ways
};

} // namespace Cw
