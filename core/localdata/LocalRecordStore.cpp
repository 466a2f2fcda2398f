#include "core/localdata/LocalRecordStore.h"

#include "core/store/Database.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QSqlRecord>

namespace Cw {

LocalRecordStore::LocalRecordStore(Database& database) : m_database(database) { }

QVariant LocalRecordStore::toSql(const LocalColumn& column, const QVariant& value)
{
    if (!value.isValid()) {
        return QVariant(QMetaType(QMetaType::QString)); // NULL
    }
    if (column.type == LocalColumn::Type::Date) {
        return value.toDate().toString(Qt::ISODate);
    }
    return value.toString();
}

bool LocalRecordStore::upsert(const LocalEntity& entity, const QList<LocalRecord>& records, Counts* counts,
                              StoreError* error)
{
    Counts local;
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error)) {
        return false;
    }

    // The columns an import writes: a pulled-only one (invoices.balance) keeps what the pull stored.
    QList<LocalColumn> columns;
    for (const LocalColumn& c : entity.columns) {
        if (!c.pulledOnly) {
            columns.append(c);
        }
    }
    // What is there already, to tell inserts from updates from no-ops.
    QHash<QString, QVariantHash> existing;
    {
        QSqlQuery query;
        if (!m_database.exec(QStringLiteral("SELECT * FROM ") + entity.table, {}, error, &query)) {
            return false;
        }
        while (query.next()) {
            QVariantHash row;
            for (const LocalColumn& c : columns) {
                const QVariant v = c.fromSql(query.value(c.name));
                if (v.isValid()) {
                    row.insert(c.name, v);
                }
            }
            existing.insert(row.value(QStringLiteral("id")).toString(), row);
        }
    }

    const QStringList names = entity.csvColumnNames();
    QStringList placeholders;
    QStringList assignments;
    for (const QString& n : names) {
        placeholders.append(QStringLiteral("?"));
        if (n != QLatin1String("id")) {
            assignments.append(n + QLatin1String(" = excluded.") + n);
        }
    }
    const QString sql = QStringLiteral("INSERT INTO ") + entity.table + QLatin1String(" (") +
        names.join(QLatin1String(", ")) + QLatin1String(") VALUES (") + placeholders.join(QLatin1String(", ")) +
        QLatin1String(") ON CONFLICT (id) DO UPDATE SET ") + assignments.join(QLatin1String(", "));
    QSqlQuery write;
    if (!m_database.prepare(&write, sql, error)) {
        return false;
    }

    QHash<QString, QSet<QString>> newValues; // list -> values seen in this batch
    for (const LocalRecord& r : records) {
        for (const LocalColumn& c : columns) {
            if (!c.valueList.isEmpty() && r.values.contains(c.name)) {
                newValues[c.valueList].insert(r.values.value(c.name).toString());
            }
        }
        const auto found = existing.constFind(r.id);
        if (found != existing.cend() && *found == r.values) {
            ++local.unchanged;
            continue;
        }
        for (int i = 0; i < columns.size(); ++i) {
            const LocalColumn& c = columns.at(i);
            write.bindValue(i, toSql(c, r.values.value(c.name)));
        }
        if (!m_database.execPrepared(write, error)) {
            return false;
        }
        if (found == existing.cend()) {
            ++local.inserted;
        } else {
            ++local.updated;
        }
    }

    for (auto it = newValues.cbegin(); it != newValues.cend(); ++it) {
        const QStringList known = values(it.key(), error);
        for (const QString& v : it.value()) {
            if (!known.contains(v)) {
                if (!addValue(it.key(), v, error)) {
                    return false;
                }
                ++local.valuesAdded;
            }
        }
    }

    if (!transaction.commit(error)) {
        return false;
    }
    if (counts) {
        *counts = local;
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
    QSqlQuery query;
    if (!m_database.exec(QStringLiteral("SELECT * FROM ") + entity.table + QLatin1String(" WHERE id = ?"), {id}, error,
                         &query) ||
        !query.next()) {
        return std::nullopt;
    }
    LocalRecord record;
    record.id = id;
    for (const LocalColumn& c : entity.columns) {
        const QVariant v = c.fromSql(query.value(c.name));
        if (v.isValid()) {
            record.values.insert(c.name, v);
        }
    }
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
    return m_database.exec(
        QStringLiteral("INSERT INTO value_lists (list, value) VALUES (?, ?) ON CONFLICT (list, value) DO NOTHING"),
        {list, trimmed}, error);
}

} // namespace Cw
