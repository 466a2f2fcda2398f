#include "core/CwVersion.h"
#include "core/connectwise/CompanyInfo.h"
#include "tests/support/SimProcess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

class TestSimBasics final : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp();
    void listensOnPickedPortAndAnswersCompanyInfo();
    void unknownCompanyIsNull();
    void badPortIsRejected();

private:
    QByteArray get(const QUrl& url, int* status);
};

QByteArray TestSimBasics::get(const QUrl& url, int* status)
{
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000)) {
        return {};
    }
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void TestSimBasics::versionAndHelp()
{
    const auto version = CwTest::runProcess(QStringLiteral(CW_SIM_EXECUTABLE), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(Cw::kVersion));
    const auto help = CwTest::runProcess(QStringLiteral(CW_SIM_EXECUTABLE), {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--port"));
}

void TestSimBasics::listensOnPickedPortAndAnswersCompanyInfo()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--company"), QStringLiteral("acme")}), qPrintable(sim.output()));
    QVERIFY(sim.port() > 0);
    QCOMPARE(sim.baseUrl().host(), QStringLiteral("127.0.0.1"));

    int status = 0;
    const QByteArray body = get(sim.baseUrl().resolved(QUrl(QStringLiteral("/login/companyinfo/ACME"))), &status);
    QCOMPARE(status, 200);
    Cw::CompanyInfo info;
    QCOMPARE(Cw::CompanyInfo::parse(body, &info), Cw::CompanyInfo::ParseResult::Ok);
    QCOMPARE(info.companyId, QStringLiteral("acme"));
    QVERIFY(!info.companyName.isEmpty());
    QVERIFY(info.codebase.endsWith(QLatin1Char('/')));
    QCOMPARE(info.siteUrl, sim.hostAndPort());
}

void TestSimBasics::unknownCompanyIsNull()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    int status = 0;
    const QByteArray body = get(sim.baseUrl().resolved(QUrl(QStringLiteral("/login/companyinfo/nobody"))), &status);
    QCOMPARE(status, 200);
    QCOMPARE(Cw::CompanyInfo::parse(body, nullptr), Cw::CompanyInfo::ParseResult::UnknownCompany);
}

void TestSimBasics::badPortIsRejected()
{
    const auto r =
        CwTest::runProcess(QStringLiteral(CW_SIM_EXECUTABLE), {QStringLiteral("--port"), QStringLiteral("99999")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--port"));
}

QTEST_GUILESS_MAIN(TestSimBasics)
#include "tst_sim_basics.moc"
