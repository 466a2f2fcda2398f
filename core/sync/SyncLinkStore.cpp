#include "core/sync/SyncLinkStore.h"

#include "core/store/BulkInsert.h"
#include "core/store/BulkStatement.h"
#include "core/store/Database.h"

#include <QCoreApplication>

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

constexpr const char* kUpsertTail =
    " ON CONFLICT (instance_id, entity, local_id) DO UPDATE SET remote_id = excluded.remote_id,"
    " remote_ref = excluded.remote_ref, pushed_hash = excluded.pushed_hash, pushed_body = excluded.pushed_body,"
    " pulled_values = excluded.pulled_values, base_values = excluded.base_values,"
    " base_updated = excluded.base_updated, keep_side = excluded.keep_side, updated_at = excluded.updated_at";

QString keepName(KeepSide keep)
{
    return keep == KeepSide::None ? QString() : nameOf(keep);
}

} // namespace

SyncLinkStore::SyncLinkStore(Database& database, qint64 instanceId) : m_database(database), m_instanceId(instanceId) { }

SyncLinkStore::~SyncLinkStore() = default;

QHash<QString, SyncLink> SyncLinkStore::links(Entity entity, StoreError* error) const
{
    return select(QStringLiteral("WHERE instance_id = ? AND entity = ?"), {m_instanceId, nameOf(entity)}, error);
}

QHash<QString, SyncLink> SyncLinkStore::linksOf(Entity entity, const QStringList& localIds, StoreError* error) const
{
    QHash<QString, SyncLink> out;
    constexpr qsizetype kChunk = 250;
    for (qsizetype start = 0; start < localIds.size(); start += kChunk) {
        const QStringList chunk = localIds.mid(start, kChunk);
        QVariantList values {m_instanceId, nameOf(entity)};
        QStringList marks;
        for (const QString& id : chunk) {
            values.append(id);
            marks.append(QStringLiteral("?"));
        }
        out.insert(select(QStringLiteral("WHERE instance_id = ? AND entity = ? AND local_id IN (%1)")
                              .arg(marks.join(QStringLiteral(", "))),
                          values, error));
        if (error && error->isError()) {
            break;
        }
    }
    return out;
}

QHash<QString, SyncLink> SyncLinkStore::select(const QString& where, const QVariantList& values,
                                               StoreError* error) const
{
    QHash<QString, SyncLink> out;
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(QStringLiteral("SELECT local_id, remote_id, remote_ref, pushed_hash, pushed_body,"
                                        " pulled_values, base_values, base_updated, keep_side FROM sync_links ") +
                             where,
                         values, error, &q)) {
        return out;
    }
    while (q.next()) {
        SyncLink l;
        l.localId = q.value(0).toString();
        l.remoteId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
        l.remoteRef = q.value(2).toString();
        l.pushedHash = q.value(3).toString();
        l.pushedBody = q.value(4).toString();
        l.pulledValues = q.value(5).toString().toUtf8();
        l.baseValues = q.value(6).toString().toUtf8();
        l.baseUpdated = timeFrom(q.value(7));
        l.keep = parseName<KeepSide>(q.value(8).toString()).value_or(KeepSide::None);
        out.insert(l.localId, l);
    }
    return out;
}

QHash<qint64, QString> SyncLinkStore::localIdsFor(Entity entity, const QList<qint64>& remoteIds,
                                                  StoreError* error) const
{
    QHash<qint64, QString> out;
    constexpr qsizetype kChunk = 250;
    auto statementFor = [this](qsizetype ids, StoreError* e) -> std::unique_ptr<BulkStatement> {
        QStringList marks;
        for (qsizetype i = 0; i < ids; ++i) {
            marks.append(QStringLiteral("?"));
        }
        auto statement = std::make_unique<BulkStatement>(m_database);
        if (!statement->prepare(QStringLiteral("SELECT remote_id, local_id FROM sync_links"
                                               " WHERE instance_id = ? AND entity = ? AND remote_id IN (%1)")
                                    .arg(marks.join(QStringLiteral(", "))),
                                e)) {
            return nullptr;
        }
        return statement;
    };
    for (qsizetype start = 0; start < remoteIds.size(); start += kChunk) {
        const QList<qint64> chunk = remoteIds.mid(start, kChunk);
        // A full chunk reuses one prepared statement for the whole run; a last, shorter one is prepared for it.
        std::unique_ptr<BulkStatement> shorter;
        if (chunk.size() == kChunk && !m_lookup) {
            m_lookup = statementFor(kChunk, error);
        } else if (chunk.size() != kChunk) {
            shorter = statementFor(chunk.size(), error);
        }
        BulkStatement* q = chunk.size() == kChunk ? m_lookup.get() : shorter.get();
        if (!q) {
            return out;
        }
        q->bindInt(0, m_instanceId);
        q->bindText(1, nameOf(entity));
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            q->bindInt(static_cast<int>(i) + 2, chunk.at(i));
        }
        if (!q->query(error)) {
            return out;
        }
        while (q->next()) {
            out.insert(q->integerValue(0), q->textValue(1));
        }
    }
    return out;
}

bool SyncLinkStore::savePulled(Entity entity, const QList<SyncLink>& links, StoreError* error)
{
    if (!m_savePulled) {
        m_savePulled = std::make_unique<BulkInsert>(
            m_database,
            // Eight values a row: the push columns and base_values take their defaults ('').
            QStringLiteral("INSERT INTO sync_links (instance_id, entity, local_id, remote_id,"
                           " pulled_values, base_updated, keep_side, updated_at) VALUES"),
            8, QLatin1String(kUpsertTail));
    }
    BulkInsert& insert = *m_savePulled;
    insert.discard(); // nothing left over from a batch that failed
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray entityUtf8 = nameOf(entity).toUtf8();
    for (const SyncLink& l : links) {
        insert.integer(m_instanceId);
        insert.utf8(entityUtf8);
        insert.text(l.localId);
        if (l.remoteId > 0) {
            insert.integer(l.remoteId);
        } else {
            insert.null();
        }
        insert.utf8(l.pulledValues);
        if (l.baseUpdated.isValid()) {
            insert.integer(l.baseUpdated.toMSecsSinceEpoch());
        } else {
            insert.null();
        }
        insert.text(keepName(l.keep));
        insert.integer(now);
        if (!insert.endRow(error)) {
            return false;
        }
    }
    return insert.finish(error);
}

bool SyncLinkStore::save(Entity entity, const SyncLink& l, StoreError* error)
{
    if (!m_save) {
        auto statement = std::make_unique<BulkStatement>(m_database);
        if (!statement->prepare(
                QStringLiteral(
                    "INSERT INTO sync_links (instance_id, entity, local_id, remote_id, remote_ref,"
                    " pushed_hash, pushed_body, pulled_values, base_values, base_updated, keep_side, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)%1")
                    .arg(QLatin1String(kUpsertTail)),
                error)) {
            return false;
        }
        m_save = std::move(statement);
    }
    m_save->bindInt(0, m_instanceId);
    m_save->bindText(1, nameOf(entity));
    m_save->bindText(2, l.localId);
    if (l.remoteId > 0) {
        m_save->bindInt(3, l.remoteId);
    } else {
        m_save->bindNull(3);
    }
    m_save->bindText(4, l.remoteRef);
    m_save->bindText(5, l.pushedHash);
    m_save->bindText(6, l.pushedBody);
    m_save->bindUtf8(7, l.pulledValues);
    m_save->bindUtf8(8, l.baseValues);
    if (l.baseUpdated.isValid()) {
        m_save->bindInt(9, l.baseUpdated.toMSecsSinceEpoch());
    } else {
        m_save->bindNull(9);
    }
    m_save->bindText(10, keepName(l.keep));
    m_save->bindInt(11, QDateTime::currentMSecsSinceEpoch());
    return m_save->exec(error);
}

bool SyncLinkStore::remove(Entity entity, const QString& localId, StoreError* error)
{
    return m_database.exec(
        QStringLiteral("DELETE FROM sync_links WHERE instance_id = ? AND entity = ? AND local_id = ?"),
        {m_instanceId, nameOf(entity), localId}, error);
}

bool SyncLinkStore::setKeep(Entity entity, const QString& localId, KeepSide keep, StoreError* error)
{
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(QStringLiteral("UPDATE sync_links SET keep_side = ? WHERE instance_id = ? AND entity = ?"
                                        " AND local_id = ?"),
                         {keepName(keep), m_instanceId, nameOf(entity), localId}, error, &q)) {
        return false;
    }
    if (q.numRowsAffected() < 1) {
        StoreError::fail(error, StoreError::Code::NotFound,
                         QCoreApplication::translate("Cw::SyncLinkStore",
                                                     "%1 %2 has never been synced: there is no conflict to resolve.")
                             .arg(nameOf(entity), localId));
        return false;
    }
    return true;
}

std::optional<PullState> SyncLinkStore::pullState(Entity entity, StoreError* error) const
{
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(QStringLiteral("SELECT high_water, run_since, resume_after_id, pending_high"
                                        " FROM sync_state WHERE instance_id = ? AND entity = ?"),
                         {m_instanceId, nameOf(entity)}, error, &q)) {
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

bool SyncLinkStore::savePullState(Entity entity, const PullState& s, StoreError* error)
{
    return m_database.exec(
        QStringLiteral("INSERT INTO sync_state (instance_id, entity, high_water, run_since, resume_after_id,"
                       " pending_high) VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (instance_id, entity) DO UPDATE SET high_water = excluded.high_water,"
                       " run_since = excluded.run_since, resume_after_id = excluded.resume_after_id,"
                       " pending_high = excluded.pending_high"),
        {m_instanceId, nameOf(entity), timeValue(s.highWater), timeValue(s.runSince),
         s.inProgress ? QVariant(s.resumeAfterId) : QVariant(), timeValue(s.pendingHigh)},
        error);
}

} // namespace Cw
