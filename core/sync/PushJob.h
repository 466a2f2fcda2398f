#pragma once

#include "core/connectwise/ApiError.h"
#include "core/localdata/CsvEntityParser.h"
#include "core/sync/SyncJob.h"
#include "core/sync/SyncLinkStore.h"
#include "core/sync/SyncTypes.h"

#include <QCoreApplication>
#include <QHash>

namespace Cw {

// Local records -> ConnectWise for one entity: reads the local records, builds each body through the descriptor,
// creates (POST, its link written first) or patches (the changed, updatable fields only), and reconciles a create
// whose answer was lost by looking the record up by its key before creating it again.
class PushJob final : public SyncJob
{

public:
    using SyncJob::SyncJob;

    Direction direction() const override { return Direction::Push; }
    void run() override;

private:
    // One record: its outcome. False when it failed.
    bool pushRecord(const LocalRecord& record, SyncOutcome* outcome);
    // Whether the record may be sent as built; otherwise *outcome says why not (today: the descriptor's skip
    // reason). Checks that need the record and its body (e.g. a change on both sides) belong here.
    bool admit(const LocalRecord& record, const PushBody& built, SyncOutcome* outcome) const;
    bool create(const PushBody& built, const QString& hash, SyncLink link, SyncOutcome* outcome);
    // The ConnectWise record an earlier create made (by the descriptor's key, or for payments the same amount and
    // date), not linked to another local record; 0 when there is none.
    qint64 findExisting(const PushBody& built, ApiError* error);

    QHash<QString, SyncLink> m_links; // the entity's links by local id
};

} // namespace Cw
