#include "core/store/Database.h"

#include "core/store/Migrator.h"
#include "core/store/Schema.h"
#include "core/store/StoreLog.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>

namespace Cw {

namespace {

constexpr int kBusyTimeoutMs = 15000;
constexpr int kPostgresConnectTimeoutS = 10;

QString errorText(const QSqlError& error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty()) {
        text = error.driverText().trimmed();
    }
    return text.isEmpty() ? error.text().trimmed() : text;
}

} // namespace

Database::Database(DatabaseLocation location)
    : m_location(std::move(location))
    , m_connectionName(QLatin1String("cwconnector-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (m_depth > 0 && db.isOpen()) {
            db.rollback();
        }
        db.close();
    }
    m_depth = 0;
    m_rollbackOnly = false;
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

Database::Dialect Database::dialect() const
{
    return m_location.kind == DatabaseLocation::Kind::Postgres ? Dialect::Postgres : Dialect::Sqlite;
}

bool Database::open(StoreError* error)
{
    return connect(error) && migrate(Schema::migrations(), error);
}

bool Database::connect(StoreError* error)
{
    close();
    const bool ok = dialect() == Dialect::Sqlite ? connectSqlite(error) : connectPostgres(error);
    if (!ok) {
        close();
        return false;
    }
    qCInfo(lcStore) << "opened database" << m_location.displayName();
    return true;
}

bool Database::connectSqlite(StoreError* error)
{
    const QString path = m_location.filePath;
    const QString shown = QDir::toNativeSeparators(path);
    auto cannotOpen = [&](const QString& reason) {
        return StoreError::fail(error, StoreError::Code::CannotOpen,
                                tr("Cannot open the database file %1: %2").arg(shown, reason));
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return cannotOpen(tr("the Qt SQLite driver (QSQLITE) is not installed."));
    }
    if (path.isEmpty()) {
        return cannotOpen(tr("no file name was given."));
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        return cannotOpen(tr("this is a folder, not a file."));
    }
    if (!QDir().mkpath(info.absolutePath())) {
        return cannotOpen(tr("its folder %1 cannot be created.").arg(QDir::toNativeSeparators(info.absolutePath())));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open()) {
        return cannotOpen(errorText(db.lastError()));
    }
    // The first statement reads the file header: a file that is not a database fails here.
    QSqlQuery mode(db);
    if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !mode.next()) {
        return cannotOpen(errorText(mode.lastError()));
    }
    if (mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        qCWarning(lcStore) << "SQLite refused WAL mode for" << shown << "- journal mode is" << mode.value(0);
    }
    mode.finish();
    const QString pragmas[] = {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA synchronous=FULL"),
                               QStringLiteral("PRAGMA busy_timeout=%1").arg(kBusyTimeoutMs)};
    for (const QString& pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(pragma)) {
            return cannotOpen(errorText(query.lastError()));
        }
    }
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA foreign_keys")) || !check.next() || check.value(0).toInt() != 1) {
        return cannotOpen(tr("this SQLite library does not enforce foreign keys."));
    }
    return true;
}

bool Database::connectPostgres(StoreError* error)
{
    auto unreachable = [&](const QString& reason) {
        return StoreError::fail(error, StoreError::Code::Unreachable,
                                tr("Cannot connect to the PostgreSQL server at %1 (database '%2', user '%3'): %4")
                                    .arg(m_location.hostAndPort(), m_location.databaseName, m_location.user, reason));
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return unreachable(tr("the Qt PostgreSQL driver (QPSQL) is not installed."));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(m_location.host);
    db.setPort(m_location.port);
    db.setUserName(m_location.user);
    db.setPassword(m_location.password);
    db.setDatabaseName(m_location.databaseName);
    QString options = m_location.connectOptions;
    if (!options.contains(QLatin1String("connect_timeout="))) {
        options.prepend(QStringLiteral("connect_timeout=%1;").arg(kPostgresConnectTimeoutS));
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        return unreachable(errorText(db.lastError()));
    }
    QSqlQuery quiet(db);
    if (!quiet.exec(QStringLiteral("SET client_min_messages TO warning"))) {
        return unreachable(errorText(quiet.lastError()));
    }
    return true;
}

bool Database::migrate(const QList<Migration>& migrations, StoreError* error)
{
    if (!isOpen()) {
        return StoreError::fail(error, StoreError::Code::Query, tr("The database is not open."));
    }
    return Migrator(*this).run(migrations, error);
}

QString Database::databaseId(StoreError* error) const
{
    const QString name = QStringLiteral("database_id");
    QSqlQuery q;
    if (!exec(QStringLiteral("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"),
              {name, QUuid::createUuid().toString(QUuid::WithoutBraces)}, error) ||
        !exec(QStringLiteral("SELECT value FROM meta WHERE name = ?"), {name}, error, &q) || !q.next()) {
        return QString();
    }
    return q.value(0).toString();
}

int Database::schemaVersion(StoreError* error) const
{
    QSqlQuery query;
    const bool hasMeta = connection().tables().contains(QStringLiteral("meta"), Qt::CaseInsensitive);
    if (!hasMeta) {
        return 0;
    }
    if (!exec(QStringLiteral("SELECT value FROM meta WHERE name = ?"), {QStringLiteral("schema_version")}, error,
              &query)) {
        return -1;
    }
    return query.next() ? query.value(0).toString().toInt() : 0;
}

bool Database::queryError(const QSqlQuery& query, StoreError* error) const
{
    const QSqlError sqlError = query.lastError();
    qCWarning(lcStore) << "statement failed:" << errorText(sqlError);
    StoreError::fail(error, StoreError::Code::Query,
                     tr("The database %1 refused a statement: %2").arg(m_location.displayName(), errorText(sqlError)));
    if (error) {
        error->nativeCode = sqlError.nativeErrorCode();
    }
    return false;
}

bool Database::prepare(QSqlQuery* query, const QString& sql, StoreError* error) const
{
    *query = QSqlQuery(connection());
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        return queryError(*query, error);
    }
    return true;
}

bool Database::execPrepared(QSqlQuery& query, StoreError* error) const
{
    if (!query.exec()) {
        return queryError(query, error);
    }
    return true;
}

bool Database::exec(const QString& sql, const QVariantList& values, StoreError* error, QSqlQuery* result) const
{
    if (!isOpen()) {
        return StoreError::fail(error, StoreError::Code::Query, tr("The database is not open."));
    }
    QSqlQuery query;
    if (values.isEmpty()) {
        // Nothing to bind (DDL, PRAGMA, constant SQL): run it directly, since PostgreSQL cannot PREPARE DDL.
        query = QSqlQuery(connection());
        query.setForwardOnly(true);
        if (!query.exec(sql)) {
            return queryError(query, error);
        }
    } else {
        if (!prepare(&query, sql, error)) {
            return false;
        }
        for (const QVariant& value : values) {
            // A null QString is text, not NULL: drivers differ here, so make it '' everywhere. QVariant() is NULL.
            const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
            query.addBindValue(nullText ? QVariant(QStringLiteral("")) : value);
        }
        if (!execPrepared(query, error)) {
            return false;
        }
    }
    if (result) {
        *result = std::move(query);
    }
    return true;
}

bool Database::beginWrite(StoreError* error)
{
    if (m_depth > 0) {
        ++m_depth;
        return true;
    }
    if (!isOpen()) {
        return StoreError::fail(error, StoreError::Code::Query, tr("The database is not open."));
    }
    if (dialect() == Dialect::Sqlite) {
        if (!exec(QStringLiteral("BEGIN IMMEDIATE"), {}, error)) {
            return false;
        }
    } else {
        QSqlDatabase db = connection();
        if (!db.transaction()) {
            return StoreError::fail(error, StoreError::Code::Query,
                                    tr("The database %1 could not start a transaction: %2")
                                        .arg(m_location.displayName(), errorText(db.lastError())));
        }
    }
    m_depth = 1;
    m_rollbackOnly = false;
    return true;
}

bool Database::commit(StoreError* error)
{
    if (m_depth == 0) {
        return StoreError::fail(error, StoreError::Code::Query, tr("There is no transaction to commit."));
    }
    if (m_depth > 1) {
        --m_depth;
        return true;
    }
    if (m_rollbackOnly) {
        rollback();
        return StoreError::fail(error, StoreError::Code::Query,
                                tr("A part of this change failed, so none of it was saved."));
    }
    QSqlDatabase db = connection();
    if (!db.commit()) {
        const QString reason = errorText(db.lastError());
        rollback();
        return StoreError::fail(
            error, StoreError::Code::Query,
            tr("The database %1 could not save the change: %2").arg(m_location.displayName(), reason));
    }
    m_depth = 0;
    return true;
}

void Database::rollback()
{
    if (m_depth == 0) {
        return;
    }
    if (m_depth > 1) {
        --m_depth;
        m_rollbackOnly = true;
        return;
    }
    QSqlDatabase db = connection();
    if (!db.rollback()) {
        qCWarning(lcStore) << "rollback failed:" << errorText(db.lastError());
    }
    m_depth = 0;
    m_rollbackOnly = false;
}

bool Database::isUniqueViolation(const StoreError& error)
{
    const QString& code = error.nativeCode;
    // PostgreSQL: SQLSTATE 23505. SQLite: SQLITE_CONSTRAINT (19) or its UNIQUE / PRIMARYKEY extended codes.
    return code == QLatin1String("23505") || code == QLatin1String("19") || code == QLatin1String("2067") ||
        code == QLatin1String("1555");
}

WriteTransaction::~WriteTransaction()
{
    if (m_active) {
        m_database.rollback();
    }
}

bool WriteTransaction::begin(StoreError* error)
{
    m_active = m_database.beginWrite(error);
    return m_active;
}

bool WriteTransaction::commit(StoreError* error)
{
    m_active = false;
    return m_database.commit(error);
}

} // namespace Cw
