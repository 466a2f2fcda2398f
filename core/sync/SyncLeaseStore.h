#pragma once

#include "core/store/StoreError.h"
#include "core/sync/SyncTypes.h"

#include <optional>

namespace Cw {

class Database;

// The rows of sync_leases (one per connector whose sync runs) and, on PostgreSQL, the session-level advisory lock
// that backs a lease: held by the holder's connection, it goes with that connection when the holder dies, on
// whatever host. Times are the database's clock. insert, read (locked) and replace belong in one write transaction
// of the caller (BEGIN IMMEDIATE on SQLite); beat and remove run on their own.
class SyncLeaseStore final
{
public:
    // A lease row and how long ago (database clock) its holder last renewed it.
    struct Row
    {
        SyncHolder holder;
        qint64 heartbeatAgeMs = 0;
    };

    SyncLeaseStore(Database& database, qint64 instanceId);

    // Writes `holder` as the connector's lease unless a row exists; *inserted says which.
    bool insert(const SyncHolder& holder, bool* inserted, StoreError* error);
    // The connector's row, or nullopt in *row when there is none; forUpdate: locked for the caller's transaction on
    // PostgreSQL (SQLite's BEGIN IMMEDIATE already holds the write lock).
    bool read(std::optional<Row>* row, bool forUpdate, StoreError* error);
    // Gives the lease of `previousHolderId` to `holder` (started now); *replaced is false when it had changed.
    bool replace(const QString& previousHolderId, const SyncHolder& holder, bool* replaced, StoreError* error);
    // Renews the heartbeat of `holderId`; *held is false when the row is no longer that holder's.
    bool beat(const QString& holderId, bool* held, StoreError* error);
    // Deletes the row of `holderId` (nothing when another holds it now).
    bool remove(const QString& holderId, StoreError* error);

    // PostgreSQL only: the connector's advisory lock for this connection (re-entrant: lock once, unlock once).
    bool tryLock(bool* locked, StoreError* error);
    bool unlock(StoreError* error);

private:
    QString now() const; // SQL: the database's clock in UTC ms

    Database& m_database;
    qint64 m_instanceId;
};

} // namespace Cw
