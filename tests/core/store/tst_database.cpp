#include "core/store/Database.h"
#include "core/store/Schema.h"
#include "tests/support/TestDatabase.h"

#include <QFile>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QThread>

using Cw::Database;
using Cw::DatabaseLocation;
using Cw::StoreError;

namespace {

QStringList g_logged;

void captureMessages(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_logged.append(message);
}

} // namespace

// Runs on SQLite, and once more on PostgreSQL as tst_database_pg (CW_TEST_DATABASE=postgres).
class TestDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void freshDatabaseIsMigrated();
    void reopenIsIdempotent();
    void newerSchemaIsRefused();
    void failedMigrationIsRolledBack();
    void connectionSettings();
    void severalConnectionsCoexist();
    void concurrentFirstOpenMigratesOnce();
    void transactionsRollBack();
    void nestedRollbackFailsOuterCommit();
    void boundValuesRoundTrip();
    void localSystemTablesTakeCsvColumns();
    void cannotOpenFile();
    void postgresUnreachableNamesHostAndHidesPassword();
    void postgresUrl_data();
    void postgresUrl();
    void resolveLocation();

private:
    DatabaseLocation fresh();
    CwTest::TestDatabase m_backend;
};

void TestDatabase::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
    qInfo("backend: %s", qPrintable(m_backend.backendName()));
}

DatabaseLocation TestDatabase::fresh()
{
    QString error;
    const DatabaseLocation location = m_backend.fresh(&error);
    if (!error.isEmpty()) {
        qFatal("cannot prepare a test database: %s", qPrintable(error));
    }
    return location;
}

void TestDatabase::freshDatabaseIsMigrated()
{
    Database db(fresh());
    StoreError error;
    QVERIFY2(db.open(&error), qPrintable(error.message));
    QCOMPARE(db.schemaVersion(), Cw::Schema::latestVersion());
    const QStringList tables = db.connection().tables();
    const QStringList expected = {
        QStringLiteral("meta"),         QStringLiteral("instances"),     QStringLiteral("server_variables"),
        QStringLiteral("sync_options"), QStringLiteral("lookups"),       QStringLiteral("user_mappings"),
        QStringLiteral("accounts"),     QStringLiteral("products"),      QStringLiteral("invoices"),
        QStringLiteral("orders"),       QStringLiteral("payments"),      QStringLiteral("users"),
        QStringLiteral("value_lists"),  QStringLiteral("invoice_lines"), QStringLiteral("order_lines")};
    for (const QString& table : expected) {
        QVERIFY2(tables.contains(table), qPrintable(table));
    }
    QCOMPARE(db.dialect(), m_backend.isPostgres() ? Database::Dialect::Postgres : Database::Dialect::Sqlite);
}

void TestDatabase::reopenIsIdempotent()
{
    const DatabaseLocation location = fresh();
    {
        Database db(location);
        QVERIFY(db.open());
        QVERIFY(db.exec(QStringLiteral("INSERT INTO users (id, name, email) VALUES (?, ?, ?)"),
                        {QStringLiteral("u1"), QStringLiteral("Ann"), QStringLiteral("ann@example.com")}));
    }
    for (int round = 0; round < 2; ++round) {
        Database db(location);
        StoreError error;
        QVERIFY2(db.open(&error), qPrintable(error.message));
        QCOMPARE(db.schemaVersion(), Cw::Schema::latestVersion());
        QSqlQuery q;
        QVERIFY(db.exec(QStringLiteral("SELECT COUNT(*) FROM users"), {}, nullptr, &q));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
}

void TestDatabase::newerSchemaIsRefused()
{
    const DatabaseLocation location = fresh();
    {
        Database db(location);
        QVERIFY(db.open());
        QVERIFY(db.exec(QStringLiteral("UPDATE meta SET value = ? WHERE name = ?"),
                        {QString::number(Cw::Schema::latestVersion() + 1), QStringLiteral("schema_version")}));
    }
    Database db(location);
    StoreError error;
    QVERIFY(!db.open(&error));
    QCOMPARE(error.code, StoreError::Code::NewerSchema);
    QVERIFY2(error.message.contains(QLatin1String("written by a newer cwconnector")), qPrintable(error.message));
}

void TestDatabase::failedMigrationIsRolledBack()
{
    Database db(fresh());
    QVERIFY(db.connect());
    QList<Cw::Migration> migrations = {{1, QStringLiteral("one"), {QStringLiteral("CREATE TABLE one (id TEXT)")}}};
    QVERIFY(db.migrate(migrations));
    QCOMPARE(db.schemaVersion(), 1);
    migrations.append({2,
                       QStringLiteral("two"),
                       {QStringLiteral("CREATE TABLE two (id TEXT)"), QStringLiteral("INSERT INTO two VALUES ('a')"),
                        QStringLiteral("THIS IS NOT SQL")}});
    StoreError error;
    QVERIFY(!db.migrate(migrations, &error));
    QCOMPARE(error.code, StoreError::Code::Migration);
    QVERIFY2(error.message.contains(QLatin1String("schema version 2")), qPrintable(error.message));
    QCOMPARE(db.schemaVersion(), 1);
    QVERIFY(!db.connection().tables().contains(QStringLiteral("two")));
    QVERIFY(!db.inTransaction());
    // Fixed, the migration applies; running it again is a no-op.
    migrations.last().statements.removeLast();
    QVERIFY(db.migrate(migrations));
    QVERIFY(db.migrate(migrations));
    QCOMPARE(db.schemaVersion(), 2);
}

void TestDatabase::connectionSettings()
{
    Database db(fresh());
    QVERIFY(db.open());
    if (m_backend.isPostgres()) {
        QSqlQuery q;
        QVERIFY(db.exec(QStringLiteral("SELECT current_database()"), {}, nullptr, &q));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), db.location().databaseName);
        return;
    }
    const QList<QPair<QString, QString>> expected = {{QStringLiteral("journal_mode"), QStringLiteral("wal")},
                                                     {QStringLiteral("foreign_keys"), QStringLiteral("1")},
                                                     {QStringLiteral("synchronous"), QStringLiteral("2")},
                                                     {QStringLiteral("busy_timeout"), QStringLiteral("15000")}};
    for (const auto& pragma : expected) {
        QSqlQuery q;
        QVERIFY(db.exec(QLatin1String("PRAGMA ") + pragma.first, {}, nullptr, &q));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), pragma.second);
    }
}

void TestDatabase::severalConnectionsCoexist()
{
    const DatabaseLocation location = fresh();
    auto first = std::make_unique<Database>(location);
    Database second(location);
    QVERIFY(first->open());
    QVERIFY(second.open());
    QVERIFY(first->connectionName() != second.connectionName());
    QVERIFY(first->exec(QStringLiteral("INSERT INTO users (id, name) VALUES (?, ?)"),
                        {QStringLiteral("u1"), QStringLiteral("Ann")}));
    const QString firstName = first->connectionName();
    first.reset();
    QVERIFY(!QSqlDatabase::contains(firstName));
    QSqlQuery q;
    QVERIFY(second.exec(QStringLiteral("SELECT name FROM users WHERE id = ?"), {QStringLiteral("u1")}, nullptr, &q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Ann"));
}

void TestDatabase::concurrentFirstOpenMigratesOnce()
{
    // Several starters (threads here, processes in real life) open a fresh database at once: the migration
    // lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL) lets exactly one of them create the schema.
    const DatabaseLocation location = fresh();
    constexpr int starters = 4;
    QList<QString> errors(starters);
    QList<QThread*> threads;
    for (int i = 0; i < starters; ++i) {
        threads.append(QThread::create([&location, &errors, i] {
            Database db(location); // a connection belongs to the thread that opens it
            StoreError error;
            if (!db.open(&error)) {
                errors[i] = error.message.isEmpty() ? QStringLiteral("failed") : error.message;
            } else if (db.schemaVersion() != Cw::Schema::latestVersion()) {
                errors[i] = QStringLiteral("wrong version");
            }
        }));
    }
    for (QThread* thread : qAsConst(threads)) {
        thread->start();
    }
    for (QThread* thread : qAsConst(threads)) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    for (const QString& error : qAsConst(errors)) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    Database db(location);
    QVERIFY(db.open());
    QCOMPARE(db.schemaVersion(), Cw::Schema::latestVersion());
}

void TestDatabase::transactionsRollBack()
{
    Database db(fresh());
    QVERIFY(db.open());
    {
        Cw::WriteTransaction transaction(db);
        QVERIFY(transaction.begin());
        QVERIFY(db.exec(QStringLiteral("INSERT INTO users (id, name) VALUES (?, ?)"),
                        {QStringLiteral("u1"), QStringLiteral("Ann")}));
        // No commit: leaving the scope rolls back.
    }
    QVERIFY(!db.inTransaction());
    QSqlQuery q;
    QVERIFY(db.exec(QStringLiteral("SELECT COUNT(*) FROM users"), {}, nullptr, &q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestDatabase::nestedRollbackFailsOuterCommit()
{
    Database db(fresh());
    QVERIFY(db.open());
    Cw::WriteTransaction outer(db);
    QVERIFY(outer.begin());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO users (id, name) VALUES (?, ?)"),
                    {QStringLiteral("u1"), QStringLiteral("Ann")}));
    {
        Cw::WriteTransaction inner(db);
        QVERIFY(inner.begin());
    }
    StoreError error;
    QVERIFY(!outer.commit(&error));
    QVERIFY(error.isError());
    QSqlQuery q;
    QVERIFY(db.exec(QStringLiteral("SELECT COUNT(*) FROM users"), {}, nullptr, &q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestDatabase::boundValuesRoundTrip()
{
    Database db(fresh());
    QVERIFY(db.open());
    const QString nasty = QStringLiteral("Robert'); DROP TABLE users; -- \"quoted\" ; ? :name $1 \\ Ünïcødé 😀");
    QVERIFY(db.exec(QStringLiteral("INSERT INTO users (id, name, email) VALUES (?, ?, ?)"),
                    {nasty, nasty, QStringLiteral("x@example.com")}));
    QSqlQuery q;
    QVERIFY(db.exec(QStringLiteral("SELECT id, name FROM users WHERE id = ?"), {nasty}, nullptr, &q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), nasty);
    QCOMPARE(q.value(1).toString(), nasty);
    QVERIFY(db.connection().tables().contains(QStringLiteral("users")));
}

void TestDatabase::localSystemTablesTakeCsvColumns()
{
    Database db(fresh());
    QVERIFY(db.open());
    const QString s = QStringLiteral("x");
    QVERIFY(
        db.exec(QStringLiteral("INSERT INTO accounts (id, name, account_type, currency, phone, website, "
                               "address_line1, city, state, zip, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {QStringLiteral("a1"), QStringLiteral("Acme"), s, QStringLiteral("EUR"), s, s, s, s, s, s, s}));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO products (id, name, description, product_type, unit_type, price, cost) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {QStringLiteral("p1"), QStringLiteral("Widget"), s, s, s, 19.99, 7.5}));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO invoices (id, number, account_id, invoice_stage, invoice_type, "
                                   "currency, date, due_date, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {QStringLiteral("i1"), QStringLiteral("INV-1"), QStringLiteral("a1"), s, s, s,
                     QStringLiteral("2026-11-01"), QStringLiteral("2026-12-01"), 119.0}));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO orders (id, account_id, order_stage, currency, date, total, "
                                   "description) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {QStringLiteral("o1"), QStringLiteral("a1"), s, s, QStringLiteral("2026-11-01"), 10.25, s}));
    QVERIFY(
        db.exec(QStringLiteral("INSERT INTO payments (id, invoice_id, method, amount, date) VALUES (?, ?, ?, ?, ?)"),
                {QStringLiteral("pay1"), QStringLiteral("i1"), QStringLiteral("bank_deposit"), 119.0,
                 QStringLiteral("2026-11-02")}));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO value_lists (list, value) VALUES (?, ?)"),
                    {QStringLiteral("currency"), QStringLiteral("EUR")}));
    // A payment's method is the local system's own payment-method id (free text); it cannot be left out.
    QVERIFY(db.exec(QStringLiteral("INSERT INTO payments (id, invoice_id, method, amount) VALUES (?, ?, ?, ?)"),
                    {QStringLiteral("pay2"), QStringLiteral("i1"), QStringLiteral("cash"), 1.0}));
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO payments (id, invoice_id, method, amount) VALUES (?, ?, ?, ?)"),
                     {QStringLiteral("pay3"), QStringLiteral("i1"), QVariant(), 1.0}));
    QVERIFY(
        db.exec(QStringLiteral("INSERT INTO invoice_lines (id, invoice_id, product_id, description, quantity, price)"
                               " VALUES (?, ?, ?, ?, ?, ?)"),
                {QStringLiteral("l1"), QStringLiteral("i1"), QStringLiteral("p1"), s, 2.0, 59.5}));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO order_lines (id, order_id, product_id, quantity) VALUES (?, ?, ?, ?)"),
                    {QStringLiteral("l1"), QStringLiteral("o1"), QStringLiteral("p1"), 1.0}));
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO order_lines (id, order_id, product_id) VALUES (?, ?, ?)"),
                     {QStringLiteral("l2"), QStringLiteral("o1"), QStringLiteral("p1")})); // quantity is required
    QSqlQuery q;
    QVERIFY(
        db.exec(QStringLiteral("SELECT price, cost FROM products WHERE id = ?"), {QStringLiteral("p1")}, nullptr, &q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toDouble(), 19.99);
    QCOMPARE(q.value(1).toDouble(), 7.5);
}

void TestDatabase::cannotOpenFile()
{
    const QString folder = m_backend.tempPath();
    Database onFolder(DatabaseLocation::sqlite(folder));
    StoreError error;
    QVERIFY(!onFolder.open(&error));
    QCOMPARE(error.code, StoreError::Code::CannotOpen);
    QVERIFY2(error.message.contains(folder), qPrintable(error.message));

    const QString garbage = folder + QLatin1String("/garbage.sqlite");
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    Database onGarbage(DatabaseLocation::sqlite(garbage));
    QVERIFY(!onGarbage.open(&error));
    QCOMPARE(error.code, StoreError::Code::CannotOpen);
    QVERIFY2(error.message.contains(garbage), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("not a database")), qPrintable(error.message));
    QVERIFY(!onGarbage.isOpen());
}

void TestDatabase::postgresUnreachableNamesHostAndHidesPassword()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    const QString secret = QStringLiteral("S3cr3t-pa55");
    QString parseError;
    const auto location = DatabaseLocation::fromPostgresUrl(
        QStringLiteral("postgresql://cw:%1@127.0.0.1:%2/cwdb").arg(secret).arg(port), &parseError);
    QVERIFY2(location.has_value(), qPrintable(parseError));
    QCOMPARE(location->password, secret);
    QVERIFY(!location->displayName().contains(secret));

    g_logged.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
    StoreError error;
    bool opened = false;
    {
        Database db(*location);
        opened = db.open(&error);
    }
    qInstallMessageHandler(previous);
    QVERIFY(!opened);
    QCOMPARE(error.code, StoreError::Code::Unreachable);
    QVERIFY2(error.message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(error.message));
    QVERIFY(!error.message.contains(secret));
    for (const QString& line : qAsConst(g_logged)) {
        QVERIFY2(!line.contains(secret), qPrintable(line));
    }
}

void TestDatabase::postgresUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("options");
    QTest::newRow("full") << QStringLiteral("postgresql://cw:pw@db.example.com:5433/connector") << true
                          << QStringLiteral("postgresql://cw@db.example.com:5433/connector") << QString();
    QTest::newRow("default port") << QStringLiteral("postgres://cw@db/connector") << true
                                  << QStringLiteral("postgresql://cw@db:5432/connector") << QString();
    QTest::newRow("encoded password") << QStringLiteral("postgresql://cw:p%40ss%3Aw@127.0.0.1:5432/c") << true
                                      << QStringLiteral("postgresql://cw@127.0.0.1:5432/c") << QString();
    QTest::newRow("sslmode") << QStringLiteral("postgresql://cw@db:5432/c?sslmode=require") << true
                             << QStringLiteral("postgresql://cw@db:5432/c") << QStringLiteral("sslmode=require");
    QTest::newRow("unknown option") << QStringLiteral("postgresql://cw@db:5432/c?sslmod=require") << false << QString()
                                    << QString();
    QTest::newRow("no user") << QStringLiteral("postgresql://db:5432/c") << false << QString() << QString();
    QTest::newRow("no database") << QStringLiteral("postgresql://cw@db:5432/") << false << QString() << QString();
    QTest::newRow("no host") << QStringLiteral("postgresql:///c") << false << QString() << QString();
    QTest::newRow("mysql") << QStringLiteral("mysql://cw@db/c") << false << QString() << QString();
}

void TestDatabase::postgresUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QFETCH(QString, display);
    QFETCH(QString, options);
    QString error;
    const auto location = DatabaseLocation::fromPostgresUrl(url, &error);
    QCOMPARE(location.has_value(), valid);
    if (!valid) {
        QVERIFY2(error.startsWith(QLatin1String("Database: ")), qPrintable(error));
        return;
    }
    QCOMPARE(location->displayName(), display);
    QCOMPARE(location->connectOptions, options);
    if (url.contains(QLatin1String("p%40ss"))) {
        QCOMPARE(location->password, QStringLiteral("p@ss:w"));
    }
}

void TestDatabase::resolveLocation()
{
    const QString dataDir = m_backend.tempPath();
    qunsetenv(DatabaseLocation::environmentVariable);
    QString error;
    auto location = DatabaseLocation::resolve(QString(), dataDir, &error);
    QVERIFY(location.has_value());
    QCOMPARE(location->kind, DatabaseLocation::Kind::Sqlite);
    QCOMPARE(location->filePath, dataDir + QLatin1String("/cwconnector.sqlite"));

    qputenv(DatabaseLocation::environmentVariable, "postgresql://env@envhost:5432/envdb");
    location = DatabaseLocation::resolve(QString(), dataDir, &error);
    QVERIFY(location.has_value());
    QCOMPARE(location->host, QStringLiteral("envhost"));
    location = DatabaseLocation::resolve(QStringLiteral("postgresql://opt@opthost/optdb"), dataDir, &error);
    QVERIFY(location.has_value());
    QCOMPARE(location->host, QStringLiteral("opthost"));
    qunsetenv(DatabaseLocation::environmentVariable);

    location = DatabaseLocation::resolve(QStringLiteral("ftp://x/y"), dataDir, &error);
    QVERIFY(!location.has_value());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
