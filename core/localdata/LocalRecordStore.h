#pragma once

#include "core/localdata/CsvEntityParser.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QHash>
#include <QPair>
#include <QSet>

#include <memory>

class QSqlQuery;

namespace Cw {

class BulkInsert;
class Database;

// Writes the local system's records (accounts, products, ...) and its value lists into the database.
// A batch is written in one transaction (joining the caller's, if one is open): all of it or none. A record whose
// id exists is updated, so importing the same file twice changes nothing the second time. Only the batch's ids
// are read back, so a batch costs the same whatever the table holds. A value holding U+FFFD (text decoded in the
// wrong encoding) is refused, naming the row and column: it is never stored, whoever writes.
// One object per import: it remembers the value-list entries it wrote and keeps its statement prepared.
class LocalRecordStore final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::LocalRecordStore)

public:
    struct Counts
    {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int valuesAdded = 0; // new entries in the value lists fed by the batch
    };

    explicit LocalRecordStore(Database& database);
    ~LocalRecordStore();
    Q_DISABLE_COPY_MOVE(LocalRecordStore)

    // Adds the batch's inserts, updates and unchanged records to *counts.
    bool upsert(const LocalEntity& entity, const QList<LocalRecord>& records, Counts* counts,
                StoreError* error = nullptr);

    // Every record in id order, each value as its text (dates as the ISO text stored): what a push reads.
    QList<LocalRecord> all(const LocalEntity& entity, StoreError* error = nullptr) const;
    int count(const LocalEntity& entity, StoreError* error = nullptr) const;
    std::optional<LocalRecord> find(const LocalEntity& entity, const QString& id, StoreError* error = nullptr) const;
    // The stored records among ids, by id; values typed (dates as QDate, decimals canonical).
    QHash<QString, QVariantHash> load(const LocalEntity& entity, const QStringList& ids, StoreError* error) const;
    // The values of one list (account_type, currency, ...), sorted; and adding one by hand.
    QStringList values(const QString& list, StoreError* error = nullptr) const;
    bool addValue(const QString& list, const QString& value, StoreError* error = nullptr);

    // The batched "INSERT ... ON CONFLICT (id) DO UPDATE" of these columns of table: the import's (the CSV columns)
    // and the pull's (every column).
    static std::unique_ptr<BulkInsert> upsertStatement(Database& database, const QString& table,
                                                       const QStringList& names);
    // False (with the row, id and column) when a value of record holds U+FFFD.
    static bool checkStorable(const LocalEntity& entity, const LocalRecord& record, StoreError* error);

private:
    static QVariantHash withoutPulledOnly(const LocalEntity& entity, QVariantHash row); // what an import compares
    static QVariantHash rowValues(const LocalEntity& entity, const QSqlQuery& query); // columns in schema order
    bool writeValues(const QHash<QString, QSet<QString>>& lists, Counts* counts, StoreError* error);

    Database& m_database;
    std::unique_ptr<BulkInsert> m_insert; // the upsert of the last entity written, prepared once
    QString m_insertTable;
    QSet<QPair<QString, QString>> m_listed; // value_lists entries written through this object
};

} // namespace Cw
