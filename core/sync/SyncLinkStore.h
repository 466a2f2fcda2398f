#pragma once

#include "core/domain/ConflictPolicy.h"
#include "core/domain/Entity.h"
#include "core/store/StoreError.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace Cw {

class BulkInsert;
class BulkStatement;
class Database;

// One row of sync_links: a local record and the ConnectWise record it is (remoteId 0 while a create is in
// flight), with what was last sent, so reruns create nothing twice and update only changed fields.
struct SyncLink
{
    QString localId;
    qint64 remoteId = 0;
    QString remoteRef; // identifier / invoice number / PO number the create used
    QString pushedHash;
    QString pushedBody; // compact JSON of the last body sent, for PATCH diffs; '' after a pull
    // SyncSnapshot of the local record a pull wrote (what ConnectWise has), in UTF-8; empty after a push.
    QByteArray pulledValues;
    // The base of conflict detection (core/sync/ConflictDetector): after a push, the SyncSnapshot of the local
    // values pushed (after a pull the base is pulledValues and this is empty), and ConnectWise's _info/lastUpdated
    // at that sync. Links made before schema 6 have no base (invalid baseUpdated): they sync as before until their
    // next sync records one.
    QByteArray baseValues;
    QDateTime baseUpdated;
    KeepSide keep = KeepSide::None; // the side the admin keeps for the record's conflict, until a sync applies it

    const QByteArray& base() const { return pulledValues.isEmpty() ? baseValues : pulledValues; }
    bool hasBase() const { return baseUpdated.isValid() && !base().isEmpty(); }
};

// Where an incremental pull of one entity stands (sync_state).
struct PullState
{
    QDateTime highWater; // invalid: never pulled completely
    QDateTime runSince; // a pull under way: its since-mark (invalid = everything)
    qint64 resumeAfterId = 0; // a pull under way: the last id committed; 0 = none under way
    QDateTime pendingHigh; // a pull under way: the newest lastUpdated committed so far
    bool inProgress = false;
};

// sync_links and sync_state of one connector. Writes join the caller's transaction when there is one.
class SyncLinkStore final
{
public:
    SyncLinkStore(Database& database, qint64 instanceId);
    ~SyncLinkStore();
    Q_DISABLE_COPY_MOVE(SyncLinkStore)

    // Every link of an entity, by local id (loaded once per entity and run; the table is indexed).
    QHash<QString, SyncLink> links(Entity entity, StoreError* error = nullptr) const;
    // The local ids linked to these ConnectWise ids (those that have a link), for one pulled page.
    QHash<qint64, QString> localIdsFor(Entity entity, const QList<qint64>& remoteIds,
                                       StoreError* error = nullptr) const;
    // The links of these local ids (a pulled page's linked records), by local id.
    QHash<QString, SyncLink> linksOf(Entity entity, const QStringList& localIds, StoreError* error = nullptr) const;
    bool save(Entity entity, const SyncLink& link, StoreError* error = nullptr);
    // The links of a pulled page at once (local ids must not repeat): local id, remote id and pulled values. What a
    // push left on them (remote_ref, pushed_hash, pushed_body) is cleared: the pull is newer.
    bool savePulled(Entity entity, const QList<SyncLink>& links, StoreError* error = nullptr);
    bool remove(Entity entity, const QString& localId, StoreError* error = nullptr);
    // Remembers the side kept for a record's conflict (KeepSide::None forgets it). NotFound when the record has no
    // link (it was never synced).
    bool setKeep(Entity entity, const QString& localId, KeepSide keep, StoreError* error = nullptr);

    std::optional<PullState> pullState(Entity entity, StoreError* error = nullptr) const;
    bool savePullState(Entity entity, const PullState& state, StoreError* error = nullptr);

private:
    QHash<QString, SyncLink> select(const QString& where, const QVariantList& values, StoreError* error) const;

    Database& m_database;
    qint64 m_instanceId;
    std::unique_ptr<BulkStatement> m_save; // prepared on first save: pushes save one link per record
    std::unique_ptr<BulkInsert> m_savePulled; // pulls: a page at a time, prepared once per run
    mutable std::unique_ptr<BulkStatement> m_lookup; // localIdsFor with a full chunk of ids
};

} // namespace Cw
