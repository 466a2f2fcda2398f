#include "core/sync/SyncLocalWriter.h"

#include "core/localdata/LocalRecordStore.h"
#include "core/store/BulkInsert.h"
#include "core/store/Database.h"
#include "core/sync/SyncSnapshot.h"

#include <QDate>
#include <QSet>

namespace Cw {

SyncLocalWriter::SyncLocalWriter(Database& database) : m_database(database) { }

SyncLocalWriter::~SyncLocalWriter() = default;

QHash<QString, QVariantHash> SyncLocalWriter::load(const LocalEntity& entity, const QStringList& ids,
                                                   StoreError* error) const
{
    return LocalRecordStore(m_database).load(entity, ids, error);
}

SyncLocalWriter::Row SyncLocalWriter::rowOf(const LocalEntity& entity, const QString& id, const QVariantHash& values)
{
    Row row;
    row.reserve(static_cast<std::size_t>(entity.columns.size()));
    for (const LocalColumn& c : entity.columns) {
        if (c.name == QLatin1String("id")) {
            row.push_back(id.toUtf8());
            continue;
        }
        const QVariant v = values.value(c.name);
        QString text;
        if (v.isValid() && !v.isNull()) {
            text = c.type == LocalColumn::Type::Date && v.typeId() == QMetaType::QDate
                ? v.toDate().toString(Qt::ISODate)
                : v.toString();
        }
        if (!v.isValid() || v.isNull()) {
            row.emplace_back();
        } else {
            row.push_back(text.isEmpty() ? QByteArray("") : text.toUtf8());
        }
    }
    return row;
}

SyncLocalWriter::Row SyncLocalWriter::pulledRow(const LocalEntity& entity, const PulledFields& values,
                                                QByteArray* snapshot)
{
    Row row;
    row.reserve(static_cast<std::size_t>(entity.columns.size()));
    snapshot->clear();
    snapshot->reserve(256);
    std::size_t hint = 0;
    bool first = true;
    for (const LocalColumn& c : entity.columns) {
        if (c.name == QLatin1String("id")) {
            row.emplace_back();
            continue;
        }
        const QVariant* v = values.find(c.name, &hint);
        QByteArray cell;
        if (v && v->typeId() == QMetaType::QByteArray) {
            cell = *static_cast<const QByteArray*>(v->constData()); // UTF-8 already
        } else if (v && v->isValid() && !v->isNull()) {
            cell = (c.type == LocalColumn::Type::Date && v->typeId() == QMetaType::QDate
                        ? v->toDate().toString(Qt::ISODate)
                        : v->toString())
                       .toUtf8();
        }
        if (cell.isEmpty()) {
            cell = QByteArray(); // what ConnectWise left empty is NULL
        }
        SyncSnapshot::appendCell(snapshot, c, cell, first);
        row.push_back(std::move(cell));
        first = false;
    }
    return row;
}

bool SyncLocalWriter::write(const LocalEntity& entity, const std::vector<Row>& rows, StoreError* error)
{
    if (rows.empty()) {
        return true;
    }
    if (!m_insert || m_insertTable != entity.table) {
        m_insert = LocalRecordStore::upsertStatement(m_database, entity.table, entity.columnNames());
        m_insertTable = entity.table;
    }
    BulkInsert& insert = *m_insert;
    insert.discard(); // nothing left over from a batch that failed
    QSet<QPair<QString, QByteArray>> listValues;
    for (const Row& row : rows) {
        for (qsizetype i = 0; i < entity.columns.size(); ++i) {
            const QByteArray& text = row[static_cast<std::size_t>(i)];
            if (text.isNull()) {
                insert.null();
                continue;
            }
            if (text.contains("\xEF\xBF\xBD")) { // U+FFFD: text decoded in the wrong encoding somewhere
                return StoreError::fail(
                    error, StoreError::Code::Invalid,
                    tr("%1 “%2”, column %3: the value holds the replacement character � (U+FFFD); "
                       "nothing of this page was written. Correct the value where it was entered.")
                        .arg(entity.name(), QString::fromUtf8(row.front()), entity.columns.at(i).name),
                    entity.columns.at(i).name);
            }
            insert.utf8(text);
            const QString& list = entity.columns.at(i).valueList;
            if (!list.isEmpty() && !text.isEmpty()) {
                listValues.insert({list, text});
            }
        }
        if (!insert.endRow(error)) {
            return false;
        }
    }
    if (!insert.finish(error)) {
        return false;
    }
    for (const auto& lv : listValues) {
        if (m_listed.contains(lv)) {
            continue; // written by an earlier page of this run (a pull sees the same few types again and again)
        }
        if (!m_database.exec(QStringLiteral("INSERT INTO value_lists (list, value) VALUES (?, ?)"
                                            " ON CONFLICT (list, value) DO NOTHING"),
                             {lv.first, QString::fromUtf8(lv.second)}, error)) {
            return false;
        }
        m_listed.insert(lv);
    }
    return true;
}

} // namespace Cw
