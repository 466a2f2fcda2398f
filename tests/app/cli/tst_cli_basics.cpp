#include "core/CwVersion.h"
#include "tests/support/SimProcess.h"

#include <QTest>

using CwTest::runProcess;

class TestCliBasics final : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void version();
    void noCommandIsBadUsage();
    void unknownCommandIsBadUsage();
    void unknownOptionIsBadUsage();
};

static const QString kCli = QStringLiteral(CW_CLI_EXECUTABLE);

void TestCliBasics::help()
{
    const auto r = runProcess(kCli, {QStringLiteral("--help")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Usage: cwconnector-cli"));
    QVERIFY(r.out.contains("--keys-from-stdin"));
    QVERIFY(r.out.contains("Exit codes"));
}

void TestCliBasics::version()
{
    const auto r = runProcess(kCli, {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("cwconnector-cli ") + Cw::kVersion);
}

void TestCliBasics::noCommandIsBadUsage()
{
    const auto r = runProcess(kCli, {});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("no command"));
    QVERIFY(r.out.isEmpty());
}

void TestCliBasics::unknownCommandIsBadUsage()
{
    const auto r = runProcess(kCli, {QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown command 'frobnicate'"));
}

void TestCliBasics::unknownOptionIsBadUsage()
{
    const auto r = runProcess(kCli, {QStringLiteral("--no-such-option")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("no-such-option"));
}

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
