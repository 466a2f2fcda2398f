// cwconnector-sim list queries: navigable and forward-only paging with Link headers, conditions,
// orderBy and fields, checked against the full record set fetched from the simulator.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using CwTest::Query;
using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimPaging final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void navigablePagingFollowsLinks();
    void linkRelsOnFirstMiddleLastPage();
    void pageBeyondEndIsEmpty();
    void pageSizeDefaultAndMaximum();
    void forwardOnlyToTheEnd();
    void likeWildcardIsStar();
    void conditions_data();
    void conditions();
    void badConditionIs400_data();
    void badConditionIs400();
    void orderBy();
    void fields();

private:
    CwTest::SimProcess m_sim;
    QJsonArray m_companies;
};

void TestSimPaging::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--records"), QStringLiteral("137")}), qPrintable(m_sim.output()));
    SimTestClient client(m_sim.baseUrl());
    m_companies = client.all(QStringLiteral("company/companies"));
    QCOMPARE(m_companies.size(), 137);
}

void TestSimPaging::navigablePagingFollowsLinks()
{
    SimTestClient client(m_sim.baseUrl());
    const QString condition = QStringLiteral("id > 10 and name like \"*a*\"");
    const Query query = {{QStringLiteral("conditions"), condition}, {QStringLiteral("pageSize"), QStringLiteral("7")}};
    const int expected =
        client.get(client.api(QStringLiteral("company/companies/count"), {{QStringLiteral("conditions"), condition}}))
            .object()
            .value(QLatin1String("count"))
            .toInt();
    QVERIFY(expected > 14);

    QUrl next = client.api(QStringLiteral("company/companies"), query);
    QSet<qint64> seen;
    int pages = 0;
    while (!next.isEmpty()) {
        const SimReply page = client.get(next);
        QCOMPARE(page.status, 200);
        ++pages;
        QVERIFY(page.array().size() <= 7);
        for (const QJsonValue& v : page.array()) {
            const QJsonObject record = v.toObject();
            QVERIFY(record.value(QLatin1String("id")).toInteger() > 10);
            QVERIFY(record.value(QLatin1String("name")).toString().contains(QLatin1Char('a'), Qt::CaseInsensitive));
            QVERIFY(!seen.contains(record.value(QLatin1String("id")).toInteger()));
            seen.insert(record.value(QLatin1String("id")).toInteger());
        }
        next = page.link("next");
        if (!next.isEmpty()) {
            // The Link keeps the conditions and pageSize and points to the same host and path.
            const QUrlQuery linkQuery(next);
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("conditions"), QUrl::FullyDecoded), condition);
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("7"));
            QCOMPARE(next.host(), m_sim.baseUrl().host());
            QCOMPARE(next.port(), m_sim.baseUrl().port());
            QCOMPARE(next.path(), QStringLiteral("/v2025_1/apis/3.0/company/companies"));
        }
        QVERIFY(pages < 100);
    }
    QCOMPARE(seen.size(), expected);
    QCOMPARE(pages, (expected + 6) / 7);
}

void TestSimPaging::linkRelsOnFirstMiddleLastPage()
{
    SimTestClient client(m_sim.baseUrl());
    auto page = [&client](int n) {
        return client.get(client.api(
            QStringLiteral("company/companies"),
            {{QStringLiteral("pageSize"), QStringLiteral("50")}, {QStringLiteral("page"), QString::number(n)}}));
    };
    const SimReply first = page(1);
    QVERIFY(first.link("first").isEmpty());
    QVERIFY(first.link("prev").isEmpty());
    QCOMPARE(QUrlQuery(first.link("next")).queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
    QCOMPARE(QUrlQuery(first.link("last")).queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
    const SimReply middle = page(2);
    QCOMPARE(QUrlQuery(middle.link("first")).queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
    QCOMPARE(QUrlQuery(middle.link("prev")).queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
    QCOMPARE(QUrlQuery(middle.link("next")).queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
    const SimReply last = page(3);
    QCOMPARE(last.array().size(), 37);
    QVERIFY(last.link("next").isEmpty());
    QCOMPARE(QUrlQuery(last.link("prev")).queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
    QVERIFY(last.link("first").toString().startsWith(QLatin1String("http://127.0.0.1:")));
}

void TestSimPaging::pageBeyondEndIsEmpty()
{
    SimTestClient client(m_sim.baseUrl());
    const SimReply reply = client.get(client.api(
        QStringLiteral("company/companies"),
        {{QStringLiteral("pageSize"), QStringLiteral("100")}, {QStringLiteral("page"), QStringLiteral("9")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("[]"));
    QVERIFY(reply.link("next").isEmpty());
    QCOMPARE(
        client.get(client.api(QStringLiteral("company/companies"), {{QStringLiteral("page"), QStringLiteral("0")}}))
            .status,
        400);
    QCOMPARE(
        client.get(client.api(QStringLiteral("company/companies"), {{QStringLiteral("page"), QStringLiteral("x")}}))
            .status,
        400);
}

void TestSimPaging::pageSizeDefaultAndMaximum()
{
    SimTestClient client(m_sim.baseUrl());
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies"))).array().size(), 25);
    CwTest::SimProcess big;
    QVERIFY(big.start({QStringLiteral("--records"), QStringLiteral("1200")}));
    SimTestClient bigClient(big.baseUrl());
    const SimReply reply = bigClient.get(
        bigClient.api(QStringLiteral("company/companies"), {{QStringLiteral("pageSize"), QStringLiteral("5000")}}));
    QCOMPARE(reply.array().size(), 1000);
    QCOMPARE(QUrlQuery(reply.link("last")).queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
}

void TestSimPaging::forwardOnlyToTheEnd()
{
    SimTestClient client(m_sim.baseUrl());
    const QList<QPair<QByteArray, QByteArray>> forward = {{"pagination-type", "forward-only"}};
    QUrl next = client.api(QStringLiteral("company/companies"),
                           {{QStringLiteral("pageSize"), QStringLiteral("40")},
                            {QStringLiteral("conditions"), QStringLiteral("id != 3")}});
    QList<qint64> ids;
    int pages = 0;
    while (!next.isEmpty() && pages < 50) {
        const SimReply page = client.get(next, forward);
        QCOMPARE(page.status, 200);
        ++pages;
        for (const QJsonValue& v : page.array()) {
            ids.append(v.toObject().value(QLatin1String("id")).toInteger());
        }
        next = page.link("next");
        QCOMPARE(next.isEmpty(), pages == 4); // rel="next" on every page but the last
        QCOMPARE(page.header("Link").isEmpty(), pages == 4); // present but empty at the end (see below)
        if (!next.isEmpty()) {
            const QUrlQuery linkQuery(next);
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("pageId")), QString::number(ids.last()));
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("conditions"), QUrl::FullyDecoded),
                     QStringLiteral("id != 3"));
        }
    }
    QCOMPARE(pages, 4); // 136 records in pages of 40
    QCOMPARE(ids.size(), 136);
    QVERIFY(!ids.contains(3));
    QVERIFY(std::is_sorted(ids.begin(), ids.end()));
    QCOMPARE(ids.last(), qint64(137));
}

void TestSimPaging::likeWildcardIsStar()
{
    SimTestClient client(m_sim.baseUrl());
    auto count = [&client](const QString& condition) {
        return client
            .get(client.api(QStringLiteral("company/companies/count"), {{QStringLiteral("conditions"), condition}}))
            .object()
            .value(QLatin1String("count"))
            .toInt(-1);
    };
    const int all = count(QString());
    QCOMPARE(count(QStringLiteral("name like \"*\"")), all);
    QVERIFY(count(QStringLiteral("name like \"*a*\"")) > 0);
    QCOMPARE(count(QStringLiteral("name like \"%a%\"")), 0); // '%' is no wildcard: names contain no '%'
    QCOMPARE(count(QStringLiteral("name like \"_*\"")), 0);
}

void TestSimPaging::conditions_data()
{
    QTest::addColumn<QString>("condition");
    const QJsonObject second = m_companies.at(1).toObject();
    const QString prefix = second.value(QLatin1String("name")).toString().left(4);
    QTest::newRow("id =") << QStringLiteral("id = 5");
    QTest::newRow("id >") << QStringLiteral("id > 100");
    QTest::newRow("in") << QStringLiteral("id in (1,2,3,200)");
    QTest::newRow("like") << QStringLiteral("name like \"%1*\"").arg(prefix);
    QTest::newRow("like lower case") << QStringLiteral("name like \"%1*\"").arg(prefix.toLower());
    QTest::newRow("string =")
        << QStringLiteral("identifier = \"%1\"").arg(second.value(QLatin1String("identifier")).toString());
    QTest::newRow("date") << QStringLiteral("_info/lastUpdated > [2025-01-01T00:00:00Z]");
    QTest::newRow("date lastUpdated shortcut") << QStringLiteral("lastUpdated > [2025-01-01T00:00:00Z]");
    QTest::newRow("bool") << QStringLiteral("deletedFlag = false");
    QTest::newRow("nested") << QStringLiteral("status/id = 1");
    QTest::newRow("and/or") << QStringLiteral("(status/id = 1 and id < 50) or id > 130");
}

// The simulator's answer equals filtering all records here; /count agrees with the list.
void TestSimPaging::conditions()
{
    QFETCH(QString, condition);
    SimTestClient client(m_sim.baseUrl());
    const QJsonArray result =
        client.all(QStringLiteral("company/companies"), {{QStringLiteral("conditions"), condition}});
    const int count =
        client.get(client.api(QStringLiteral("company/companies/count"), {{QStringLiteral("conditions"), condition}}))
            .object()
            .value(QLatin1String("count"))
            .toInt(-1);
    QCOMPARE(count, result.size());

    const QString name2 = m_companies.at(1).toObject().value(QLatin1String("name")).toString().left(4);
    QList<qint64> expected;
    for (const QJsonValue& v : m_companies) {
        const QJsonObject c = v.toObject();
        const qint64 id = c.value(QLatin1String("id")).toInteger();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        bool match = false;
        if (tag == QLatin1String("id =")) {
            match = id == 5;
        } else if (tag == QLatin1String("id >")) {
            match = id > 100;
        } else if (tag == QLatin1String("in")) {
            match = id <= 3;
        } else if (tag.startsWith(QLatin1String("like"))) {
            match = c.value(QLatin1String("name")).toString().startsWith(name2, Qt::CaseInsensitive);
        } else if (tag == QLatin1String("string =")) {
            match = id == 2;
        } else if (tag.startsWith(QLatin1String("date"))) {
            match = QDateTime::fromString(
                        c.value(QLatin1String("_info")).toObject().value(QLatin1String("lastUpdated")).toString(),
                        Qt::ISODate) > QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        } else if (tag == QLatin1String("bool")) {
            match = !c.value(QLatin1String("deletedFlag")).toBool();
        } else if (tag == QLatin1String("nested")) {
            match = c.value(QLatin1String("status")).toObject().value(QLatin1String("id")).toInt() == 1;
        } else if (tag == QLatin1String("and/or")) {
            match = (c.value(QLatin1String("status")).toObject().value(QLatin1String("id")).toInt() == 1 && id < 50) ||
                id > 130;
        }
        if (match) {
            expected.append(id);
        }
    }
    QList<qint64> actual;
    for (const QJsonValue& v : result) {
        actual.append(v.toObject().value(QLatin1String("id")).toInteger());
    }
    QCOMPARE(actual, expected);
    QVERIFY(!actual.isEmpty());
}

void TestSimPaging::badConditionIs400_data()
{
    QTest::addColumn<QString>("condition");
    QTest::newRow("no value") << QStringLiteral("id =");
    QTest::newRow("unquoted") << QStringLiteral("name = Acme");
    QTest::newRow("unbalanced") << QStringLiteral("(id = 1");
}

void TestSimPaging::badConditionIs400()
{
    QFETCH(QString, condition);
    SimTestClient client(m_sim.baseUrl());
    for (const QString& path : {QStringLiteral("company/companies"), QStringLiteral("company/companies/count")}) {
        const SimReply reply = client.get(client.api(path, {{QStringLiteral("conditions"), condition}}));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.object().value(QLatin1String("code")).toString(), QStringLiteral("InvalidObject"));
        QVERIFY2(reply.object().value(QLatin1String("message")).toString().contains(QLatin1String("condition")),
                 reply.body.constData());
    }
}

void TestSimPaging::orderBy()
{
    SimTestClient client(m_sim.baseUrl());
    const QJsonArray byIdDesc =
        client.all(QStringLiteral("company/companies"), {{QStringLiteral("orderBy"), QStringLiteral("id desc")}});
    QCOMPARE(byIdDesc.size(), 137);
    QCOMPARE(byIdDesc.first().toObject().value(QLatin1String("id")).toInteger(), qint64(137));
    QCOMPARE(byIdDesc.last().toObject().value(QLatin1String("id")).toInteger(), qint64(1));
    const QJsonArray byUpdate = client.all(QStringLiteral("company/companies"),
                                           {{QStringLiteral("orderBy"), QStringLiteral("lastUpdated desc")}});
    QCOMPARE(byUpdate.size(), 137);
    for (qsizetype i = 1; i < byUpdate.size(); ++i) {
        QVERIFY(byUpdate.at(i - 1)
                    .toObject()
                    .value(QLatin1String("_info"))
                    .toObject()
                    .value(QLatin1String("lastUpdated"))
                    .toString() >= byUpdate.at(i)
                                       .toObject()
                                       .value(QLatin1String("_info"))
                                       .toObject()
                                       .value(QLatin1String("lastUpdated"))
                                       .toString());
    }
    const QJsonArray byName =
        client.all(QStringLiteral("company/companies"), {{QStringLiteral("orderBy"), QStringLiteral("name asc")}});
    for (qsizetype i = 1; i < byName.size(); ++i) {
        QVERIFY(byName.at(i - 1)
                    .toObject()
                    .value(QLatin1String("name"))
                    .toString()
                    .compare(byName.at(i).toObject().value(QLatin1String("name")).toString(), Qt::CaseInsensitive) <=
                0);
    }
    QCOMPARE(client
                 .get(client.api(QStringLiteral("company/companies"),
                                 {{QStringLiteral("orderBy"), QStringLiteral("name sideways")}}))
                 .status,
             400);
}

void TestSimPaging::fields()
{
    SimTestClient client(m_sim.baseUrl());
    const SimReply list = client.get(client.api(QStringLiteral("company/companies"),
                                                {{QStringLiteral("fields"), QStringLiteral("id,name,status/name")},
                                                 {QStringLiteral("pageSize"), QStringLiteral("3")}}));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.array().size(), 3);
    for (const QJsonValue& v : list.array()) {
        const QJsonObject record = v.toObject();
        QCOMPARE(record.keys(), (QStringList {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status")}));
        QCOMPARE(record.value(QLatin1String("status")).toObject().keys(), QStringList {QStringLiteral("name")});
    }
    const SimReply one = client.get(
        client.api(QStringLiteral("company/companies/4"), {{QStringLiteral("fields"), QStringLiteral("identifier")}}));
    QCOMPARE(one.object().keys(), QStringList {QStringLiteral("identifier")});

    // Leaf fields (§4.4): inside objects, on every element of an array, and one member both whole and by path.
    const SimReply full = client.get(client.api(QStringLiteral("company/companies/4")));
    const SimReply leaves = client.get(
        client.api(QStringLiteral("company/companies/4"),
                   {{QStringLiteral("fields"),
                     QStringLiteral("id,types/id,currency/id,currency/name,_info/lastUpdated,site,site/id")}}));
    QCOMPARE(leaves.status, 200);
    const QJsonObject source = full.object();
    const QJsonObject leaf = leaves.object();
    const QJsonArray types = source.value(QLatin1String("types")).toArray();
    QVERIFY(!types.isEmpty());
    QJsonArray typeIds;
    for (const QJsonValue& t : types) {
        typeIds.append(QJsonObject {{QStringLiteral("id"), t.toObject().value(QLatin1String("id"))}});
    }
    QCOMPARE(leaf.value(QLatin1String("types")).toArray(), typeIds);
    const QJsonObject currency = source.value(QLatin1String("currency")).toObject();
    QCOMPARE(leaf.value(QLatin1String("currency")).toObject(),
             (QJsonObject {{QStringLiteral("id"), currency.value(QLatin1String("id"))},
                           {QStringLiteral("name"), currency.value(QLatin1String("name"))}}));
    QCOMPARE(leaf.value(QLatin1String("_info")).toObject().keys(), QStringList {QStringLiteral("lastUpdated")});
    QCOMPARE(leaf.value(QLatin1String("_info")).toObject().value(QLatin1String("lastUpdated")),
             source.value(QLatin1String("_info")).toObject().value(QLatin1String("lastUpdated")));
    QCOMPARE(leaf.value(QLatin1String("site")), source.value(QLatin1String("site")));
    QCOMPARE(leaf.keys(),
             (QStringList {QStringLiteral("_info"), QStringLiteral("currency"), QStringLiteral("id"),
                           QStringLiteral("site"), QStringLiteral("types")}));
    // The same on a page.
    const SimReply page = client.get(client.api(QStringLiteral("company/companies"),
                                                {{QStringLiteral("fields"), QStringLiteral("id,types/id")},
                                                 {QStringLiteral("pageSize"), QStringLiteral("2")}}));
    for (const QJsonValue& v : page.array()) {
        for (const QJsonValue& t : v.toObject().value(QLatin1String("types")).toArray()) {
            QCOMPARE(t.toObject().keys(), QStringList {QStringLiteral("id")});
        }
    }
}

QTEST_GUILESS_MAIN(TestSimPaging)
#include "tst_sim_paging.moc"
