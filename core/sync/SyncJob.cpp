#include "core/sync/SyncJob.h"

#include "core/sync/PullJob.h"
#include "core/sync/PushJob.h"

namespace Cw {

std::unique_ptr<SyncJob> SyncJob::make(Direction direction, SyncRun& run, const SyncDescriptor& descriptor,
                                       const SyncDescriptor* lines)
{
    if (direction == Direction::Push) {
        return std::make_unique<PushJob>(run, descriptor, lines);
    }
    return std::make_unique<PullJob>(run, descriptor);
}

} // namespace Cw
