#include "core/connectwise/Site.h"

#include <QTest>

using Cw::Region;
using Cw::Site;
using Cw::SiteParseResult;

class TestSite final : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void remoteHttpNamesFieldAndFix();
    void regionTable_data();
    void regionTable();
    void urls();
    void loopback_data();
    void loopback();
    void normaliseCodebase_data();
    void normaliseCodebase();
};

void TestSite::accepted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("codebase");
    QTest::addColumn<bool>("https");

    const QString na = QStringLiteral("api-na.myconnectwise.net");
    QTest::newRow("login url") << QStringLiteral("https://na.myconnectwise.net/") << QStringLiteral("https://") + na
                               << na << -1 << QStringLiteral("na") << QString() << true;
    QTest::newRow("login url with page") << QStringLiteral("https://eu.myconnectwise.net/v2025_1/ConnectWise.aspx?x=1")
                                         << QStringLiteral("https://api-eu.myconnectwise.net")
                                         << QStringLiteral("api-eu.myconnectwise.net") << -1 << QStringLiteral("eu")
                                         << QString() << true;
    QTest::newRow("login host bare") << QStringLiteral("AU.MyConnectWise.net")
                                     << QStringLiteral("https://api-au.myconnectwise.net")
                                     << QStringLiteral("api-au.myconnectwise.net") << -1 << QStringLiteral("au")
                                     << QString() << true;
    QTest::newRow("login url with port") << QStringLiteral("https://na.myconnectwise.net:443/")
                                         << QStringLiteral("https://api-na.myconnectwise.net:443") << na << 443
                                         << QStringLiteral("na") << QString() << true;
    QTest::newRow("api host") << QStringLiteral("api-na.myconnectwise.net") << QStringLiteral("https://") + na << na
                              << -1 << QStringLiteral("na") << QString() << true;
    QTest::newRow("api host aus") << QStringLiteral("api-aus.myconnectwise.net")
                                  << QStringLiteral("https://api-aus.myconnectwise.net")
                                  << QStringLiteral("api-aus.myconnectwise.net") << -1 << QStringLiteral("aus")
                                  << QString() << true;
    QTest::newRow("za") << QStringLiteral("za.myconnectwise.net") << QStringLiteral("https://api-za.myconnectwise.net")
                        << QStringLiteral("api-za.myconnectwise.net") << -1 << QStringLiteral("za") << QString()
                        << true;
    QTest::newRow("staging") << QStringLiteral("https://staging.connectwisedev.com")
                             << QStringLiteral("https://api-staging.connectwisedev.com")
                             << QStringLiteral("api-staging.connectwisedev.com") << -1 << QStringLiteral("staging")
                             << QString() << true;
    QTest::newRow("full endpoint") << QStringLiteral("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/")
                                   << QStringLiteral("https://api-na.myconnectwise.net/v4_6_release/apis/3.0") << na
                                   << -1 << QStringLiteral("na") << QStringLiteral("v4_6_release/") << true;
    QTest::newRow("endpoint with resource")
        << QStringLiteral("api-eu.myconnectwise.net/v2025_1/apis/3.0/company/companies?pageSize=5")
        << QStringLiteral("https://api-eu.myconnectwise.net/v2025_1/apis/3.0")
        << QStringLiteral("api-eu.myconnectwise.net") << -1 << QStringLiteral("eu") << QStringLiteral("v2025_1/")
        << true;
    QTest::newRow("on premise host") << QStringLiteral("cw.example.com") << QStringLiteral("https://cw.example.com")
                                     << QStringLiteral("cw.example.com") << -1 << QString() << QString() << true;
    QTest::newRow("on premise with port")
        << QStringLiteral("cw.example.com:8443") << QStringLiteral("https://cw.example.com:8443")
        << QStringLiteral("cw.example.com") << 8443 << QString() << QString() << true;
    QTest::newRow("on premise endpoint") << QStringLiteral("https://cw.example.com/v4_6_release/apis/3.0")
                                         << QStringLiteral("https://cw.example.com/v4_6_release/apis/3.0")
                                         << QStringLiteral("cw.example.com") << -1 << QString()
                                         << QStringLiteral("v4_6_release/") << true;
    QTest::newRow("intranet single label") << QStringLiteral("cwserver") << QStringLiteral("https://cwserver")
                                           << QStringLiteral("cwserver") << -1 << QString() << QString() << true;
    QTest::newRow("whitespace and zero-width")
        << QStringLiteral("  \u200Bhttps://na.myconnectwise.net\uFEFF \n") << QStringLiteral("https://") + na << na
        << -1 << QStringLiteral("na") << QString() << true;
    QTest::newRow("trailing dot") << QStringLiteral("cw.example.com.") << QStringLiteral("https://cw.example.com")
                                  << QStringLiteral("cw.example.com") << -1 << QString() << QString() << true;
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTPS://CW.Example.COM/")
                                       << QStringLiteral("https://cw.example.com") << QStringLiteral("cw.example.com")
                                       << -1 << QString() << QString() << true;
    QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:40123")
                                   << QStringLiteral("http://127.0.0.1:40123") << QStringLiteral("127.0.0.1") << 40123
                                   << QString() << QString() << false;
    QTest::newRow("loopback http 127/8") << QStringLiteral("http://127.1.2.3:8080/")
                                         << QStringLiteral("http://127.1.2.3:8080") << QStringLiteral("127.1.2.3")
                                         << 8080 << QString() << QString() << false;
    QTest::newRow("localhost http") << QStringLiteral("http://localhost:9000")
                                    << QStringLiteral("http://localhost:9000") << QStringLiteral("localhost") << 9000
                                    << QString() << QString() << false;
    QTest::newRow("ipv6 loopback http") << QStringLiteral("http://[::1]:9000") << QStringLiteral("http://[::1]:9000")
                                        << QStringLiteral("::1") << 9000 << QString() << QString() << false;
    QTest::newRow("loopback https with codebase")
        << QStringLiteral("https://127.0.0.1:4443/v2025_1/apis/3.0/")
        << QStringLiteral("https://127.0.0.1:4443/v2025_1/apis/3.0") << QStringLiteral("127.0.0.1") << 4443 << QString()
        << QStringLiteral("v2025_1/") << true;
}

void TestSite::accepted()
{
    QFETCH(QString, input);
    QFETCH(QString, normalised);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, region);
    QFETCH(QString, codebase);
    QFETCH(bool, https);

    const SiteParseResult result = Site::parse(input);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(result.message.isEmpty());
    const Site& site = *result.site;
    QCOMPARE(site.toString(), normalised);
    QCOMPARE(site.host(), host);
    QCOMPARE(site.port(), port);
    QCOMPARE(site.region() ? site.region()->code() : QString(), region);
    QCOMPARE(site.isCloud(), !region.isEmpty());
    QCOMPARE(site.codebaseOverride(), codebase);
    QCOMPARE(site.isHttps(), https);
    // Normalising is idempotent: the normalised form parses to the same site.
    const SiteParseResult again = Site::parse(site.toString());
    QVERIFY(again.ok());
    QCOMPARE(*again.site, site);
}

void TestSite::rejected_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expectedInMessage");

    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("only spaces") << QStringLiteral("   \u200B ") << QStringLiteral("empty");
    QTest::newRow("words") << QStringLiteral("my connectwise site") << QStringLiteral("spaces");
    QTest::newRow("ftp") << QStringLiteral("ftp://na.myconnectwise.net") << QStringLiteral("ftp");
    QTest::newRow("remote http") << QStringLiteral("http://na.myconnectwise.net") << QStringLiteral("http://");
    QTest::newRow("remote http ip") << QStringLiteral("http://10.0.0.5:8080") << QStringLiteral("http://");
    QTest::newRow("no host") << QStringLiteral("https://") << QStringLiteral("not a valid");
    QTest::newRow("punctuation") << QStringLiteral("!!!") << QStringLiteral("not a valid");
    QTest::newRow("bad port") << QStringLiteral("cw.example.com:99999") << QStringLiteral("not a valid");
    QTest::newRow("credentials") << QStringLiteral("https://user:pw@cw.example.com") << QStringLiteral("password");
}

void TestSite::rejected()
{
    QFETCH(QString, input);
    QFETCH(QString, expectedInMessage);

    const SiteParseResult result = Site::parse(input, QStringLiteral("Site address"));
    QVERIFY(!result.ok());
    QCOMPARE(result.field, QStringLiteral("Site address"));
    QVERIFY2(result.message.contains(QStringLiteral("Site address")), qPrintable(result.message));
    QVERIFY2(result.message.contains(expectedInMessage, Qt::CaseInsensitive), qPrintable(result.message));
    QVERIFY(!result.fix.isEmpty());
}

void TestSite::remoteHttpNamesFieldAndFix()
{
    const SiteParseResult result = Site::parse(QStringLiteral("http://cw.example.com"), QStringLiteral("Server"));
    QVERIFY(!result.ok());
    QVERIFY(result.message.contains(QStringLiteral("Server")));
    QVERIFY(result.fix.contains(QStringLiteral("https://")));
    QVERIFY(result.fix.contains(QStringLiteral("Server")));
    // Without a field name the message still names one.
    const SiteParseResult unnamed = Site::parse(QStringLiteral("http://cw.example.com"));
    QVERIFY(unnamed.message.contains(unnamed.field));
    QVERIFY(!unnamed.field.isEmpty());
}

void TestSite::regionTable_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("api");
    QTest::newRow("na") << "na"
                        << "na.myconnectwise.net"
                        << "api-na.myconnectwise.net";
    QTest::newRow("eu") << "eu"
                        << "eu.myconnectwise.net"
                        << "api-eu.myconnectwise.net";
    QTest::newRow("au") << "au"
                        << "au.myconnectwise.net"
                        << "api-au.myconnectwise.net";
    QTest::newRow("aus") << "aus"
                         << "aus.myconnectwise.net"
                         << "api-aus.myconnectwise.net";
    QTest::newRow("za") << "za"
                        << "za.myconnectwise.net"
                        << "api-za.myconnectwise.net";
    QTest::newRow("staging") << "staging"
                             << "staging.connectwisedev.com"
                             << "api-staging.connectwisedev.com";
}

void TestSite::regionTable()
{
    QFETCH(QString, code);
    QFETCH(QString, login);
    QFETCH(QString, api);
    QCOMPARE(Region::all().size(), 6);
    const std::optional<Region> region = Region::byCode(code);
    QVERIFY(region);
    QCOMPARE(region->loginHost, login);
    QCOMPARE(region->apiHost, api);
    QVERIFY(!region->displayName().isEmpty());
    QCOMPARE(Region::byHost(login)->code(), code);
    QCOMPARE(Region::byHost(api.toUpper())->code(), code);
}

void TestSite::urls()
{
    const Site cloud = *Site::parse(QStringLiteral("na.myconnectwise.net")).site;
    QCOMPARE(cloud.companyInfoUrl(QStringLiteral("acme")).toString(),
             QStringLiteral("https://api-na.myconnectwise.net/login/companyinfo/acme"));
    QCOMPARE(cloud.apiBaseUrl(QStringLiteral("v2025_1/")).toString(),
             QStringLiteral("https://api-na.myconnectwise.net/v2025_1/apis/3.0"));
    QCOMPARE(cloud.apiBaseUrl(QStringLiteral("v2025_1"), QStringLiteral("api-eu.myconnectwise.net")).toString(),
             QStringLiteral("https://api-eu.myconnectwise.net/v2025_1/apis/3.0"));
    const Site local = *Site::parse(QStringLiteral("http://127.0.0.1:40123")).site;
    QCOMPARE(local.companyInfoUrl(QStringLiteral("cwsim")).toString(),
             QStringLiteral("http://127.0.0.1:40123/login/companyinfo/cwsim"));
    QCOMPARE(local.apiBaseUrl(QStringLiteral("v4_6_release/"), QStringLiteral("127.0.0.1:40123")).toString(),
             QStringLiteral("http://127.0.0.1:40123/v4_6_release/apis/3.0"));
}

void TestSite::loopback_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::newRow("127.255.0.9") << "127.255.0.9" << true;
    QTest::newRow("::1") << "::1" << true;
    QTest::newRow("[::1]") << "[::1]" << true;
    QTest::newRow("localhost") << "LocalHost" << true;
    QTest::newRow("10.0.0.1") << "10.0.0.1" << false;
    QTest::newRow("128.0.0.1") << "128.0.0.1" << false;
    QTest::newRow("localhost.example.com") << "localhost.example.com" << false;
    QTest::newRow("::2") << "::2" << false;
}

void TestSite::loopback()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(Site::isLoopbackHost(host), loopback);
}

void TestSite::normaliseCodebase_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "v2025_1"
                           << "v2025_1/";
    QTest::newRow("slashes") << "/v4_6_release/"
                             << "v4_6_release/";
    QTest::newRow("not a codebase") << "apis"
                                    << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestSite::normaliseCodebase()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Site::normaliseCodebase(input), expected);
}

QTEST_GUILESS_MAIN(TestSite)
#include "tst_site.moc"
