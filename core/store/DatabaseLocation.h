#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Cw {

// Where the database lives: a SQLite file (the default, in the data directory) or a PostgreSQL server given
// as postgresql://user[:password]@host[:port]/database[?sslmode=...]. The password is kept only here, passed
// to the driver and never logged: displayName() leaves it out.
struct DatabaseLocation
{
    Q_DECLARE_TR_FUNCTIONS(Cw::DatabaseLocation)

public:
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString filePath; // Sqlite
    QString host; // Postgres
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QString connectOptions; // libpq options from the URL query, "sslmode=require;connect_timeout=10"

    static constexpr const char* environmentVariable = "CWCONNECTOR_DATABASE";
    static QString defaultFileName() { return QStringLiteral("cwconnector.sqlite"); }

    static DatabaseLocation sqlite(const QString& filePath);

    // Parses a postgresql:// (or postgres://) URL. Anything else is refused with a message naming the field.
    static std::optional<DatabaseLocation> fromPostgresUrl(const QString& url, QString* error);

    // The location a program should open: `databaseOption` (the --database value) when set, else the
    // CWCONNECTOR_DATABASE environment variable when set, else the SQLite file defaultFileName() in dataDir.
    // A value without "://" is taken as a SQLite file path.
    static std::optional<DatabaseLocation> resolve(const QString& databaseOption, const QString& dataDir,
                                                   QString* error);

    // For messages and logs: the file path, or postgresql://user@host:port/database (never the password).
    QString displayName() const;
    QString hostAndPort() const;
};

} // namespace Cw
