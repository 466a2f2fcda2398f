#pragma once

#include "core/store/DatabaseLocation.h"

#include <QString>
#include <QTemporaryDir>

namespace CwTest {

// The database backend of a storage test. By default: SQLite files in a temporary folder. With
// CW_TEST_DATABASE=postgres (set by cw_add_postgres_variant): a database with a random name, created on the
// fixture's PostgreSQL server (URL in the file CW_PG_URL_FILE) and dropped by the destructor, so test
// executables can run in parallel. init() fails - it never skips - when that server cannot be used.
class TestDatabase final
{
public:
    TestDatabase() = default;
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    bool init(QString* error);
    bool isPostgres() const { return m_postgres; }
    QString backendName() const { return m_postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"); }

    // An empty database. SQLite: a new file. PostgreSQL: the test database with its schema emptied (close every
    // Cw::Database on it first).
    Cw::DatabaseLocation fresh(QString* error);
    // The server's maintenance URL (PostgreSQL) for tests that need one; empty on SQLite.
    Cw::DatabaseLocation serverLocation() const { return m_server; }
    QString tempPath() const { return m_dir.path(); }

private:
    bool adminExec(const QString& databaseName, const QString& sql, QString* error) const;

    QTemporaryDir m_dir;
    bool m_postgres = false;
    Cw::DatabaseLocation m_server;
    QString m_databaseName;
    int m_counter = 0;
};

} // namespace CwTest
