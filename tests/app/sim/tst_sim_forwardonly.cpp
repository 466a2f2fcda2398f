// cwconnector-sim's forward-only paging as ConnectWise does it: a Link header on every page (rel="next" with pageId
// while records remain, empty at the end), page ignored, orderBy refused; and endpoints that lack it
// (--no-forward-only, the faults' noForwardOnly) serving navigable pages instead. Conditions on id (served from the id
// order, as a range pull asks them) answer exactly the records a scan of the whole list finds, in id order.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using CwTest::Query;
using CwTest::SimReply;
using CwTest::SimTestClient;

using Match = std::function<bool(const QJsonObject&)>; // the records a condition must answer
Q_DECLARE_METATYPE(Match)

class TestSimForwardOnly final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void forwardOnlyLastPageHasAnEmptyLink();
    void forwardOnlyIgnoresPage();
    void noForwardOnlyServesNavigablePages();
    void idConditionsAnswerTheMatchingRecords_data();
    void idConditionsAnswerTheMatchingRecords();

private:
    CwTest::SimProcess m_sim;
};

void TestSimForwardOnly::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--records"), QStringLiteral("137")}), qPrintable(m_sim.output()));
}

void TestSimForwardOnly::forwardOnlyLastPageHasAnEmptyLink()
{
    // QNetworkReply drops a header without a value, so read the raw reply.
    auto head = [this](const QByteArray& query) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_sim.port());
        if (!socket.waitForConnected(10000)) {
            return QByteArray();
        }
        socket.write("GET /v2025_1/apis/3.0/company/companies?" + query +
                     " HTTP/1.1\r\nHost: x\r\nclientId: c\r\npagination-type: forward-only\r\nAuthorization: " +
                     SimTestClient(m_sim.baseUrl()).authorization() + "\r\nConnection: close\r\n\r\n");
        QByteArray received;
        while (!received.contains("\r\n\r\n") && socket.waitForReadyRead(10000)) {
            received += socket.readAll();
        }
        return received.left(received.indexOf("\r\n\r\n") + 2);
    };
    const QByteArray last = head("pageSize=10&pageId=130");
    QVERIFY2(last.startsWith("HTTP/1.1 200"), last.constData());
    QVERIFY2(last.contains("\r\nLink: \r\n"), last.constData());
    const QByteArray first = head("pageSize=10");
    QVERIFY2(first.contains("\r\nLink: <http"), first.constData());
    QVERIFY(first.contains("pageId=10>; rel=\"next\""));
}

void TestSimForwardOnly::forwardOnlyIgnoresPage()
{
    SimTestClient client(m_sim.baseUrl());
    const QList<QPair<QByteArray, QByteArray>> forward = {{"pagination-type", "forward-only"}};
    const SimReply plain = client.get(
        client.api(QStringLiteral("company/companies"), {{QStringLiteral("pageSize"), QStringLiteral("5")}}), forward);
    const SimReply withPage = client.get(
        client.api(QStringLiteral("company/companies"),
                   {{QStringLiteral("pageSize"), QStringLiteral("5")}, {QStringLiteral("page"), QStringLiteral("3")}}),
        forward);
    QCOMPARE(withPage.status, 200);
    QCOMPARE(withPage.body, plain.body);
    QCOMPARE(QUrlQuery(withPage.link("next")).queryItemValue(QStringLiteral("pageId")), QStringLiteral("5"));
    QVERIFY(!QUrlQuery(withPage.link("next")).hasQueryItem(QStringLiteral("page")));
    // orderBy cannot be used with forward-only paging (it is ordered by id).
    QCOMPARE(client
                 .get(client.api(QStringLiteral("company/companies"),
                                 {{QStringLiteral("orderBy"), QStringLiteral("name asc")}}),
                      forward)
                 .status,
             400);
}

void TestSimForwardOnly::noForwardOnlyServesNavigablePages()
{
    const QList<QPair<QByteArray, QByteArray>> forward = {{"pagination-type", "forward-only"}};
    const Query query {{QStringLiteral("pageSize"), QStringLiteral("40")}};
    auto check = [&](SimTestClient& client, const QString& path) {
        const SimReply first = client.get(client.api(path, query), forward);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.array().size(), 40);
        const QUrlQuery next(first.link("next"));
        QCOMPARE(next.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QVERIFY(!next.hasQueryItem(QStringLiteral("pageId")));
        QVERIFY(!first.link("last").isEmpty());
        const SimReply second = client.get(first.link("next"), forward);
        QCOMPARE(second.array().at(0).toObject().value(QLatin1String("id")).toInteger(), qint64(41));
    };
    CwTest::SimProcess flagged;
    QVERIFY(flagged.start({QStringLiteral("--no-forward-only"), QStringLiteral("procurement/catalog"),
                           QStringLiteral("--no-forward-only"), QStringLiteral("/company/companies/")}));
    SimTestClient flaggedClient(flagged.baseUrl());
    check(flaggedClient, QStringLiteral("company/companies"));
    check(flaggedClient, QStringLiteral("procurement/catalog"));
    // Other endpoints keep forward-only paging.
    const SimReply orders = flaggedClient.get(flaggedClient.api(QStringLiteral("sales/orders"), query), forward);
    QVERIFY(QUrlQuery(orders.link("next")).hasQueryItem(QStringLiteral("pageId")));
    QCOMPARE(
        flaggedClient.control("GET", QStringLiteral("faults")).object().value(QLatin1String("noForwardOnly")).toArray(),
        (QJsonArray {QStringLiteral("procurement/catalog"), QStringLiteral("company/companies")}));

    // At runtime, through the control API's faults.
    SimTestClient client(m_sim.baseUrl());
    QCOMPARE(client.control("POST", QStringLiteral("faults"), R"({"noForwardOnly":["sales/orders"]})").status, 200);
    check(client, QStringLiteral("sales/orders"));
    QCOMPARE(client.control("POST", QStringLiteral("faults"), "{}").status, 200);
    const SimReply again = client.get(client.api(QStringLiteral("sales/orders"), query), forward);
    QVERIFY(QUrlQuery(again.link("next")).hasQueryItem(QStringLiteral("pageId")));
}

void TestSimForwardOnly::idConditionsAnswerTheMatchingRecords_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<Match>("match");
    const auto id = [](const QJsonObject& r) { return r.value(QLatin1String("id")).toInteger(); };
    QTest::newRow("a range pull's range") << QStringLiteral("id > 20 and id <= 45")
                                          << Match([=](const QJsonObject& r) { return id(r) > 20 && id(r) <= 45; });
    QTest::newRow("to the end") << QStringLiteral("id > 120")
                                << Match([=](const QJsonObject& r) { return id(r) > 120; });
    QTest::newRow("fractions") << QStringLiteral("id > 10.5 and id < 12.5")
                               << Match([=](const QJsonObject& r) { return id(r) == 11 || id(r) == 12; });
    QTest::newRow("no whole id") << QStringLiteral("id = 5.5") << Match([](const QJsonObject&) { return false; });
    QTest::newRow("or") << QStringLiteral("(id > 130 and id < 200) or id = 3")
                        << Match([=](const QJsonObject& r) { return id(r) > 130 || id(r) == 3; });
    QTest::newRow("not") << QStringLiteral("not (id > 5)") << Match([=](const QJsonObject& r) { return id(r) <= 5; });
    QTest::newRow("in") << QStringLiteral("id in (99, 7, 500)")
                        << Match([=](const QJsonObject& r) { return id(r) == 7 || id(r) == 99; });
    QTest::newRow("!=") << QStringLiteral("id >= 30 and id < 40 and id != 33")
                        << Match([=](const QJsonObject& r) { return id(r) >= 30 && id(r) < 40 && id(r) != 33; });
    QTest::newRow("with another field") << QStringLiteral("id <= 60 and name like \"*1*\"")
                                        << Match([=](const QJsonObject& r) {
                                               return id(r) <= 60 &&
                                                   r.value(QLatin1String("name")).toString().contains(QLatin1Char('1'));
                                           });
    QTest::newRow("id as text") << QStringLiteral("id > \"120\"") << Match([=](const QJsonObject& r) {
        return QString::number(id(r)).compare(QLatin1String("120")) > 0;
    });
}

void TestSimForwardOnly::idConditionsAnswerTheMatchingRecords()
{
    QFETCH(QString, condition);
    QFETCH(Match, match);
    SimTestClient client(m_sim.baseUrl());
    const QString path = QStringLiteral("company/companies");
    QJsonArray expected;
    for (const QJsonValue& v : client.all(path)) {
        if (match(v.toObject())) {
            expected.append(v);
        }
    }
    QVERIFY(client.all(path).size() == 137);

    // Forward-only pages of 10, following the Link header: each names the last id of its page, the last one nothing.
    const QList<QPair<QByteArray, QByteArray>> forward = {{"pagination-type", "forward-only"}};
    QJsonArray paged;
    QUrl next = client.api(
        path, {{QStringLiteral("conditions"), condition}, {QStringLiteral("pageSize"), QStringLiteral("10")}});
    for (int pages = 0; !next.isEmpty(); ++pages) {
        QVERIFY(pages <= 15);
        const SimReply page = client.get(next, forward);
        QCOMPARE(page.status, 200);
        for (const QJsonValue& v : page.array()) {
            paged.append(v);
        }
        next = page.link("next");
        if (!next.isEmpty()) {
            QCOMPARE(page.array().size(), 10);
            QCOMPARE(QUrlQuery(next).queryItemValue(QStringLiteral("pageId")).toLongLong(),
                     page.array().last().toObject().value(QLatin1String("id")).toInteger());
            QCOMPARE(QUrlQuery(next).queryItemValue(QStringLiteral("conditions"), QUrl::FullyDecoded), condition);
        }
    }
    QCOMPARE(paged, expected);
    const SimReply count =
        client.get(client.api(path + QStringLiteral("/count"), {{QStringLiteral("conditions"), condition}}));
    QCOMPARE(count.object().value(QLatin1String("count")).toInteger(), qint64(expected.size()));

    // Navigable, ordered by id both ways (the last id of a range pull: orderBy=id desc, pageSize=1).
    for (const bool descending : {false, true}) {
        const SimReply ordered = client.get(
            client.api(path,
                       {{QStringLiteral("conditions"), condition},
                        {QStringLiteral("orderBy"), descending ? QStringLiteral("id desc") : QStringLiteral("id asc")},
                        {QStringLiteral("pageSize"), QStringLiteral("1000")}}));
        QCOMPARE(ordered.status, 200);
        QJsonArray want;
        for (const QJsonValue& v : expected) {
            descending ? want.prepend(v) : want.append(v);
        }
        QCOMPARE(ordered.array(), want);
    }
}

QTEST_GUILESS_MAIN(TestSimForwardOnly)
#include "tst_sim_forwardonly.moc"
