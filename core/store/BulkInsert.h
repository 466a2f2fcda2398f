#pragma once

#include "core/store/BulkStatement.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace Cw {

class Database;

// Many rows into one table, several rows per statement: INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ... with
// an optional tail (ON CONFLICT ... DO UPDATE ...). Each statement costs SQLite a fixed ~6,000 instructions
// (transaction bookkeeping, halt) besides its rows, and PostgreSQL a round trip, so a pulled page of 1000
// records is written in ~16 statements per table instead of 1000. It joins the Database's transaction.
// The rows of one statement must not repeat a conflict key (PostgreSQL refuses to update a row twice).
//
//   BulkInsert insert(db, QStringLiteral("INSERT INTO t (a, b) VALUES"), 2, QStringLiteral(" ON CONFLICT ..."));
//   insert.text(a); insert.integer(b); if (!insert.endRow(&error)) ...;   then  insert.finish(&error)
// It can be kept and reused batch after batch (the statements stay prepared); discard() before reusing it
// after a failure.
class BulkInsert final
{
public:
    BulkInsert(Database& database, QString head, int columns, QString tail = {}, int rowsPerStatement = 64);
    ~BulkInsert();
    Q_DISABLE_COPY_MOVE(BulkInsert)

    void text(const QString& value); // a null QString is stored as ''
    void utf8(const QByteArray& value); // text already in UTF-8 (a null QByteArray is stored as '')
    void integer(qint64 value);
    void null();
    void textOrNull(const QString& value); // empty -> NULL
    bool endRow(StoreError* error = nullptr); // writes a full batch
    bool finish(StoreError* error = nullptr); // writes the rest
    void discard() { m_values.clear(); } // drops rows not written yet (after a failed batch, before reuse)

private:
    struct Value
    {
        enum class Kind { Null, Integer, Text } kind = Kind::Null;
        qint64 integer = 0;
        QByteArray text; // UTF-8
    };
    bool flush(StoreError* error);
    BulkStatement* statementFor(int rows, StoreError* error);

    Database& m_database;
    QString m_head;
    QString m_tail;
    int m_columns;
    int m_rowsPerStatement;
    std::vector<Value> m_values; // the pending rows, row after row
    std::unique_ptr<BulkStatement> m_full; // prepared for m_rowsPerStatement rows
    std::unique_ptr<BulkStatement> m_rest; // the last, shorter statement
    int m_restRows = 0; // how many rows m_rest is prepared for
};

} // namespace Cw
