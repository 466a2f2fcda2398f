#include "core/store/DatabaseLocation.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace Cw {

namespace {

// libpq connection options that may come from the URL query; everything else is refused so that a typo
// does not silently weaken the connection (e.g. "sslmod=require").
const char* const kAllowedOptions[] = {
    "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name", "target_session_attrs"};

bool isAllowedOption(const QString& name)
{
    for (const char* allowed : kAllowedOptions) {
        if (name == QLatin1String(allowed)) {
            return true;
        }
    }
    return false;
}

} // namespace

DatabaseLocation DatabaseLocation::sqlite(const QString& filePath)
{
    DatabaseLocation location;
    location.kind = Kind::Sqlite;
    location.filePath = filePath;
    return location;
}

std::optional<DatabaseLocation> DatabaseLocation::fromPostgresUrl(const QString& text, QString* error)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QString usage = tr("Use postgresql://user[:password]@host[:port]/database.");
    auto fail = [error](const QString& message) {
        if (error) {
            *error = message;
        }
        return std::optional<DatabaseLocation>();
    };
    if (!url.isValid() || (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))) {
        return fail(tr("Database: this is not a PostgreSQL URL. %1").arg(usage));
    }
    DatabaseLocation location;
    location.kind = Kind::Postgres;
    location.host = url.host(QUrl::FullyDecoded);
    if (location.host.isEmpty()) {
        return fail(tr("Database: the PostgreSQL URL names no host. %1").arg(usage));
    }
    location.port = url.port(5432);
    if (location.port < 1 || location.port > 65535) {
        return fail(tr("Database: the port must be between 1 and 65535. %1").arg(usage));
    }
    location.user = url.userName(QUrl::FullyDecoded);
    if (location.user.isEmpty()) {
        return fail(tr("Database: the PostgreSQL URL names no user. %1").arg(usage));
    }
    location.password = url.password(QUrl::FullyDecoded);
    location.databaseName = url.path(QUrl::FullyDecoded);
    if (location.databaseName.startsWith(QLatin1Char('/'))) {
        location.databaseName.remove(0, 1);
    }
    if (location.databaseName.isEmpty() || location.databaseName.contains(QLatin1Char('/'))) {
        return fail(tr("Database: the PostgreSQL URL names no database. %1").arg(usage));
    }
    QStringList options;
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto& item : items) {
        if (!isAllowedOption(item.first)) {
            return fail(tr("Database: the URL option '%1' is not supported (supported: sslmode, sslrootcert, "
                           "sslcert, sslkey, connect_timeout, application_name, target_session_attrs).")
                            .arg(item.first));
        }
        if (item.second.contains(QLatin1Char(';')) || item.second.contains(QLatin1Char(' '))) {
            return fail(
                tr("Database: the value of the URL option '%1' must not contain spaces or ';'.").arg(item.first));
        }
        options.append(item.first + QLatin1Char('=') + item.second);
    }
    location.connectOptions = options.join(QLatin1Char(';'));
    return location;
}

std::optional<DatabaseLocation> DatabaseLocation::resolve(const QString& databaseOption, const QString& dataDir,
                                                          QString* error)
{
    QString value = databaseOption.trimmed();
    if (value.isEmpty()) {
        value = qEnvironmentVariable(environmentVariable).trimmed();
    }
    if (value.isEmpty()) {
        return sqlite(QDir(dataDir).filePath(defaultFileName()));
    }
    if (value.contains(QLatin1String("://"))) {
        return fromPostgresUrl(value, error);
    }
    return sqlite(QDir::isAbsolutePath(value) ? value : QDir(dataDir).filePath(value));
}

QString DatabaseLocation::hostAndPort() const
{
    const QString hostPart = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return hostPart + QLatin1Char(':') + QString::number(port);
}

QString DatabaseLocation::displayName() const
{
    if (kind == Kind::Sqlite) {
        return QDir::toNativeSeparators(filePath);
    }
    return QLatin1String("postgresql://") + user + QLatin1Char('@') + hostAndPort() + QLatin1Char('/') + databaseName;
}

} // namespace Cw
