#include "core/check/NetworkSteps.h"
#include "core/check/SystemsCheck.h"
#include "tests/support/SimProcess.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Cw;

class TestNetworkSteps final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reachableSimulatorPasses();
    void unknownHostFailsAtDns();
    void closedPortIsRefused();
    void plainHttpSkipsTls();

private:
    CheckSummary runNetworkLayers(const CheckTarget& target);
    CwTest::SimProcess m_sim;
};

void TestNetworkSteps::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
}

CheckSummary TestNetworkSteps::runNetworkLayers(const CheckTarget& target)
{
    SystemsCheck check;
    check.addStep(new DnsStep(target));
    check.addStep(new TcpStep(target, 10000));
    check.addStep(new TlsStep(target, 10000));
    QSignalSpy finished(&check, &SystemsCheck::finished);
    check.start();
    if (!finished.wait(30000)) {
        return {};
    }
    return check.summary();
}

void TestNetworkSteps::reachableSimulatorPasses()
{
    CheckTarget target;
    target.host = QStringLiteral("127.0.0.1");
    target.port = m_sim.port();
    target.tls = false;
    target.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    const CheckSummary summary = runNetworkLayers(target);
    QCOMPARE(summary.results.size(), 3);
    QVERIFY(summary.passed());
    QVERIFY(summary.find(QStringLiteral("tcp"))->summary.contains(QString::number(m_sim.port())));
}

void TestNetworkSteps::unknownHostFailsAtDns()
{
    CheckTarget target;
    target.host = QStringLiteral("no-such-tenant.invalid");
    target.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    const CheckSummary summary = runNetworkLayers(target);
    const CheckResult* dns = summary.find(QStringLiteral("dns"));
    QVERIFY(dns);
    QCOMPARE(dns->status, CheckResult::Status::Failed);
    QVERIFY(dns->diagnosis.contains(QStringLiteral("no-such-tenant.invalid")));
    QVERIFY(!dns->fix.isEmpty());
    QCOMPARE(dns->errorKind, QStringLiteral("Dns"));
    QCOMPARE(summary.find(QStringLiteral("tcp"))->status, CheckResult::Status::Skipped);
    QVERIFY(summary.unreachable());
}

void TestNetworkSteps::closedPortIsRefused()
{
    // Reserve a free port, then close it: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    CheckTarget target;
    target.host = QStringLiteral("127.0.0.1");
    target.port = port;
    target.tls = false;
    target.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    const CheckSummary summary = runNetworkLayers(target);
    const CheckResult* tcp = summary.find(QStringLiteral("tcp"));
    QCOMPARE(tcp->status, CheckResult::Status::Failed);
    QVERIFY2(tcp->diagnosis.contains(QStringLiteral("refused")), qPrintable(tcp->diagnosis));
    QCOMPARE(summary.find(QStringLiteral("tls"))->status, CheckResult::Status::Skipped);
    QVERIFY(summary.unreachable());
}

void TestNetworkSteps::plainHttpSkipsTls()
{
    CheckTarget target;
    target.host = QStringLiteral("127.0.0.1");
    target.port = m_sim.port();
    target.tls = false;
    target.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    const CheckSummary summary = runNetworkLayers(target);
    const CheckResult* tls = summary.find(QStringLiteral("tls"));
    QCOMPARE(tls->status, CheckResult::Status::Passed);
    QVERIFY(tls->summary.contains(QStringLiteral("loopback")));
}

QTEST_GUILESS_MAIN(TestNetworkSteps)
#include "tst_networksteps.moc"
