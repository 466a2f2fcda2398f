#pragma once

#include "core/localdata/CsvEntityParser.h"
#include "core/store/StoreError.h"
#include "core/sync/PulledFields.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace Cw {

class BulkInsert;
class Database;

// Reads and writes local records one pulled page at a time: only the page's ids are read, and the page is
// upserted with one prepared statement (cost per page independent of the table size). Values of columns fed
// into value lists (account_type, currency, ...) are added to value_lists. Joins the caller's transaction. A value
// holding U+FFFD is refused (naming the record and the column), as LocalRecordStore refuses it.
class SyncLocalWriter final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncLocalWriter)

public:
    explicit SyncLocalWriter(Database& database);
    ~SyncLocalWriter();
    Q_DISABLE_COPY_MOVE(SyncLocalWriter)

    // A record as written: one UTF-8 text per column of the entity, in schema order ("id" first); a null
    // QByteArray is SQL NULL. (UTF-8 already: a pull makes new records' rows on its parsing thread.)
    using Row = std::vector<QByteArray>;
    // A stored record merged with pulled values (an empty value stays an empty text).
    static Row rowOf(const LocalEntity& entity, const QString& id, const QVariantHash& values);
    // A pulled record that is new locally, with its snapshot, in one pass (the pull's parsing thread does this for
    // every record): empty values are NULL, and the id column is left empty for the caller to set.
    // Text values may be UTF-8 QByteArrays (JsonView::toUtf8): they go into the row as they are. snapshot: UTF-8.
    static Row pulledRow(const LocalEntity& entity, const PulledFields& values, QByteArray* snapshot);

    // The stored records among ids, by id; values typed as LocalRecordStore gives them (dates as QDate).
    QHash<QString, QVariantHash> load(const LocalEntity& entity, const QStringList& ids, StoreError* error) const;
    bool write(const LocalEntity& entity, const std::vector<Row>& rows, StoreError* error);
    // After a page that was rolled back: the value-list entries it wrote are gone, so write them again.
    void forgetListed() { m_listed.clear(); }

private:
    Database& m_database;
    // The upsert of the last entity written, prepared once (a pull writes one entity page after page).
    std::unique_ptr<BulkInsert> m_insert;
    QString m_insertTable;
    QSet<QPair<QString, QByteArray>> m_listed; // value_lists entries written in this run
};

} // namespace Cw
