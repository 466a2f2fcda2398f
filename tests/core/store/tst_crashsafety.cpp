#include "core/store/Database.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using Cw::Database;
using Cw::DatabaseLocation;

// A writer killed with SIGKILL in the middle of its work leaves a SQLite database that passes
// PRAGMA integrity_check and holds only whole transactions (batches of exactly 100 rows), including every
// batch the writer reported as committed.
class TestCrashSafety final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedAtRandomPoints();
    void killedInsideATransaction();

private:
    // Starts the writer and reads its output until `until` returns true for a line; returns the last number
    // it reported as committed (0 if none).
    int runWriterUntil(const QStringList& extraArgs, const std::function<bool(const QByteArray&)>& until);
    void verify(int lastReportedCommit, int* batches);

    QTemporaryDir m_dir;
    QRandomGenerator m_random;
    QString m_path;
};

void TestCrashSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("crash.sqlite"));
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random seed %u", seed);
    m_random.seed(seed);
}

int TestCrashSafety::runWriterUntil(const QStringList& extraArgs, const std::function<bool(const QByteArray&)>& until)
{
    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(QStringLiteral(CW_CRASH_WRITER), QStringList {m_path} + extraArgs);
    if (!writer.waitForStarted(30000)) {
        qWarning("cannot start the writer: %s", qPrintable(writer.errorString()));
        return -1;
    }
    int lastCommitted = 0;
    bool reached = false;
    while (!reached) {
        if (!writer.canReadLine() && !writer.waitForReadyRead(60000)) {
            qWarning("the writer stopped talking: %s", qPrintable(writer.errorString()));
            writer.kill();
            writer.waitForFinished(30000);
            return -1;
        }
        while (!reached && writer.canReadLine()) {
            const QByteArray line = writer.readLine().trimmed();
            if (line.startsWith("committed ")) {
                lastCommitted = line.mid(10).toInt();
            }
            reached = until(line);
        }
    }
    writer.kill(); // SIGKILL
    writer.waitForFinished(30000);
    if (writer.exitStatus() != QProcess::CrashExit) {
        qWarning("the writer was not killed but exited with %d", writer.exitCode());
        return -1;
    }
    return lastCommitted;
}

void TestCrashSafety::verify(int lastReportedCommit, int* batches)
{
    Database db(DatabaseLocation::sqlite(m_path));
    Cw::StoreError error;
    QVERIFY2(db.open(&error), qPrintable(error.message));
    QSqlQuery q;
    QVERIFY(db.exec(QStringLiteral("PRAGMA integrity_check"), {}, nullptr, &q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    q.finish();
    QVERIFY(db.exec(QStringLiteral("SELECT batch, COUNT(*) FROM crash_rows GROUP BY batch ORDER BY batch"), {}, nullptr,
                    &q));
    int expected = 1;
    while (q.next()) {
        QCOMPARE(q.value(0).toInt(), expected); // no batch is missing
        QCOMPARE(q.value(1).toInt(), 100); // and none is partial
        ++expected;
    }
    *batches = expected - 1;
    QVERIFY2(*batches >= lastReportedCommit,
             qPrintable(QStringLiteral("batch %1 was reported committed but is missing").arg(lastReportedCommit)));
}

void TestCrashSafety::killedAtRandomPoints()
{
    int batches = 0;
    for (int round = 0; round < 8; ++round) {
        const int target = batches + 1 + m_random.bounded(15);
        const int committed = runWriterUntil({}, [target](const QByteArray& line) {
            return line.startsWith("committed ") && line.mid(10).toInt() >= target;
        });
        QVERIFY(committed >= target);
        verify(committed, &batches);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY(batches >= target);
    }
}

void TestCrashSafety::killedInsideATransaction()
{
    int batches = 0;
    verify(0, &batches);
    for (int round = 0; round < 3; ++round) {
        const int pauseIn = batches + 2 + m_random.bounded(5);
        const QByteArray paused = "paused " + QByteArray::number(pauseIn);
        const int committed = runWriterUntil({QStringLiteral("--pause-in-batch"), QString::number(pauseIn)},
                                             [&paused](const QByteArray& line) { return line == paused; });
        QCOMPARE(committed, pauseIn - 1);
        verify(committed, &batches);
        QCOMPARE(batches, pauseIn - 1); // the half-written batch is gone entirely
    }
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
