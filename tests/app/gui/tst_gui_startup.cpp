#include "core/CwVersion.h"
#include "tests/support/SimProcess.h"

#include <QTest>

// Starts the real cwconnector executable offscreen: it must open its window and quit on its own.
class TestGuiStartup final : public QObject
{
    Q_OBJECT

private slots:
    void startsAndQuits();
    void version();
};

void TestGuiStartup::startsAndQuits()
{
    const auto r =
        CwTest::runProcess(QStringLiteral(CW_GUI_EXECUTABLE), {QStringLiteral("--quit-after"), QStringLiteral("300")},
                           {}, {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    QVERIFY2(r.finished, "the GUI did not quit on its own");
    QCOMPARE(r.exitCode, 0);
}

void TestGuiStartup::version()
{
    const auto r = CwTest::runProcess(QStringLiteral(CW_GUI_EXECUTABLE), {QStringLiteral("--version")}, {},
                                      {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(Cw::kVersion));
}

QTEST_GUILESS_MAIN(TestGuiStartup)
#include "tst_gui_startup.moc"
