#include "core/connectwise/LinkHeader.h"

#include <QTest>

using Cw::LinkHeader;

class TestLinkHeader final : public QObject
{
    Q_OBJECT

private slots:
    void navigable();
    void forwardOnly();
    void commasInsideUrls();
    void emptyAndGarbage();
};

void TestLinkHeader::navigable()
{
    const LinkHeader links = LinkHeader::parse(
        "<https://staging.connectwisedev.com/v2017_3/apis/3.0/company/companies?pageSize=50&page=2>; rel=\"next\", "
        "<https://staging.connectwisedev.com/v2017_3/apis/3.0/company/companies?pageSize=50&page=4>; rel=\"last\"");
    QVERIFY(links.has(QStringLiteral("next")));
    QVERIFY(links.has(QStringLiteral("last")));
    QVERIFY(!links.has(QStringLiteral("prev")));
    QCOMPARE(links.parameter(QStringLiteral("next"), QStringLiteral("page")), QStringLiteral("2"));
    QCOMPARE(links.parameter(QStringLiteral("last"), QStringLiteral("page")), QStringLiteral("4"));
    QCOMPARE(links.url(QStringLiteral("next")).host(), QStringLiteral("staging.connectwisedev.com"));
}

void TestLinkHeader::forwardOnly()
{
    const LinkHeader links =
        LinkHeader::parse("<https://h/v4_6_release/apis/3.0/company/companies?pageSize=1000&pageId=2000>; rel=next");
    QCOMPARE(links.parameter(QStringLiteral("next"), QStringLiteral("pageId")), QStringLiteral("2000"));
    QCOMPARE(links.parameter(QStringLiteral("next"), QStringLiteral("missing")), QString());
}

void TestLinkHeader::commasInsideUrls()
{
    const LinkHeader links = LinkHeader::parse(
        "<https://h/apis/3.0/x?conditions=id%20in%20(1,2,3)&page=3>; rel=\"next\",<https://h/apis/3.0/x?page=1>; "
        "rel=\"first\"");
    QCOMPARE(links.parameter(QStringLiteral("next"), QStringLiteral("page")), QStringLiteral("3"));
    QCOMPARE(links.parameter(QStringLiteral("next"), QStringLiteral("conditions")), QStringLiteral("id in (1,2,3)"));
    QCOMPARE(links.parameter(QStringLiteral("first"), QStringLiteral("page")), QStringLiteral("1"));
}

void TestLinkHeader::emptyAndGarbage()
{
    QVERIFY(LinkHeader::parse(QByteArray()).isEmpty());
    QVERIFY(LinkHeader::parse("garbage; rel=next").isEmpty());
    QVERIFY(LinkHeader::parse("<https://h/x>").isEmpty()); // no rel
    QVERIFY(!LinkHeader::parse("<https://h/x>; rel=\"next\"").isEmpty());
}

QTEST_GUILESS_MAIN(TestLinkHeader)
#include "tst_linkheader.moc"
