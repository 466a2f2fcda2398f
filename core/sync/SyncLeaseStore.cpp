#include "core/sync/SyncLeaseStore.h"

#include "core/store/Database.h"

#include <QSqlQuery>

namespace Cw {

namespace {

// The advisory-lock key of a connector's lease: "cwls" in the high half, the connector id in the low half (the
// migrations' lock, "cwcn", lives in the low half alone).
qint64 lockKey(qint64 instanceId)
{
    return (qint64(0x63776c73) << 32) | (instanceId & 0xffffffffLL);
}

QDateTime utc(const QVariant& ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

} // namespace

SyncLeaseStore::SyncLeaseStore(Database& database, qint64 instanceId) : m_database(database), m_instanceId(instanceId)
{ }

QString SyncLeaseStore::now() const
{
    return m_database.dialect() == Database::Dialect::Postgres
        ? QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")
        : QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
}

bool SyncLeaseStore::insert(const SyncHolder& holder, bool* inserted, StoreError* error)
{
    QSqlQuery q;
    const bool ok = m_database.exec(
        QStringLiteral("INSERT INTO sync_leases (instance_id, holder_id, host, process_id, program, started_at,"
                       " heartbeat_at) VALUES (?, ?, ?, ?, ?, %1, %1) ON CONFLICT (instance_id) DO NOTHING")
            .arg(now()),
        {m_instanceId, holder.holderId, holder.host, holder.processId, holder.program}, error, &q);
    *inserted = ok && q.numRowsAffected() == 1;
    return ok;
}

bool SyncLeaseStore::read(std::optional<Row>* row, bool forUpdate, StoreError* error)
{
    const QString lock =
        forUpdate && m_database.dialect() == Database::Dialect::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
    QSqlQuery q;
    if (!m_database.exec(QStringLiteral("SELECT holder_id, host, process_id, program, started_at, heartbeat_at, %1 -"
                                        " heartbeat_at FROM sync_leases WHERE instance_id = ?%2")
                             .arg(now(), lock),
                         {m_instanceId}, error, &q)) {
        return false;
    }
    row->reset();
    if (q.next()) {
        Row r;
        r.holder.holderId = q.value(0).toString();
        r.holder.host = q.value(1).toString();
        r.holder.processId = q.value(2).toLongLong();
        r.holder.program = q.value(3).toString();
        r.holder.startedAt = utc(q.value(4));
        r.holder.heartbeatAt = utc(q.value(5));
        r.heartbeatAgeMs = q.value(6).toLongLong();
        *row = r;
    }
    return true;
}

bool SyncLeaseStore::replace(const QString& previousHolderId, const SyncHolder& holder, bool* replaced,
                             StoreError* error)
{
    QSqlQuery q;
    const bool ok = m_database.exec(
        QStringLiteral("UPDATE sync_leases SET holder_id = ?, host = ?, process_id = ?, program = ?, started_at = %1,"
                       " heartbeat_at = %1 WHERE instance_id = ? AND holder_id = ?")
            .arg(now()),
        {holder.holderId, holder.host, holder.processId, holder.program, m_instanceId, previousHolderId}, error, &q);
    *replaced = ok && q.numRowsAffected() == 1;
    return ok;
}

bool SyncLeaseStore::beat(const QString& holderId, bool* held, StoreError* error)
{
    QSqlQuery q;
    const bool ok = m_database.exec(
        QStringLiteral("UPDATE sync_leases SET heartbeat_at = %1 WHERE instance_id = ? AND holder_id = ?").arg(now()),
        {m_instanceId, holderId}, error, &q);
    *held = !ok || q.numRowsAffected() == 1; // an error says nothing about who holds it
    return ok;
}

bool SyncLeaseStore::remove(const QString& holderId, StoreError* error)
{
    return m_database.exec(QStringLiteral("DELETE FROM sync_leases WHERE instance_id = ? AND holder_id = ?"),
                           {m_instanceId, holderId}, error);
}

bool SyncLeaseStore::tryLock(bool* locked, StoreError* error)
{
    QSqlQuery q;
    *locked = false;
    if (!m_database.exec(QStringLiteral("SELECT pg_try_advisory_lock(?)"), {QVariant(lockKey(m_instanceId))}, error,
                         &q)) {
        return false;
    }
    *locked = q.next() && q.value(0).toBool();
    return true;
}

bool SyncLeaseStore::unlock(StoreError* error)
{
    return m_database.exec(QStringLiteral("SELECT pg_advisory_unlock(?)"), {QVariant(lockKey(m_instanceId))}, error);
}

} // namespace Cw
