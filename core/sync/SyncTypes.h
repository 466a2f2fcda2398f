#pragma once

#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"
#include "core/sync/SyncFix.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cw {

// What one sync run does: which entities, which directions, whether it writes.
struct SyncRequest
{
    qint64 instanceId = 0;
    QList<Entity> entities; // empty = every synced entity
    bool pull = true;
    bool push = true;
    bool dryRun = false;
    bool full = false; // ignore the incremental high-water mark of pulls

    Direction direction() const; // Both, Push or Pull (as the history records the run)
};

// An entity in one direction: the unit a run starts, blocks and counts ("push accounts").
struct SyncSlot
{
    Direction direction = Direction::Push;
    Entity entity = Entity::Accounts;

    QString label() const; // "push accounts": the stable names, as the history message and the CLI show them
    // By label: the order the history message and the command line have always listed blocked entities in.
    friend bool operator<(const SyncSlot& a, const SyncSlot& b) { return a.label() < b.label(); }
    friend bool operator==(const SyncSlot& a, const SyncSlot& b)
    {
        return a.direction == b.direction && a.entity == b.entity;
    }
};

// One field of a record changed on both sides since its last sync, to different values: the local column and
// its two values as the local system holds them (canonical text, '' for none).
struct FieldConflict
{
    QString field; // the local column
    QString localValue;
    QString remoteValue; // ConnectWise's, mapped to the local column
    friend bool operator==(const FieldConflict& a, const FieldConflict& b)
    {
        return a.field == b.field && a.localValue == b.localValue && a.remoteValue == b.remoteValue;
    }
};

// What happened to one record (or, with an empty localId, to a whole entity that could not start).
struct SyncOutcome
{
    // Conflict: fields changed on both sides were written on neither (the other fields still flowed).
    enum class Action { Created, Updated, Unchanged, Skipped, Failed, Conflict };
    Direction direction = Direction::Push; // Pull or Push
    Entity entity = Entity::Accounts;
    QString localId;
    qint64 remoteId = 0; // 0 when unknown
    Action action = Action::Skipped;
    QString reason; // translated; for skipped and failed records
    QList<FieldConflict> conflicts; // a conflict's fields, with both values

    static QString actionName(Action action); // created | updated | unchanged | skipped | failed | conflict
    static std::optional<Action> parseAction(const QString& name);
};

struct SyncCounts
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int failed = 0;
    int conflict = 0;
    void add(SyncOutcome::Action action);
    void add(const SyncCounts& other);
    int total() const { return created + updated + unchanged + skipped + failed + conflict; }
};

// Who holds a connector's sync lease (a row of sync_leases; core/sync/SyncLease): named when a second sync of
// the connector is refused.
struct SyncHolder
{
    QString holderId; // random, one per lease taken
    QString host; // the host name of the holder's machine
    qint64 processId = 0;
    QString program; // cwconnector | cwconnector-cli
    QDateTime startedAt; // UTC
    QDateTime heartbeatAt; // UTC: renewed every few seconds while the holder runs
    bool isValid() const { return !holderId.isEmpty(); }
};

struct SyncSummary
{
    qint64 runId = 0; // 0 for a dry run (nothing is written)
    bool dryRun = false;
    QMap<Entity, SyncCounts> pushCounts;
    QMap<Entity, SyncCounts> pullCounts;
    QList<SyncOutcome> outcomes; // skipped and failed always; every record in a dry run
    QMap<SyncSlot, QString> blocked; // why that entity did not start in that direction (translated)
    QMap<SyncSlot, SyncFix> fixes; // for blocked slots the admin can fix in the connector's settings
    // The blocked slots that fail the run: a missing permission, a stale or missing server variable, or options
    // off for an entity the request named. Options off in a whole-connector run only leave the slot blocked.
    QList<SyncSlot> failedToStart;
    SyncHolder busy; // valid when the run was refused: another sync of the connector holds its lease
    QString fatalError; // a run that stopped early (unreachable, database): what happened
    bool unreachable = false; // the fatal error was DNS / TCP / TLS
    QMap<Entity, SyncCounts>& counts(Direction direction)
    {
        return direction == Direction::Push ? pushCounts : pullCounts;
    }
    const QMap<Entity, SyncCounts>& counts(Direction direction) const
    {
        return direction == Direction::Push ? pushCounts : pullCounts;
    }
    SyncCounts totals() const;
    bool ok() const { return fatalError.isEmpty() && totals().failed == 0 && failedToStart.isEmpty(); }
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::SyncCounts)
