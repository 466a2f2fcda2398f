#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/ApiRequest.h"
#include "core/connectwise/ApiResult.h"
#include "core/localdata/CsvEntityParser.h"
#include "core/sync/ConflictDetector.h"
#include "core/sync/CreateLookup.h"
#include "core/sync/SyncJob.h"
#include "core/sync/SyncLinkStore.h"
#include "core/sync/SyncTypes.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

namespace Cw {

class LinePush;

// Local records -> ConnectWise for one entity: reads the local records, builds each body through the descriptor,
// creates (POST, its link written first) or patches (the changed, updatable fields only), and reconciles a create
// whose answer was lost by looking the record up by its key before creating it again. An entity with lines
// (invoices, orders) pushes each record's lines right after it (LinePush), which may add notes to its outcome.
class PushJob final : public SyncJob
{

public:
    // lines: the descriptor of the records' lines, or null (none, or they cannot start in this run).
    PushJob(SyncRun& run, const SyncDescriptor& descriptor, const SyncDescriptor* lines = nullptr);
    ~PushJob() override;

    Direction direction() const override { return Direction::Push; }
    Entity entity() const { return m_descriptor.entity; }
    void run() override;

    // Reads the entity's links (run() does it first; LinePush before pushing lines one by one).
    bool loadLinks();
    const QHash<QString, SyncLink>& links() const { return m_links; }
    // What the descriptor reads besides the record (default: the run's inputs). LinePush sets the parent's id.
    void setInputs(const SyncInputs& inputs) { m_inputs = inputs; }
    // One record: its outcome. False when it failed.
    bool pushRecord(const LocalRecord& record, SyncOutcome* outcome);
    // Deletes the ConnectWise record of a link whose local record no longer exists, then the link (a pending
    // create is looked up by its key first). False when it failed.
    bool removeRemote(const SyncLink& link, SyncOutcome* outcome);
    // The reason on the outcome of such a deletion.
    static QString deletedReason(Entity entity, const QString& localId);

    // A record's push that needs one request (a POST, or a PATCH of the changed fields): what complete() needs.
    struct PushSend
    {
        ApiRequest request; // empty path: nothing to send
        PushBody built;
        QString hash;
        SyncLink link;
        bool create = false;
        LocalRecord record; // a PATCH: the record, for the conflicts' new base
        PushConflictCheck conflict; // a PATCH: what the conflict check let through
    };
    enum class Step {
        Done, // the outcome is decided (nothing to send, or it was decided without a request of its own)
        Failed, // the outcome says why
        Send, // send->request goes out, then complete() decides the outcome with its result
    };
    // pushRecord() in two halves, for pushes that run side by side (PushScheduler): prepare() does everything up
    // to the request (the checks, a look-up of a create that may have happened, the link row before a POST);
    // complete() takes the result and writes the link. complete() returns false when the record failed.
    Step prepare(const LocalRecord& record, SyncOutcome* outcome, PushSend* send);
    bool complete(PushSend& send, const ApiResult& result, SyncOutcome* outcome);

private:
    // Whether the record may be sent as built; otherwise *outcome says why not (today: the descriptor's skip
    // reason). Checks that need the record and its body (e.g. a change on both sides) belong here.
    bool admit(const LocalRecord& record, const PushBody& built, SyncOutcome* outcome) const;
    bool beginCreate(PushSend* send, SyncOutcome* outcome); // the pending link row, then the POST to send
    bool completeCreate(PushSend& send, const ApiResult& first, SyncOutcome* outcome);
    bool completePatch(PushSend& send, const ApiResult& result, SyncOutcome* outcome);

    QHash<QString, SyncLink> m_links; // the entity's links by local id
    ConflictDetector m_conflicts; // inactive for entities without fields synced both ways
    CreateLookup m_lookup;
    SyncInputs m_inputs;
    const SyncDescriptor* m_lines;
};

} // namespace Cw
