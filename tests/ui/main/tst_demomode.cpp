// `cwconnector --demo`: the GUI starts cwconnector-sim as a child process on a free loopback port, and
// stops it when it quits (nothing is left listening).
#include "tests/support/SimProcess.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class TestDemoMode final : public QObject
{
    Q_OBJECT

private slots:
    void startsAndStopsTheSimulator()
    {
        QTemporaryDir dataDir;
        const auto r = CwTest::runProcess(
            QStringLiteral(CW_GUI_EXECUTABLE),
            {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir.path(), QStringLiteral("--quit-after"),
             QStringLiteral("6000")}, // long enough for the simulator to start on a loaded machine
            {}, {QStringLiteral("QT_QPA_PLATFORM=offscreen"), QStringLiteral("QT_LOGGING_RULES=cwconnector.*=true")});
        QVERIFY2(r.finished, "the GUI did not quit on its own");
        QCOMPARE(r.exitCode, 0);
        const QString log = QString::fromUtf8(r.err);
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("demo simulator listening on \"http://127\\.0\\.0\\.1:(\\d+)\""))
                .match(log);
        QVERIFY2(match.hasMatch(), qPrintable(log));
        const quint16 port = match.captured(1).toUShort();
        QVERIFY(port > 0);
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!socket.waitForConnected(3000)); // the simulator went away with the GUI
    }
};

QTEST_GUILESS_MAIN(TestDemoMode)
#include "tst_demomode.moc"
