#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace CwTest {

TestDatabase::~TestDatabase()
{
    if (m_postgres && !m_databaseName.isEmpty()) {
        QString error;
        // Identifier from hex digits only (see init()); FORCE closes a connection a failed test left open.
        if (!adminExec(m_server.databaseName,
                       QLatin1String("DROP DATABASE IF EXISTS ") + m_databaseName + QLatin1String(" WITH (FORCE)"),
                       &error)) {
            qWarning("TestDatabase: could not drop %s: %s", qPrintable(m_databaseName), qPrintable(error));
        }
    }
}

bool TestDatabase::adminExec(const QString& databaseName, const QString& sql, QString* error) const
{
    const QString name = QLatin1String("cwtest-admin-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_server.host);
        db.setPort(m_server.port);
        db.setUserName(m_server.user);
        db.setPassword(m_server.password);
        db.setDatabaseName(databaseName);
        db.setConnectOptions(QStringLiteral("connect_timeout=20"));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok) {
                *error = query.lastError().text();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool TestDatabase::init(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    m_postgres = qEnvironmentVariable("CW_TEST_DATABASE") == QLatin1String("postgres");
    if (!m_postgres) {
        return true;
    }
    const QString urlFile = qEnvironmentVariable("CW_PG_URL_FILE");
    QFile file(urlFile);
    if (urlFile.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the PostgreSQL test server is not running: no URL file '%1' (the postgres_setup "
                                "test, tests/support/pg-fixture.sh, must start it first)")
                     .arg(urlFile);
        return false;
    }
    QString parseError;
    const auto server = Cw::DatabaseLocation::fromPostgresUrl(QString::fromUtf8(file.readAll()).trimmed(), &parseError);
    if (!server) {
        *error = parseError;
        return false;
    }
    m_server = *server;
    const QString name = QLatin1String("cwtest_") + QUuid::createUuid().toString(QUuid::Id128);
    if (!adminExec(m_server.databaseName, QLatin1String("CREATE DATABASE ") + name, error)) {
        error->prepend(QStringLiteral("cannot create a test database on %1: ").arg(m_server.hostAndPort()));
        return false;
    }
    m_databaseName = name;
    return true;
}

Cw::DatabaseLocation TestDatabase::fresh(QString* error)
{
    if (!m_postgres) {
        return Cw::DatabaseLocation::sqlite(
            QDir(m_dir.path()).filePath(QStringLiteral("db%1.sqlite").arg(++m_counter)));
    }
    if (!adminExec(m_databaseName, QStringLiteral("DROP SCHEMA public CASCADE; CREATE SCHEMA public"), error)) {
        return {};
    }
    Cw::DatabaseLocation location = m_server;
    location.databaseName = m_databaseName;
    return location;
}

} // namespace CwTest
