// The migration that adds invoice and order lines, on a database that already holds data: payments rebuilt
// without their CHECK (rows kept), invoices.balance added, the new value lists fed, the payment-method variables
// turned into local method ids. Runs on SQLite, and on PostgreSQL as tst_migrationlines_pg.
#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/store/Schema.h"
#include "tests/support/TestDatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace Cw;

class TestMigrationLines final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rowsAreKeptAndTheNewTablesWork();

private:
    QStringList rows(Database& db, const QString& sql);
    CwTest::TestDatabase m_backend;
};

void TestMigrationLines::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
}

QStringList TestMigrationLines::rows(Database& db, const QString& sql)
{
    QStringList out;
    QSqlQuery q;
    if (!db.exec(sql, {}, nullptr, &q)) {
        return {QStringLiteral("query failed: ") + sql};
    }
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < 8 && q.value(i).isValid(); ++i) {
            values.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        }
        out.append(values.join(QLatin1Char('|')));
    }
    return out;
}

void TestMigrationLines::rowsAreKeptAndTheNewTablesWork()
{
    QString error;
    Database db(m_backend.fresh(&error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(db.connect());
    // Up to the migration before this one, found by what it does (migrations are renumbered when branches merge).
    const QList<Migration> all = Schema::migrations();
    qsizetype lines = -1;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).statements.join(QLatin1Char(' ')).contains(QLatin1String("CREATE TABLE invoice_lines"))) {
            lines = i;
        }
    }
    QVERIFY(lines > 0);
    QVERIFY(db.migrate(all.mid(0, lines)));
    QCOMPARE(db.schemaVersion(), all.at(lines - 1).version);

    const QVariantList instance {
        QStringLiteral("Prod"), QStringLiteral("prod"), QStringLiteral("na"), QStringLiteral("acme"), 1, 1};
    QVERIFY(db.exec(QStringLiteral("INSERT INTO instances (name, name_key, deployment, company_id, created_at,"
                                   " updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                    instance));
    const QString instanceId = rows(db, QStringLiteral("SELECT id FROM instances")).value(0);
    for (const auto& [variable, id] :
         {std::pair {"credit_card_method_id", "11"}, std::pair {"bank_deposit_method_id", "12"},
          std::pair {"import_account_status", "1"}}) {
        QVERIFY(db.exec(QStringLiteral("INSERT INTO server_variables (instance_id, variable, remote_id, remote_name)"
                                       " VALUES (?, ?, ?, ?)"),
                        {instanceId.toLongLong(), QLatin1String(variable), QLatin1String(id), QStringLiteral("x")}));
    }
    QVERIFY(db.exec(QStringLiteral("INSERT INTO accounts (id, name, country) VALUES ('a1', 'Acme', 'Germany'),"
                                   " ('a2', 'Beta', NULL), ('a3', 'Gamma', 'Germany'), ('a4', 'Delta', 'DE')")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO invoices (id, number, account_id, date, total)"
                                   " VALUES ('i1', 'N-1', 'a1', '2026-01-02', 100.5)")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO payments (id, invoice_id, method, amount, date) VALUES"
                                   " ('y1', 'i1', 'credit_card', 10.25, '2026-01-03'),"
                                   " ('y2', 'i1', 'bank_deposit', 20, NULL)")));

    StoreError migrateError;
    QVERIFY2(db.migrate(all, &migrateError), qPrintable(migrateError.message));
    QCOMPARE(db.schemaVersion(), Schema::latestVersion());

    // Every payment kept, value for value; the method is free text now.
    LocalRecordStore store(db);
    const QList<LocalRecord> payments = store.all(LocalSchema::entity(Entity::Payments));
    QCOMPARE(payments.size(), 2);
    QCOMPARE(payments.at(0).values.value(QStringLiteral("method")).toString(), QStringLiteral("credit_card"));
    QCOMPARE(payments.at(0).values.value(QStringLiteral("amount")).toString(), QStringLiteral("10.25"));
    QCOMPARE(payments.at(0).values.value(QStringLiteral("date")).toString(), QStringLiteral("2026-01-03"));
    QCOMPARE(payments.at(1).values.value(QStringLiteral("amount")).toString(), QStringLiteral("20"));
    QVERIFY(!payments.at(1).values.contains(QStringLiteral("date")));
    QVERIFY(db.exec(
        QStringLiteral("INSERT INTO payments (id, invoice_id, method, amount) VALUES ('y3', 'i1', 'VISA', 1)")));
    const QString indexes = db.dialect() == Database::Dialect::Postgres
        ? QStringLiteral(
              "SELECT indexname FROM pg_indexes WHERE tablename = 'payments' AND indexname <> 'payments_pkey'")
        : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'payments'"
                         " AND name NOT LIKE 'sqlite_%'");
    QCOMPARE(rows(db, indexes), QStringList {QStringLiteral("payments_invoice")});

    // The invoice kept, with an empty balance until a pull writes it; the lines tables are there.
    QCOMPARE(rows(db, QStringLiteral("SELECT id, number, total, balance FROM invoices")),
             QStringList {QStringLiteral("i1|N-1|100.5|NULL")});
    QVERIFY(db.exec(QStringLiteral("INSERT INTO invoice_lines (id, invoice_id, product_id, quantity, price)"
                                   " VALUES ('l1', 'i1', 'p1', 2, 50.25)")));
    QVERIFY(db.exec(
        QStringLiteral("INSERT INTO order_lines (id, order_id, product_id, quantity) VALUES ('l1', 'o1', 'p1', 1)")));
    QCOMPARE(store.count(LocalSchema::entity(Entity::InvoiceLines)), 1);

    // The new value lists: the payment methods in use and the accounts' countries, once each.
    QCOMPARE(store.values(LocalSchema::paymentMethodList()),
             (QStringList {QStringLiteral("bank_deposit"), QStringLiteral("credit_card")}));
    QCOMPARE(store.values(QStringLiteral("country")), (QStringList {QStringLiteral("DE"), QStringLiteral("Germany")}));

    // The method variables name the local methods the same payments were pushed with; the others are untouched.
    QCOMPARE(
        rows(db, QStringLiteral("SELECT variable, remote_id, remote_name FROM server_variables ORDER BY variable")),
        (QStringList {QStringLiteral("bank_deposit_method_id|bank_deposit|bank_deposit"),
                      QStringLiteral("credit_card_method_id|credit_card|credit_card"),
                      QStringLiteral("import_account_status|1|x")}));

    // Opening it again changes nothing.
    db.close();
    Database again(db.location());
    QVERIFY(again.open());
    QCOMPARE(LocalRecordStore(again).count(LocalSchema::entity(Entity::Payments)), 3);
}

QTEST_GUILESS_MAIN(TestMigrationLines)
#include "tst_migrationlines.moc"
