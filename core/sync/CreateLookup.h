#pragma once

#include "core/connectwise/ApiError.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncLinkStore.h"

#include <QHash>

namespace Cw {

class SyncRun;

// Finds the ConnectWise record that an earlier create of a push made, when its answer was lost or the process died
// before the link got its id: by the descriptor's key (case-insensitive, as ConnectWise compares it), or, for
// records without a key of their own (payments), the same amount on the same date. A record already linked to
// another local record is never taken.
class CreateLookup final
{
public:
    CreateLookup(SyncRun& run, const SyncDescriptor& descriptor);

    // The id of that record, 0 when there is none; *error set when ConnectWise could not be asked.
    qint64 find(const PushBody& built, const QHash<QString, SyncLink>& links, ApiError* error) const;

private:
    SyncRun& m_run;
    const SyncDescriptor& m_descriptor;
};

} // namespace Cw
