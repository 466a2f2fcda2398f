#pragma once

#include "core/sync/ConflictResolver.h"
#include "core/sync/PulledPage.h"
#include "core/sync/SyncLinkStore.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace Cw {

class SyncRun;

// What a push learns about a linked record changed locally since its base.
struct PushConflictCheck
{
    bool checked = false; // compared with ConnectWise's record now (false: push as before)
    bool remoteChanged = false; // ConnectWise's lastUpdated is not older than the base's
    ConflictMerge merge;
    QJsonObject body; // checked: the body to send (the fields the local side may write)

    // Whether the push settles the record (no conflict left that the pull or the admin must settle): the link
    // then takes the new base; otherwise it keeps its base.
    bool settled() const { return !checked || (merge.conflicts.isEmpty() && !merge.remoteWins); }
};

// What a pull does with a pulled record merged into a local record changed since its base.
struct PulledMerge
{
    std::optional<SyncLocalWriter::Row> row; // the local record's new values, when they changed
    std::optional<SyncLink> link; // the link with its new base, when the record is settled
};

// Finds records changed on both sides since their last sync, for PushJob and PullJob (one per job). The base is on
// the record's link (SyncLink::base, baseUpdated); a link without one (made before schema 6) is never checked.
// A push first reads ConnectWise's records of the linked records changed locally, in batches (id in (...), the
// pull's fields), never one request per record; a pull checks the records of its pages.
// ConnectWise's lastUpdated has a resolution of a second: a record updated in the second of the base's is taken as
// possibly changed, and compared per field.
class ConflictDetector final
{
public:
    ConflictDetector(SyncRun& run, const SyncDescriptor& descriptor);

    // The entities with fields that sync both ways (a pull mapping and updatable fields), lines excepted.
    static bool applies(const SyncDescriptor& descriptor);
    // ConnectWise's _info/lastUpdated in a record (an answer to a POST or PATCH); invalid when absent.
    static QDateTime lastUpdatedOf(const QJsonObject& record);

    // The reason on a conflict's outcome: each field with both values (translated).
    static QString describe(const QList<FieldConflict>& conflicts);

    bool changedSinceBase(const QVariantHash& local, const SyncLink& link) const;
    // Push: reads ConnectWise's records of the linked records changed since their base (when updates are pushed).
    // False when an error ended the run; records whose batch failed otherwise are reported by checkPush.
    bool prefetch(const QList<LocalRecord>& records, const QHash<QString, SyncLink>& links);
    // Push of a linked record: what may be sent (built: the body of the whole local record). Sets the outcome's
    // conflicts and reason; false (the outcome failed) when ConnectWise's record could not be read or compared.
    bool checkPush(const LocalRecord& record, const SyncLink& link, const QJsonObject& built, PushConflictCheck* check,
                   SyncOutcome* outcome) const;
    // After a push that settled the record: its new base is the local values pushed, at the lastUpdated of
    // ConnectWise's answer (answer: the POST or PATCH answer, empty when nothing was sent). When ConnectWise had
    // changed the record too, the base keeps its older lastUpdated: its changes are still to be pulled.
    void pushed(SyncLink* link, const LocalRecord& record, const PushConflictCheck& check,
                const QJsonObject& answer) const;
    // Pull: the merge of a pulled record into a local record changed since its base; nullopt when it did not change
    // (or has no base): the pull writes ConnectWise's values as before.
    std::optional<ConflictMerge> checkPull(const QVariantHash& local, const SyncLink& link,
                                           const PulledRecord& pulled) const;
    // Pull of a linked record changed locally since its base: merged per field, *outcome set (a conflict the push
    // half of the run reported is not reported again). False: it did not change, the pull writes it as before.
    bool mergePulled(const QVariantHash& local, const SyncLink& base, const PulledRecord& pulled, SyncOutcome* outcome,
                     PulledMerge* merge) const;
    // The link's base as local values.
    QVariantHash baseOf(const SyncLink& link) const;

private:
    ConflictInput inputFor(const QVariantHash& local, const SyncLink& link) const;

    SyncRun& m_run;
    const SyncDescriptor& m_descriptor;
    const LocalEntity& m_entity;
    ConflictResolver m_resolver;
    QHash<qint64, PulledRecord> m_remote; // push: ConnectWise's records read, by id
    QHash<qint64, QString> m_unread; // push: ids whose batch failed, and why
};

} // namespace Cw
