// cwconnector-sim's forward-only paging as ConnectWise does it: a Link header on every page (rel="next" with pageId
// while records remain, empty at the end), page ignored, orderBy refused; and endpoints that lack it
// (--no-forward-only, the faults' noForwardOnly) serving navigable pages instead.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using CwTest::Query;
using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimForwardOnly final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void forwardOnlyLastPageHasAnEmptyLink();
    void forwardOnlyIgnoresPage();
    void noForwardOnlyServesNavigablePages();

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

QTEST_GUILESS_MAIN(TestSimForwardOnly)
#include "tst_sim_forwardonly.moc"
