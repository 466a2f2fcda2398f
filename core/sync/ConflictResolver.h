#pragma once

#include "core/domain/ConflictPolicy.h"
#include "core/localdata/LocalSchema.h"
#include "core/sync/PulledFields.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncTypes.h"

#include <QVariantHash>

namespace Cw {

// The three versions of one record a conflict check compares, as local column values: the base both sides agreed
// on at the last sync, the local record now, and ConnectWise's record now (mapped by the descriptor's pull).
struct ConflictInput
{
    QVariantHash base;
    QVariantHash local;
    PulledFields remote;
    bool remoteChanged = true; // ConnectWise's lastUpdated is not older than the base's
    KeepSide keep = KeepSide::None; // the admin's pick for this record
    ConflictPolicy policy = ConflictPolicy::Report;
};

// The per-field merge of a record changed on both sides.
struct ConflictMerge
{
    QVariantHash local; // what the local record becomes: ConnectWise-only changes (and conflicts ConnectWise wins)
    QVariantHash push; // what is pushed: the local record, with the conflicting fields it does not win set to the base
    QVariantHash base; // the new base once every conflict is settled: the base with ConnectWise's values over it
    QList<FieldConflict> conflicts; // not settled (policy report and no pick): written on neither side
    bool remoteWins = false; // a conflict was settled for ConnectWise: the local record takes its value on a pull
    bool remoteChanged = true; // as ConflictInput: false leaves the local record and the base as they are
};

// Merges per field, over the columns the pull maps (only they can be compared with ConnectWise): a field changed
// on one side takes that side's value; a field changed on both sides to different values is a conflict, settled by
// the record's kept side, else the policy. A column the push never sends (e.g. an invoice's balance) is not a
// conflict: ConnectWise's value is taken, as a pull always did.
class ConflictResolver final
{
public:
    ConflictResolver(const SyncDescriptor& descriptor, const SyncInputs& inputs);

    ConflictMerge merge(const ConflictInput& input) const;
    // Whether changing the column from the base changes what a push sends (an updatable field).
    bool pushes(const QVariantHash& base, const QString& column, const QVariant& value) const;

private:
    const SyncDescriptor& m_descriptor;
    const LocalEntity& m_entity;
    SyncInputs m_inputs;
};

} // namespace Cw
