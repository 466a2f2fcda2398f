// cwconnector --demo's simulator: found next to the GUI in the build tree, started on a free loopback port,
// answering the demo company, and stopped again.
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/setup/CompanyProbe.h"
#include "core/setup/DemoSimulator.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

class TestDemoSimulator final : public QObject
{
    Q_OBJECT

private slots:
    void findsTheSimulatorNextToTheGui()
    {
        const QString guiDir = QFileInfo(QStringLiteral(CW_GUI_EXECUTABLE)).absolutePath();
        QCOMPARE(DemoSimulator::findExecutable(guiDir),
                 QFileInfo(QStringLiteral(CW_SIM_EXECUTABLE)).canonicalFilePath());
        // Installed layout: the simulator in the same folder as the GUI.
        const QString simDir = QFileInfo(QStringLiteral(CW_SIM_EXECUTABLE)).absolutePath();
        QCOMPARE(DemoSimulator::findExecutable(simDir),
                 QFileInfo(QStringLiteral(CW_SIM_EXECUTABLE)).canonicalFilePath());
        QTemporaryDir empty;
        QVERIFY(DemoSimulator::findExecutable(empty.path()).isEmpty());
    }

    void startsAnswersAndStops()
    {
        DemoSimulator simulator;
        QSignalSpy ready(&simulator, &DemoSimulator::ready);
        simulator.start(QStringLiteral(CW_SIM_EXECUTABLE));
        QVERIFY(ready.wait(30000));
        const DemoSettings settings = simulator.settings();
        QVERIFY(settings.isValid());
        QCOMPARE(settings.url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(settings.companyId, QStringLiteral("cwsim"));

        const NetworkAccessFactory network;
        CompanyProbe probe(network);
        probe.setDebounceMs(0);
        Instance target;
        target.deployment = QStringLiteral("demo");
        target.site = settings.url.toString();
        target.companyId = settings.companyId;
        probe.setTarget(target);
        QTRY_COMPARE_WITH_TIMEOUT(probe.state(), CompanyProbe::State::Found, 30000);

        simulator.stop();
        probe.setTarget(Instance());
        target.companyId = QStringLiteral("CWSIM"); // a new target: asks again, and nobody answers now
        probe.setTarget(target);
        QTRY_COMPARE_WITH_TIMEOUT(probe.state(), CompanyProbe::State::Failed, 30000);
    }
};

QTEST_GUILESS_MAIN(TestDemoSimulator)
#include "tst_demosimulator.moc"
