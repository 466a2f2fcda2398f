#include "core/sync/SyncHistory.h"

#include "core/store/BulkInsert.h"
#include "core/store/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cw {

QByteArray SyncHistory::conflictsJson(const QList<FieldConflict>& conflicts)
{
    QJsonArray array;
    for (const FieldConflict& c : conflicts) {
        array.append(QJsonObject {{QStringLiteral("field"), c.field},
                                  {QStringLiteral("local"), c.localValue},
                                  {QStringLiteral("connectwise"), c.remoteValue}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<FieldConflict> SyncHistory::conflictsFrom(const QByteArray& json)
{
    QList<FieldConflict> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1String("field")).toString(), o.value(QLatin1String("local")).toString(),
                    o.value(QLatin1String("connectwise")).toString()});
    }
    return out;
}

SyncHistory::SyncHistory(Database& database) : m_database(database) { }

SyncHistory::~SyncHistory() = default;

std::optional<qint64> SyncHistory::startRun(const SyncRunRecord& run, StoreError* error)
{
    const QString sql = QStringLiteral("INSERT INTO sync_runs (instance_id, started_at, direction, dry_run, entities,"
                                       " status) VALUES (?, ?, ?, ?, ?, 'running')");
    const QVariantList values = {run.instanceId, run.startedAt.toMSecsSinceEpoch(), nameOf(run.direction),
                                 run.dryRun ? 1 : 0, namesOf(run.entities).join(QLatin1Char(','))};
    QSqlQuery q(m_database.connection());
    if (m_database.dialect() == Database::Dialect::Postgres) {
        if (!m_database.exec(sql + QStringLiteral(" RETURNING id"), values, error, &q) || !q.next()) {
            return std::nullopt;
        }
        return q.value(0).toLongLong();
    }
    if (!m_database.exec(sql, values, error, &q)) {
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool SyncHistory::addOutcomes(qint64 runId, const QList<SyncOutcome>& outcomes, StoreError* error)
{
    if (outcomes.isEmpty()) {
        return true;
    }
    if (!m_outcomeInsert) {
        m_outcomeInsert = std::make_unique<BulkInsert>(
            m_database,
            QStringLiteral("INSERT INTO sync_outcomes (run_id, direction, entity, local_id, remote_id, action, reason,"
                           " conflicts) VALUES"),
            8);
    }
    BulkInsert& insert = *m_outcomeInsert;
    insert.discard(); // nothing left over from a batch that failed
    // Direction, entity and action repeat row after row: each name converted once.
    QHash<int, QByteArray> directionUtf8;
    QHash<int, QByteArray> entityUtf8;
    for (Direction d : allOf<Direction>()) {
        directionUtf8.insert(int(d), nameOf(d).toLatin1());
    }
    for (Entity e : allOf<Entity>()) {
        entityUtf8.insert(int(e), nameOf(e).toLatin1());
    }
    constexpr int kActions = int(SyncOutcome::Action::Conflict) + 1;
    QByteArray actionUtf8[kActions]; // by Action, made once
    for (int a = 0; a < kActions; ++a) {
        actionUtf8[a] = SyncOutcome::actionName(static_cast<SyncOutcome::Action>(a)).toLatin1();
    }
    for (const SyncOutcome& o : outcomes) {
        if (o.action == SyncOutcome::Action::Unchanged) {
            continue; // counted on the run; one row per untouched record would only grow the table
        }
        insert.integer(runId);
        insert.utf8(directionUtf8.value(int(o.direction)));
        insert.utf8(entityUtf8.value(int(o.entity)));
        insert.text(o.localId);
        if (o.remoteId > 0) {
            insert.integer(o.remoteId);
        } else {
            insert.null();
        }
        insert.utf8(actionUtf8[static_cast<int>(o.action)]);
        insert.textOrNull(o.reason);
        if (o.conflicts.isEmpty()) {
            insert.null();
        } else {
            insert.utf8(conflictsJson(o.conflicts));
        }
        if (!insert.endRow(error)) {
            return false;
        }
    }
    return insert.finish(error);
}

bool SyncHistory::finishRun(qint64 runId, const SyncCounts& c, const QString& status, const QString& message,
                            StoreError* error)
{
    return m_database.exec(QStringLiteral("UPDATE sync_runs SET finished_at = ?, created = ?, updated = ?,"
                                          " unchanged = ?, skipped = ?, failed = ?, conflicts = ?, status = ?,"
                                          " message = ? WHERE id = ?"),
                           {QDateTime::currentMSecsSinceEpoch(), c.created, c.updated, c.unchanged, c.skipped, c.failed,
                            c.conflict, status, message, runId},
                           error);
}

bool SyncHistory::markInterrupted(qint64 instanceId, StoreError* error)
{
    return m_database.exec(
        QStringLiteral("UPDATE sync_runs SET status = 'interrupted' WHERE instance_id = ? AND status = 'running'"),
        {instanceId}, error);
}

QList<SyncRunRecord> SyncHistory::runs(qint64 instanceId, int limit, StoreError* error) const
{
    QList<SyncRunRecord> out;
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(
            QStringLiteral("SELECT id, started_at, finished_at, direction, dry_run, entities, created,"
                           " updated, unchanged, skipped, failed, status, message, conflicts FROM sync_runs"
                           " WHERE instance_id = ? ORDER BY id DESC LIMIT ?"),
            {instanceId, limit}, error, &q)) {
        return out;
    }
    while (q.next()) {
        SyncRunRecord r;
        r.id = q.value(0).toLongLong();
        r.instanceId = instanceId;
        r.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        if (!q.value(2).isNull()) {
            r.finishedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        }
        r.direction = parseName<Direction>(q.value(3).toString()).value_or(Direction::Both);
        r.dryRun = q.value(4).toInt() != 0;
        for (const QString& name : q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (const auto entity = parseName<Entity>(name)) {
                r.entities.append(*entity);
            }
        }
        r.counts.created = q.value(6).toInt();
        r.counts.updated = q.value(7).toInt();
        r.counts.unchanged = q.value(8).toInt();
        r.counts.skipped = q.value(9).toInt();
        r.counts.failed = q.value(10).toInt();
        r.status = q.value(11).toString();
        r.message = q.value(12).toString();
        r.counts.conflict = q.value(13).toInt();
        out.append(r);
    }
    return out;
}

QList<SyncOutcome> SyncHistory::outcomes(qint64 runId, StoreError* error) const
{
    QList<SyncOutcome> out;
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(QStringLiteral("SELECT direction, entity, local_id, remote_id, action, reason,"
                                        " conflicts FROM sync_outcomes WHERE run_id = ? ORDER BY entity, local_id"),
                         {runId}, error, &q)) {
        return out;
    }
    while (q.next()) {
        const auto direction = parseName<Direction>(q.value(0).toString());
        const auto entity = parseName<Entity>(q.value(1).toString());
        if (!direction || !entity) {
            continue; // written by a newer version that knows more entities
        }
        SyncOutcome o;
        o.direction = *direction;
        o.entity = *entity;
        o.localId = q.value(2).toString();
        o.remoteId = q.value(3).toLongLong();
        o.action = SyncOutcome::parseAction(q.value(4).toString()).value_or(SyncOutcome::Action::Skipped);
        o.reason = q.value(5).toString();
        if (!q.value(6).isNull()) {
            o.conflicts = conflictsFrom(q.value(6).toString().toUtf8());
        }
        out.append(o);
    }
    return out;
}

} // namespace Cw
