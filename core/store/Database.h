#pragma once

#include "core/store/DatabaseLocation.h"
#include "core/store/Migration.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace Cw {

// One connection to the connector database (SQLite file or PostgreSQL server) through Qt Sql.
//
// Each Database object owns a uniquely named QSqlDatabase connection, so several can coexist (a worker thread
// opens its own Database on the same location: a connection must only be used by the thread that opened it);
// the destructor closes it and removes the connection. SQLite runs with WAL, foreign_keys=ON, a busy timeout,
// and synchronous=FULL: in WAL mode FULL syncs the log at every commit, so a committed transaction survives
// a process kill and also a power cut or OS crash (NORMAL may lose the last commits on power loss; the
// product promises "no data is lost by a crash", and syncs commit per page, so the cost is one fsync per
// page). Values reach SQL only through bound placeholders, never through string building.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::Database)

public:
    enum class Dialect { Sqlite, Postgres };

    explicit Database(DatabaseLocation location);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Connects and brings the schema up to date (Schema::migrations()). Typed errors: CannotOpen (path +
    // reason), Unreachable (host:port + reason), NewerSchema, Migration.
    bool open(StoreError* error = nullptr);
    // The two halves of open(), for tests and tools.
    bool connect(StoreError* error = nullptr);
    bool migrate(const QList<Migration>& migrations, StoreError* error = nullptr);
    void close();

    bool isOpen() const;
    Dialect dialect() const;
    const DatabaseLocation& location() const { return m_location; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const;
    // A random id for this database, made on first use and kept in the meta table. Keychain entries are
    // named after it and the connector id, so two databases never share (or overwrite) each other's keys.
    QString databaseId(StoreError* error = nullptr) const;
    // The schema version recorded in the meta table; 0 for an empty database, -1 on error.
    int schemaVersion(StoreError* error = nullptr) const;

    // Prepares `sql` with ? placeholders, binds `values` in order, executes (without values: runs it directly,
    // as PostgreSQL cannot prepare DDL). `result` (optional) receives the
    // executed query to read rows from (forward only). Bind bools as int 0/1 and times as qint64 ms; a QString
    // is always bound as text (a null QString as ''), and SQL NULL is bound as QVariant().
    bool exec(const QString& sql, const QVariantList& values = {}, StoreError* error = nullptr,
              QSqlQuery* result = nullptr) const;
    // For statements run many times (bulk writes): prepare once, then bind and execPrepared() per row.
    bool prepare(QSqlQuery* query, const QString& sql, StoreError* error = nullptr) const;
    bool execPrepared(QSqlQuery& query, StoreError* error = nullptr) const;

    // Write transactions. SQLite takes the write lock at the start (BEGIN IMMEDIATE), so a transaction never
    // fails half-way because another process wrote first; PostgreSQL uses BEGIN. Nesting is flat: an inner
    // begin/commit joins the outer transaction, and an inner rollback makes the outer commit fail.
    bool beginWrite(StoreError* error = nullptr);
    bool commit(StoreError* error = nullptr);
    void rollback();
    bool inTransaction() const { return m_depth > 0; }

    // True when the error is a violated UNIQUE or PRIMARY KEY constraint.
    static bool isUniqueViolation(const StoreError& error);

private:
    bool connectSqlite(StoreError* error);
    bool connectPostgres(StoreError* error);
    bool queryError(const QSqlQuery& query, StoreError* error) const;

    DatabaseLocation m_location;
    QString m_connectionName;
    int m_depth = 0;
    bool m_rollbackOnly = false;
};

// Rolls back on destruction unless commit() succeeded: nothing is half-saved on an early return.
class WriteTransaction final
{
public:
    explicit WriteTransaction(Database& database) : m_database(database) { }
    ~WriteTransaction();
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    bool begin(StoreError* error = nullptr);
    bool commit(StoreError* error = nullptr);

private:
    Database& m_database;
    bool m_active = false;
};

} // namespace Cw
