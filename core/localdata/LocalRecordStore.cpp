#include "core/localdata/LocalRecordStore.h"

#include "core/store/BulkInsert.h"
#include "core/store/Database.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QSqlRecord>

namespace Cw {

LocalRecordStore::LocalRecordStore(Database& database) : m_database(database) { }

LocalRecordStore::~LocalRecordStore() = default;

QVariantHash LocalRecordStore::rowValues(const LocalEntity& entity, const QSqlQuery& query)
{
    QVariantHash row;
    for (int i = 0; i < entity.columns.size(); ++i) {
        const QVariant v = entity.columns.at(i).fromSql(query.value(i));
        if (v.isValid()) {
            row.insert(entity.columns.at(i).name, v);
        }
    }
    return row;
}

std::unique_ptr<BulkInsert> LocalRecordStore::upsertStatement(Database& database, const QString& table,
                                                              const QStringList& names)
{
    QStringList assignments;
    for (const QString& n : names) {
        if (n != QLatin1String("id")) {
            assignments.append(n + QLatin1String(" = excluded.") + n);
        }
    }
    return std::make_unique<BulkInsert>(
        database, QStringLiteral("INSERT INTO %1 (%2) VALUES").arg(table, names.join(QStringLiteral(", "))),
        static_cast<int>(names.size()),
        QStringLiteral(" ON CONFLICT (id) DO UPDATE SET %1").arg(assignments.join(QStringLiteral(", "))));
}

QVariantHash LocalRecordStore::withoutPulledOnly(const LocalEntity& entity, QVariantHash row)
{
    for (const LocalColumn& c : entity.columns) {
        if (c.pulledOnly) {
            row.remove(c.name);
        }
    }
    return row;
}

bool LocalRecordStore::checkStorable(const LocalEntity& entity, const LocalRecord& record, StoreError* error)
{
    for (const LocalColumn& c : entity.columns) {
        const QVariant v = record.values.value(c.name);
        if (v.typeId() != QMetaType::QString || !v.toString().contains(QChar::ReplacementCharacter)) {
            continue;
        }
        const QString where =
            record.row > 0 ? tr("Row %1 (id “%2”)").arg(record.row).arg(record.id) : tr("Record “%1”").arg(record.id);
        return StoreError::fail(error, StoreError::Code::Invalid,
                                tr("%1, column %2: the value holds the replacement character � (U+FFFD), the mark of "
                                   "text decoded in the wrong encoding; nothing was written. Correct the value.")
                                    .arg(where, c.name),
                                c.name);
    }
    return true;
}

QHash<QString, QVariantHash> LocalRecordStore::load(const LocalEntity& entity, const QStringList& ids,
                                                    StoreError* error) const
{
    QHash<QString, QVariantHash> out;
    const QString columns = entity.columnNames().join(QStringLiteral(", "));
    constexpr int kChunk = 500;
    for (int start = 0; start < ids.size(); start += kChunk) {
        const QStringList chunk = ids.mid(start, kChunk);
        QVariantList values;
        for (const QString& id : chunk) {
            values.append(id);
        }
        const QString marks = QStringLiteral("?, ").repeated(int(chunk.size() - 1)) + QLatin1Char('?');
        QSqlQuery q(m_database.connection());
        if (!m_database.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id IN (%3)").arg(columns, entity.table, marks),
                             values, error, &q)) {
            return out;
        }
        while (q.next()) {
            QVariantHash row = rowValues(entity, q);
            out.insert(row.value(QStringLiteral("id")).toString(), row);
        }
    }
    return out;
}

bool LocalRecordStore::writeValues(const QHash<QString, QSet<QString>>& lists, Counts* counts, StoreError* error)
{
    for (auto it = lists.cbegin(); it != lists.cend(); ++it) {
        for (const QString& value : it.value()) {
            const QPair<QString, QString> entry {it.key(), value};
            if (m_listed.contains(entry)) {
                continue; // written by an earlier batch of this store (an import sees the same few values again)
            }
            QSqlQuery q(m_database.connection());
            if (!m_database.exec(QStringLiteral("INSERT INTO value_lists (list, value) VALUES (?, ?) "
                                                "ON CONFLICT (list, value) DO NOTHING"),
                                 {entry.first, entry.second}, error, &q)) {
                return false;
            }
            if (q.numRowsAffected() > 0) {
                ++counts->valuesAdded;
            }
            m_listed.insert(entry);
        }
    }
    return true;
}

bool LocalRecordStore::upsert(const LocalEntity& entity, const QList<LocalRecord>& records, Counts* counts,
                              StoreError* error)
{
    for (const LocalRecord& r : records) {
        if (!checkStorable(entity, r, error)) {
            return false;
        }
    }
    Counts local;
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error)) {
        return false;
    }
    // What is there already among these ids, to tell inserts from updates from no-ops.
    QStringList ids;
    ids.reserve(records.size());
    for (const LocalRecord& r : records) {
        ids.append(r.id);
    }
    StoreError loadError;
    const QHash<QString, QVariantHash> existing = load(entity, ids, &loadError);
    if (loadError.isError()) {
        if (error) {
            *error = loadError;
        }
        return false;
    }

    // The columns an import writes: a pulled-only one (invoices.balance) keeps what the pull stored.
    QList<LocalColumn> columns;
    for (const LocalColumn& c : entity.columns) {
        if (!c.pulledOnly) {
            columns.append(c);
        }
    }
    if (!m_insert || m_insertTable != entity.table) {
        m_insert = upsertStatement(m_database, entity.table, entity.csvColumnNames());
        m_insertTable = entity.table;
    }
    m_insert->discard();
    QHash<QString, QSet<QString>> lists; // list -> values seen in this batch
    for (const LocalRecord& r : records) {
        for (const LocalColumn& c : columns) {
            if (!c.valueList.isEmpty() && r.values.contains(c.name)) {
                lists[c.valueList].insert(r.values.value(c.name).toString());
            }
        }
        const auto found = existing.constFind(r.id);
        if (found != existing.cend() && withoutPulledOnly(entity, *found) == r.values) {
            ++local.unchanged;
            continue;
        }
        for (const LocalColumn& c : columns) {
            const QVariant v = r.values.value(c.name);
            if (!v.isValid()) {
                m_insert->null();
            } else {
                m_insert->text(c.type == LocalColumn::Type::Date ? v.toDate().toString(Qt::ISODate) : v.toString());
            }
        }
        if (!m_insert->endRow(error)) {
            return false;
        }
        ++(found == existing.cend() ? local.inserted : local.updated);
    }
    if (!m_insert->finish(error) || !writeValues(lists, &local, error) || !transaction.commit(error)) {
        return false;
    }
    if (counts) {
        counts->inserted += local.inserted;
        counts->updated += local.updated;
        counts->unchanged += local.unchanged;
        counts->valuesAdded += local.valuesAdded;
    }
    return true;
}

QList<LocalRecord> LocalRecordStore::all(const LocalEntity& entity, StoreError* error) const
{
    QList<LocalRecord> out;
    QSqlQuery query(m_database.connection());
    if (!m_database.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY id")
                             .arg(entity.columnNames().join(QStringLiteral(", ")), entity.table),
                         {}, error, &query)) {
        return out;
    }
    while (query.next()) {
        LocalRecord record;
        for (int i = 0; i < entity.columns.size(); ++i) {
            const QVariant v = query.value(i);
            if (!v.isNull()) {
                record.values.insert(entity.columns.at(i).name, entity.columns.at(i).textFromSql(v));
            }
        }
        record.id = record.values.value(QStringLiteral("id")).toString();
        out.append(record);
    }
    return out;
}

int LocalRecordStore::count(const LocalEntity& entity, StoreError* error) const
{
    QSqlQuery query;
    if (!m_database.exec(QStringLiteral("SELECT COUNT(*) FROM ") + entity.table, {}, error, &query) || !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

std::optional<LocalRecord> LocalRecordStore::find(const LocalEntity& entity, const QString& id, StoreError* error) const
{
    const QHash<QString, QVariantHash> found = load(entity, {id}, error);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    LocalRecord record;
    record.id = id;
    record.values = found.value(id);
    return record;
}

QStringList LocalRecordStore::values(const QString& list, StoreError* error) const
{
    QSqlQuery query;
    QStringList out;
    if (!m_database.exec(QStringLiteral("SELECT value FROM value_lists WHERE list = ? ORDER BY value"), {list}, error,
                         &query)) {
        return out;
    }
    while (query.next()) {
        out.append(query.value(0).toString());
    }
    return out;
}

bool LocalRecordStore::addValue(const QString& list, const QString& value, StoreError* error)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return StoreError::fail(error, StoreError::Code::Invalid, tr("Value: enter a value to add to the list."),
                                tr("Value"));
    }
    if (trimmed.contains(QChar::ReplacementCharacter)) {
        return StoreError::fail(error, StoreError::Code::Invalid,
                                tr("Value “%1” holds the replacement character � (U+FFFD), the mark of text decoded in "
                                   "the wrong encoding; type the value again.")
                                    .arg(trimmed),
                                tr("Value"));
    }
    return m_database.exec(
        QStringLiteral("INSERT INTO value_lists (list, value) VALUES (?, ?) ON CONFLICT (list, value) DO NOTHING"),
        {list, trimmed}, error);
}

} // namespace Cw
