#pragma once

#include "core/sync/SyncDescriptor.h"

#include <memory>

namespace Cw {

class SyncRun;

// Syncs one entity in one direction over a run's shared state. SyncEngine makes one per entity and direction,
// after the entity's blockers and checks passed, and runs it; the run records its outcomes and progress.
// (The lines of invoices and orders have no job of their own: their parent's PushJob pushes them, see LinePush.)
class SyncJob
{
public:
    SyncJob(SyncRun& run, const SyncDescriptor& descriptor) : m_run(run), m_descriptor(descriptor) { }
    virtual ~SyncJob() = default;
    SyncJob(const SyncJob&) = delete;
    SyncJob& operator=(const SyncJob&) = delete;

    virtual Direction direction() const = 0;
    virtual void run() = 0;

    // The job of a descriptor in a direction (Push or Pull); lines: the records' lines a push takes along (null:
    // none, or they cannot start).
    static std::unique_ptr<SyncJob> make(Direction direction, SyncRun& run, const SyncDescriptor& descriptor,
                                         const SyncDescriptor* lines = nullptr);

protected:
    SyncRun& m_run;
    const SyncDescriptor& m_descriptor;
};

} // namespace Cw
