#include "core/connectwise/CompanyInfo.h"

#include <QTest>

using Cw::CompanyInfo;

class TestCompanyInfo final : public QObject
{
    Q_OBJECT

private slots:
    void parsesCloudAnswer();
    void cloudFlag_data();
    void cloudFlag();
    void unknownCompany_data();
    void unknownCompany();
    void malformed_data();
    void malformed();
    void codebaseGetsTrailingSlash();
};

void TestCompanyInfo::parsesCloudAnswer()
{
    const QByteArray body = R"({"CompanyName":"ConnectWise","Codebase":"v2020_4/","VersionCode":"v2020.4",
        "VersionNumber":"v4.6.77997","CompanyID":"CW","IsCloud":true,"SiteUrl":"api-na.myconnectwise.net",
        "AllowedOrigins":["*.myconnectwise.net","cw.connectwise.net"]})";
    CompanyInfo info;
    QCOMPARE(CompanyInfo::parse(body, &info), CompanyInfo::ParseResult::Ok);
    QCOMPARE(info.companyName, QStringLiteral("ConnectWise"));
    QCOMPARE(info.companyId, QStringLiteral("CW"));
    QCOMPARE(info.codebase, QStringLiteral("v2020_4/"));
    QCOMPARE(info.siteUrl, QStringLiteral("api-na.myconnectwise.net"));
    QCOMPARE(info.versionCode, QStringLiteral("v2020.4"));
    QVERIFY(info.isCloud);
    QCOMPARE(info.allowedOrigins.size(), 2);
}

void TestCompanyInfo::cloudFlag_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("expected");
    QTest::newRow("bool true") << QByteArray("true") << true;
    QTest::newRow("bool false") << QByteArray("false") << false;
    QTest::newRow("string True") << QByteArray("\"True\"") << true;
    QTest::newRow("string False") << QByteArray("\"False\"") << false;
    QTest::newRow("string true lower") << QByteArray("\"true\"") << true;
    QTest::newRow("missing") << QByteArray("null") << false;
}

void TestCompanyInfo::cloudFlag()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, expected);
    const QByteArray body = R"({"CompanyName":"X","Codebase":"v4_6_release/","CompanyID":"x","IsCloud":)" + json + '}';
    CompanyInfo info;
    QCOMPARE(CompanyInfo::parse(body, &info), CompanyInfo::ParseResult::Ok);
    QCOMPARE(info.isCloud, expected);
}

void TestCompanyInfo::unknownCompany_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("null with whitespace") << QByteArray("  null\r\n");
}

void TestCompanyInfo::unknownCompany()
{
    QFETCH(QByteArray, body);
    QCOMPARE(CompanyInfo::parse(body, nullptr), CompanyInfo::ParseResult::UnknownCompany);
}

void TestCompanyInfo::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("html") << QByteArray("<html>Service unavailable</html>");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no codebase") << QByteArray(R"({"CompanyName":"X"})");
    QTest::newRow("truncated") << QByteArray(R"({"CompanyName":"X","Codebase":"v20)");
}

void TestCompanyInfo::malformed()
{
    QFETCH(QByteArray, body);
    CompanyInfo info;
    info.companyName = QStringLiteral("unchanged");
    QCOMPARE(CompanyInfo::parse(body, &info), CompanyInfo::ParseResult::Malformed);
    QCOMPARE(info.companyName, QStringLiteral("unchanged"));
}

void TestCompanyInfo::codebaseGetsTrailingSlash()
{
    CompanyInfo info;
    QCOMPARE(CompanyInfo::parse(R"({"Codebase":"/v2025_1","CompanyID":"x"})", &info), CompanyInfo::ParseResult::Ok);
    QCOMPARE(info.codebase, QStringLiteral("v2025_1/"));
}

QTEST_GUILESS_MAIN(TestCompanyInfo)
#include "tst_companyinfo.moc"
