#pragma once

#include "core/connectwise/PageQuery.h"
#include "core/connectwise/Pager.h"
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
    // The pull's query from where it stands (since-mark, resume point).
    PageQuery query() const;
    // Pages from the resume point to the end, each given to store; *total: the pages' count once known (plus
    // `processed`, the records stored before).
    PagerResult fetch(const Pager::RawPrepare& prepare, const std::function<bool(const Page&)>& store, int* total,
                      int processed);
    // Writes one page (one transaction); false stops the pull.
    bool storePage(const Page& page);

    PullState m_state; // where the pull stands: saved with every page
    std::unique_ptr<ConflictDetector> m_conflicts; // null for entities without fields synced both ways
};

} // namespace Cw
