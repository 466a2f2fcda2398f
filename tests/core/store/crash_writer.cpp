// Test helper for tst_crashsafety: writes batches of 100 rows, one transaction per batch, until killed.
//   cw_crash_writer DB_FILE [--pause-in-batch N]
// Prints "committed N" after each commit. With --pause-in-batch N it stops half-way through batch N (50 rows
// written, not committed), prints "paused N" and waits to be killed.
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QThread>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: cw_crash_writer DB_FILE [--pause-in-batch N]\n");
        return 2;
    }
    const int pauseIn = args.size() >= 4 && args.at(2) == QLatin1String("--pause-in-batch") ? args.at(3).toInt() : -1;
    Cw::Database db(Cw::DatabaseLocation::sqlite(args.at(1)));
    Cw::StoreError error;
    if (!db.open(&error) ||
        !db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS crash_rows (batch INTEGER NOT NULL, row INTEGER NOT "
                                "NULL, payload TEXT NOT NULL, PRIMARY KEY (batch, row))"),
                 {}, &error)) {
        std::fprintf(stderr, "cw_crash_writer: %s\n", qPrintable(error.message));
        return 1;
    }
    QSqlQuery last;
    if (!db.exec(QStringLiteral("SELECT COALESCE(MAX(batch), 0) FROM crash_rows"), {}, &error, &last) || !last.next()) {
        std::fprintf(stderr, "cw_crash_writer: %s\n", qPrintable(error.message));
        return 1;
    }
    int batch = last.value(0).toInt();
    last.finish();
    const QString payload(200, QLatin1Char('p'));
    for (;;) {
        ++batch;
        Cw::WriteTransaction transaction(db);
        QSqlQuery insert;
        if (!transaction.begin(&error) ||
            !db.prepare(&insert, QStringLiteral("INSERT INTO crash_rows (batch, row, payload) VALUES (?, ?, ?)"),
                        &error)) {
            std::fprintf(stderr, "cw_crash_writer: %s\n", qPrintable(error.message));
            return 1;
        }
        for (int row = 1; row <= 100; ++row) {
            insert.bindValue(0, batch);
            insert.bindValue(1, row);
            insert.bindValue(2, payload);
            if (!db.execPrepared(insert, &error)) {
                std::fprintf(stderr, "cw_crash_writer: %s\n", qPrintable(error.message));
                return 1;
            }
            if (batch == pauseIn && row == 50) {
                std::printf("paused %d\n", batch);
                std::fflush(stdout);
                for (;;) {
                    QThread::sleep(60); // waits to be killed in the middle of the transaction
                }
            }
        }
        insert.finish();
        if (!transaction.commit(&error)) {
            std::fprintf(stderr, "cw_crash_writer: %s\n", qPrintable(error.message));
            return 1;
        }
        std::printf("committed %d\n", batch);
        std::fflush(stdout);
    }
}
