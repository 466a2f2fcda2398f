// WalCheckpointer on a real SQLite file (and, as tst_walcheckpointer_pg, on PostgreSQL, where it does nothing):
// the writer's commits only append to the log, another thread copies it back, the log stays small, and the
// writer's own checkpoints come back afterwards.
#include "core/store/WalCheckpointer.h"
#include "tests/support/TestDatabase.h"

#include <QFileInfo>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Cw;

class TestWalCheckpointer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void checkpointsInItsOwnThread();
    void writerCheckpointsAgainAfterwards();

private:
    std::unique_ptr<Database> freshDatabase();
    bool writeBatch(Database& db, int batch, int rows);
    int pragma(Database& db, const QString& name);
    qint64 walBytes(const Database& db) const;

    CwTest::TestDatabase m_test;
};

void TestWalCheckpointer::initTestCase()
{
    QString error;
    QVERIFY2(m_test.init(&error), qPrintable(error));
}

std::unique_ptr<Database> TestWalCheckpointer::freshDatabase()
{
    QString error;
    auto db = std::make_unique<Database>(m_test.fresh(&error));
    StoreError storeError;
    if (!db->open(&storeError) ||
        !db->exec(QStringLiteral("CREATE TABLE items (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)"), {},
                  &storeError)) {
        qWarning("cannot prepare the database: %s %s", qPrintable(error), qPrintable(storeError.message));
        return nullptr;
    }
    return db;
}

bool TestWalCheckpointer::writeBatch(Database& db, int batch, int rows)
{
    if (!db.beginWrite()) {
        return false;
    }
    for (int i = 0; i < rows; ++i) {
        const qint64 id = qint64(batch) * rows + i;
        if (!db.exec(QStringLiteral("INSERT INTO items (id, payload) VALUES (?, ?)"),
                     {id, QStringLiteral("item %1 ").arg(id).repeated(20)})) {
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

int TestWalCheckpointer::pragma(Database& db, const QString& name)
{
    QSqlQuery q(db.connection());
    return db.exec(QStringLiteral("PRAGMA ") + name, {}, nullptr, &q) && q.next() ? q.value(0).toInt() : -1;
}

qint64 TestWalCheckpointer::walBytes(const Database& db) const
{
    return QFileInfo(db.location().filePath + QStringLiteral("-wal")).size();
}

void TestWalCheckpointer::checkpointsInItsOwnThread()
{
    std::unique_ptr<Database> db = freshDatabase();
    QVERIFY(db);
    const int batches = 20;
    const int rows = 500; // ~100 KB a batch (~30 log pages), ~2 MB in all
    auto checkpointer = std::make_unique<WalCheckpointer>(*db);
    if (m_test.isPostgres()) {
        QVERIFY(!checkpointer->isActive()); // nothing to do on PostgreSQL; writes go on as usual
        QVERIFY(writeBatch(*db, 0, rows));
        checkpointer->afterCommit();
        QCOMPARE(checkpointer->checkpointsRun(), 0);
        return;
    }
    QVERIFY(checkpointer->isActive());
    QCOMPARE(pragma(*db, QStringLiteral("wal_autocheckpoint")), 0); // the writer's own are off meanwhile
    qint64 largestLog = 0;
    for (int b = 0; b < batches; ++b) {
        QVERIFY(writeBatch(*db, b, rows));
        const int before = checkpointer->checkpointsRun();
        checkpointer->afterCommit();
        QTRY_VERIFY_WITH_TIMEOUT(checkpointer->checkpointsRun() > before, 10000);
        largestLog = std::max(largestLog, walBytes(*db));
    }
    QVERIFY(checkpointer->checkpointThread() != nullptr);
    QVERIFY(checkpointer->checkpointThread() != QThread::currentThreadId());
    // Copied back after each page, the log is reused from its start: it never holds more than a couple of
    // batches, where without checkpoints it would hold all twenty.
    const qint64 batchBytes = qint64(rows) * 200;
    QVERIFY2(largestLog < batchBytes * batches / 4, qPrintable(QStringLiteral("log reached %1 bytes").arg(largestLog)));
    checkpointer.reset();
    QCOMPARE(pragma(*db, QStringLiteral("wal_autocheckpoint")), 1000); // SQLite's default, as before
    QSqlQuery q(db->connection());
    QVERIFY(db->exec(QStringLiteral("PRAGMA integrity_check"), {}, nullptr, &q) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    QSqlQuery count(db->connection());
    QVERIFY(db->exec(QStringLiteral("SELECT COUNT(*) FROM items"), {}, nullptr, &count) && count.next());
    QCOMPARE(count.value(0).toInt(), batches * rows);
}

void TestWalCheckpointer::writerCheckpointsAgainAfterwards()
{
    std::unique_ptr<Database> db = freshDatabase();
    QVERIFY(db);
    if (m_test.isPostgres()) {
        WalCheckpointer none(*db);
        QVERIFY(!none.isActive()); // PostgreSQL has no such setting to change or restore
        QVERIFY(writeBatch(*db, 0, 10));
        return;
    }
    QVERIFY(db->exec(QStringLiteral("PRAGMA wal_autocheckpoint=200")));
    {
        WalCheckpointer checkpointer(*db);
        QVERIFY(checkpointer.isActive());
        QCOMPARE(pragma(*db, QStringLiteral("wal_autocheckpoint")), 0);
    }
    QCOMPARE(pragma(*db, QStringLiteral("wal_autocheckpoint")), 200); // the writer's own setting comes back
    // And a writer in a transaction is left alone (its setting cannot change there).
    QVERIFY(db->beginWrite());
    WalCheckpointer inside(*db);
    QVERIFY(!inside.isActive());
    db->rollback();
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
