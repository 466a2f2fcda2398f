#include "core/store/BulkStatement.h"

#include "core/store/Database.h"
#include "core/store/StoreLog.h"

#include <QSqlDriver>
#include <QVariant>

#include <vector>

#ifdef CW_NATIVE_SQLITE
#include <sqlite3.h>
#endif

namespace Cw {

#ifdef CW_NATIVE_SQLITE
struct BulkStatement::Native
{
    sqlite3* db = nullptr;
    sqlite3_stmt* statement = nullptr;
    std::vector<QByteArray> buffers; // the bound text of each placeholder (bound SQLITE_STATIC)
    ~Native() { sqlite3_finalize(statement); }
};

namespace {

sqlite3* handleOf(const Database& database)
{
    if (database.dialect() != Database::Dialect::Sqlite) {
        return nullptr;
    }
    const QVariant handle = database.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    // Guard against a Qt whose driver embeds its own SQLite: the handle would belong to another copy of the
    // library. The version the driver runs must be the one linked here (checked once per process).
    static const bool sameLibrary = [&database] {
        QSqlQuery q(database.connection());
        const bool same = q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next() &&
            q.value(0).toString() == QLatin1String(sqlite3_libversion());
        if (!same) {
            qCInfo(lcStore) << "Qt's SQLite driver does not use the linked libsqlite3; bulk writes use QSqlQuery";
        }
        return same;
    }();
    return sameLibrary ? *static_cast<sqlite3* const*>(handle.constData()) : nullptr;
}

} // namespace
#else
struct BulkStatement::Native
{
};
#endif

BulkStatement::BulkStatement(Database& database) : m_database(database) { }

BulkStatement::~BulkStatement() = default;

bool BulkStatement::prepare(const QString& sql, StoreError* error)
{
    m_native.reset();
#ifdef CW_NATIVE_SQLITE
    if (sqlite3* db = handleOf(m_database)) {
        auto native = std::make_unique<Native>();
        native->db = db;
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(db, utf8.constData(), static_cast<int>(utf8.size()), &native->statement, nullptr) !=
            SQLITE_OK) {
            const QString text = QString::fromUtf8(sqlite3_errmsg(db));
            qCWarning(lcStore) << "statement failed:" << text;
            return StoreError::fail(
                error, StoreError::Code::Query,
                Database::tr("The database %1 refused a statement: %2").arg(m_database.location().displayName(), text));
        }
        m_native = std::move(native);
        return true;
    }
#endif
    return m_database.prepare(&m_query, sql, error);
}

void BulkStatement::bindText(int index, const QString& value)
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        // UTF-8 through Qt's fast converter (sqlite3_bind_text16 converts byte by byte: 1,400 instructions a value).
        bindUtf8(index, value.toUtf8());
        return;
    }
#endif
    m_query.bindValue(index, value.isNull() ? QString(QLatin1String("")) : value);
}

void BulkStatement::bindUtf8(int index, QByteArray utf8)
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        // Kept alive until this placeholder is bound again (SQLITE_STATIC: no copy).
        if (static_cast<int>(m_native->buffers.size()) <= index) {
            m_native->buffers.resize(static_cast<std::size_t>(index) + 1);
        }
        QByteArray& buffer = m_native->buffers[static_cast<std::size_t>(index)];
        buffer = std::move(utf8);
        sqlite3_bind_text(m_native->statement, index + 1, buffer.isNull() ? "" : buffer.constData(),
                          static_cast<int>(buffer.size()), SQLITE_STATIC);
        return;
    }
#endif
    const QString text = QString::fromUtf8(utf8);
    m_query.bindValue(index, text.isNull() ? QString(QLatin1String("")) : text); // '', never NULL
}

void BulkStatement::bindInt(int index, qint64 value)
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        sqlite3_bind_int64(m_native->statement, index + 1, value);
        return;
    }
#endif
    m_query.bindValue(index, value);
}

void BulkStatement::bindNull(int index)
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        sqlite3_bind_null(m_native->statement, index + 1);
        return;
    }
#endif
    m_query.bindValue(index, QVariant(QMetaType(QMetaType::QString)));
}

void BulkStatement::bindTextOrNull(int index, const QString& value)
{
    if (value.isEmpty()) {
        bindNull(index);
    } else {
        bindText(index, value);
    }
}

bool BulkStatement::exec(StoreError* error)
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        const int rc = sqlite3_step(m_native->statement);
        if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
            sqlite3_reset(m_native->statement);
            return true;
        }
        const QString text = QString::fromUtf8(sqlite3_errmsg(m_native->db));
        const int code = sqlite3_extended_errcode(m_native->db);
        sqlite3_reset(m_native->statement);
        qCWarning(lcStore) << "statement failed:" << text;
        StoreError::fail(
            error, StoreError::Code::Query,
            Database::tr("The database %1 refused a statement: %2").arg(m_database.location().displayName(), text));
        if (error) {
            error->nativeCode = QString::number(code);
        }
        return false;
    }
#endif
    return m_database.execPrepared(m_query, error);
}

bool BulkStatement::query(StoreError* error)
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        sqlite3_reset(m_native->statement);
        return true;
    }
#endif
    return m_database.execPrepared(m_query, error);
}

bool BulkStatement::next()
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        const int rc = sqlite3_step(m_native->statement);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            qCWarning(lcStore) << "statement failed:" << sqlite3_errmsg(m_native->db);
        }
        sqlite3_reset(m_native->statement);
        return false;
    }
#endif
    return m_query.next();
}

qint64 BulkStatement::integerValue(int column) const
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        return sqlite3_column_int64(m_native->statement, column);
    }
#endif
    return m_query.value(column).toLongLong();
}

QString BulkStatement::textValue(int column) const
{
#ifdef CW_NATIVE_SQLITE
    if (m_native) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_native->statement, column));
        return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_native->statement, column)) : QString();
    }
#endif
    return m_query.value(column).toString();
}

} // namespace Cw
