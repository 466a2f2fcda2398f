#pragma once

#include "core/store/StoreError.h"

#include <QSqlQuery>
#include <QString>

#include <memory>

namespace Cw {

class Database;

// One INSERT/UPDATE run many times with ? placeholders, for bulk writes (a pulled page: 1000 records with
// their link and outcome rows). On SQLite built against the same libsqlite3 as Qt's driver
// (CW_NATIVE_SQLITE) it prepares on the connection's own sqlite3 handle and binds with sqlite3_bind_*:
// QSqlQuery::bindValue costs ~2,000 instructions per value (it formats a placeholder name each time), which
// was a third of a pull's time. Otherwise, and always on PostgreSQL, it is a prepared QSqlQuery. Either way
// it joins the Database's current transaction, and values only reach SQL as bound parameters.
//
// Bind every placeholder (0-based) before each exec(). Destroy it before the Database closes.
class BulkStatement final
{
public:
    explicit BulkStatement(Database& database);
    ~BulkStatement();
    Q_DISABLE_COPY_MOVE(BulkStatement)

    bool prepare(const QString& sql, StoreError* error = nullptr);
    bool isNative() const { return m_native != nullptr; }

    void bindText(int index, const QString& value); // a null QString is bound as ''
    void bindUtf8(int index, QByteArray utf8); // text already in UTF-8
    void bindInt(int index, qint64 value);
    void bindNull(int index);
    void bindTextOrNull(int index, const QString& value); // empty -> NULL
    bool exec(StoreError* error = nullptr); // a write: runs it to the end

    // A read: query() runs it, next() moves to each row (false after the last one or on an error), and the
    // values are read by column.
    bool query(StoreError* error = nullptr);
    bool next();
    qint64 integerValue(int column) const;
    QString textValue(int column) const;

private:
    struct Native;
    Database& m_database;
    std::unique_ptr<Native> m_native;
    QSqlQuery m_query;
};

} // namespace Cw
