#include "core/sync/SyncLinkStore.h"

#include "core/store/BulkStatement.h"
#include "core/store/Database.h"

namespace Cw {

namespace {

QVariant timeValue(const QDateTime& t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

} // namespace

SyncLinkStore::SyncLinkStore(Database& database, qint64 instanceId) : m_database(database), m_instanceId(instanceId) { }

SyncLinkStore::~SyncLinkStore() = default;

QHash<QString, SyncLink> SyncLinkStore::links(const QString& entity, StoreError* error) const
{
    QHash<QString, SyncLink> out;
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(
            QStringLiteral("SELECT local_id, remote_id, remote_ref, pushed_hash, pushed_body, pulled_values"
                           " FROM sync_links WHERE instance_id = ? AND entity = ?"),
            {m_instanceId, entity}, error, &q)) {
        return out;
    }
    while (q.next()) {
        SyncLink l;
        l.localId = q.value(0).toString();
        l.remoteId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
        l.remoteRef = q.value(2).toString();
        l.pushedHash = q.value(3).toString();
        l.pushedBody = q.value(4).toString();
        l.pulledValues = q.value(5).toString();
        out.insert(l.localId, l);
    }
    return out;
}

QHash<qint64, QString> SyncLinkStore::localIdsFor(const QString& entity, const QList<qint64>& remoteIds,
                                                  StoreError* error) const
{
    QHash<qint64, QString> out;
    constexpr int kChunk = 500;
    for (qsizetype start = 0; start < remoteIds.size(); start += kChunk) {
        const QList<qint64> chunk = remoteIds.mid(start, kChunk);
        QVariantList values {m_instanceId, entity};
        QStringList marks;
        for (const qint64 id : chunk) {
            values.append(id);
            marks.append(QStringLiteral("?"));
        }
        QSqlQuery q(m_database.connection());
        if (!m_database.exec(QStringLiteral("SELECT remote_id, local_id FROM sync_links"
                                            " WHERE instance_id = ? AND entity = ? AND remote_id IN (%1)")
                                 .arg(marks.join(QStringLiteral(", "))),
                             values, error, &q)) {
            return out;
        }
        while (q.next()) {
            out.insert(q.value(0).toLongLong(), q.value(1).toString());
        }
    }
    return out;
}

bool SyncLinkStore::save(const QString& entity, const SyncLink& l, StoreError* error)
{
    if (!m_save) {
        auto statement = std::make_unique<BulkStatement>(m_database);
        if (!statement->prepare(
                QStringLiteral(
                    "INSERT INTO sync_links (instance_id, entity, local_id, remote_id, remote_ref,"
                    " pushed_hash, pushed_body, pulled_values, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (instance_id, entity, local_id) DO UPDATE SET remote_id = excluded.remote_id,"
                    " remote_ref = excluded.remote_ref, pushed_hash = excluded.pushed_hash,"
                    " pushed_body = excluded.pushed_body, pulled_values = excluded.pulled_values,"
                    " updated_at = excluded.updated_at"),
                error)) {
            return false;
        }
        m_save = std::move(statement);
    }
    m_save->bindInt(0, m_instanceId);
    m_save->bindText(1, entity);
    m_save->bindText(2, l.localId);
    if (l.remoteId > 0) {
        m_save->bindInt(3, l.remoteId);
    } else {
        m_save->bindNull(3);
    }
    m_save->bindText(4, l.remoteRef);
    m_save->bindText(5, l.pushedHash);
    m_save->bindText(6, l.pushedBody);
    m_save->bindText(7, l.pulledValues);
    m_save->bindInt(8, QDateTime::currentMSecsSinceEpoch());
    return m_save->exec(error);
}

bool SyncLinkStore::remove(const QString& entity, const QString& localId, StoreError* error)
{
    return m_database.exec(
        QStringLiteral("DELETE FROM sync_links WHERE instance_id = ? AND entity = ? AND local_id = ?"),
        {m_instanceId, entity, localId}, error);
}

std::optional<PullState> SyncLinkStore::pullState(const QString& entity, StoreError* error) const
{
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(QStringLiteral("SELECT high_water, run_since, resume_after_id, pending_high"
                                        " FROM sync_state WHERE instance_id = ? AND entity = ?"),
                         {m_instanceId, entity}, error, &q)) {
        return std::nullopt;
    }
    PullState s;
    if (q.next()) {
        s.highWater = timeFrom(q.value(0));
        s.runSince = timeFrom(q.value(1));
        s.inProgress = !q.value(2).isNull();
        s.resumeAfterId = q.value(2).toLongLong();
        s.pendingHigh = timeFrom(q.value(3));
    }
    return s;
}

bool SyncLinkStore::savePullState(const QString& entity, const PullState& s, StoreError* error)
{
    return m_database.exec(
        QStringLiteral("INSERT INTO sync_state (instance_id, entity, high_water, run_since, resume_after_id,"
                       " pending_high) VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (instance_id, entity) DO UPDATE SET high_water = excluded.high_water,"
                       " run_since = excluded.run_since, resume_after_id = excluded.resume_after_id,"
                       " pending_high = excluded.pending_high"),
        {m_instanceId, entity, timeValue(s.highWater), timeValue(s.runSince),
         s.inProgress ? QVariant(s.resumeAfterId) : QVariant(), timeValue(s.pendingHigh)},
        error);
}

} // namespace Cw
