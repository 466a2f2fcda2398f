#include "core/connectwise/PageQuery.h"

#include <QTest>
#include <QUrlQuery>

using Cw::ApiRequest;
using Cw::Conditions;
using Cw::PageQuery;

class TestPageQuery final : public QObject
{
    Q_OBJECT

private slots:
    void navigableSendsEverythingEveryPage();
    void forwardOnly();
    void count();
    void encodingSurvivesSpecialCharacters();
    void pageSizeClamped();
};

static QUrlQuery queryOf(const ApiRequest& request)
{
    return QUrlQuery(request.url(QUrl(QStringLiteral("https://h/v2025_1/apis/3.0"))));
}

void TestPageQuery::navigableSendsEverythingEveryPage()
{
    PageQuery q;
    q.path = QStringLiteral("company/companies");
    q.conditions = Conditions::like(QStringLiteral("name"), QStringLiteral("A%"));
    q.fields = QStringList {QStringLiteral("id"), QStringLiteral("name")};
    q.pageSize = 50;
    for (int page = 1; page <= 3; ++page) {
        const ApiRequest r = q.pageRequest(page, QString());
        const QUrlQuery query = queryOf(r);
        QCOMPARE(query.queryItemValue(QStringLiteral("page")), QString::number(page));
        QCOMPARE(query.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("50"));
        QCOMPARE(query.queryItemValue(QStringLiteral("conditions"), QUrl::FullyDecoded),
                 QStringLiteral("name like \"A%\""));
        QCOMPARE(query.queryItemValue(QStringLiteral("orderBy"), QUrl::FullyDecoded), QStringLiteral("id asc"));
        QCOMPARE(query.queryItemValue(QStringLiteral("fields")), QStringLiteral("id,name"));
        QVERIFY(r.headers.isEmpty());
        QCOMPARE(r.url(QUrl(QStringLiteral("https://h/v2025_1/apis/3.0"))).path(),
                 QStringLiteral("/v2025_1/apis/3.0/company/companies"));
    }
}

void TestPageQuery::forwardOnly()
{
    PageQuery q;
    q.path = QStringLiteral("company/companies");
    q.mode = PageQuery::Mode::ForwardOnly;
    const ApiRequest first = q.pageRequest(1, QString());
    QCOMPARE(first.headers.size(), 1);
    QCOMPARE(first.headers.at(0).first, QByteArray("pagination-type"));
    QCOMPARE(first.headers.at(0).second, QByteArray("forward-only"));
    QVERIFY(!queryOf(first).hasQueryItem(QStringLiteral("page")));
    QVERIFY(!queryOf(first).hasQueryItem(QStringLiteral("orderBy")));
    QVERIFY(!queryOf(first).hasQueryItem(QStringLiteral("pageId")));
    QCOMPARE(queryOf(first).queryItemValue(QStringLiteral("pageSize")), QStringLiteral("1000"));
    const ApiRequest later = q.pageRequest(7, QStringLiteral("2000"));
    QCOMPARE(queryOf(later).queryItemValue(QStringLiteral("pageId")), QStringLiteral("2000"));
    QVERIFY(!queryOf(later).hasQueryItem(QStringLiteral("page")));
}

void TestPageQuery::count()
{
    PageQuery q;
    q.path = QStringLiteral("procurement/subcategories/");
    q.conditions = Conditions::equals(QStringLiteral("inactiveFlag"), false);
    const ApiRequest r = q.countRequest();
    QCOMPARE(r.path, QStringLiteral("procurement/subcategories/count"));
    QCOMPARE(queryOf(r).queryItemValue(QStringLiteral("conditions"), QUrl::FullyDecoded),
             QStringLiteral("inactiveFlag = False"));
    QVERIFY(!queryOf(r).hasQueryItem(QStringLiteral("pageSize")));
}

void TestPageQuery::encodingSurvivesSpecialCharacters()
{
    PageQuery q;
    q.path = QStringLiteral("company/companies");
    q.conditions = Conditions::equals(QStringLiteral("name"), QStringLiteral("A&B + \"C\" 100% *x*'"));
    const QUrl url = q.pageRequest(1, QString()).url(QUrl(QStringLiteral("https://h/v/apis/3.0")));
    const QByteArray encoded = url.toEncoded();
    QVERIFY2(!encoded.contains("A&B"), encoded.constData());
    QVERIFY(encoded.contains("%26"));
    QVERIFY(encoded.contains("%2B"));
    QVERIFY(encoded.contains("%22"));
    QVERIFY(encoded.contains("%25"));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("conditions"), QUrl::FullyDecoded),
             QStringLiteral("name = \"A&B + \\\"C\\\" 100% *x*'\""));
}

void TestPageQuery::pageSizeClamped()
{
    PageQuery q;
    q.pageSize = 5000;
    QCOMPARE(q.effectivePageSize(), 1000);
    q.pageSize = 0;
    QCOMPARE(q.effectivePageSize(), 1);
}

QTEST_GUILESS_MAIN(TestPageQuery)
#include "tst_pagequery.moc"
