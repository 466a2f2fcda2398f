// cwconnector-sim's wire: list replies gzip-compressed for a client that accepts gzip, and the modelled link
// (--link-mbps, the "linkMbps" fault): one bandwidth limit shared by all connections. The real process over
// loopback.

#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using CwTest::SimProcess;
using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimLink final : public QObject
{
    Q_OBJECT

private slots:
    void listRepliesAreGzippedWhenAccepted();
    void linkBoundsParallelTransfersTogether();
    void linkIsAFaultOfTheControlApi();

private:
    struct Transfer
    {
        qint64 bytes = 0;
        qint64 ms = 0;
    };
    // GETs url on `parallel` connections at once; the size and the time of each.
    static QList<Transfer> getInParallel(SimTestClient& client, const QUrl& url, int parallel);
    static QJsonArray logEntries(SimTestClient& client, const QString& needle);
};

QList<TestSimLink::Transfer> TestSimLink::getInParallel(SimTestClient& client, const QUrl& url, int parallel)
{
    QNetworkAccessManager network;
    QList<QNetworkReply*> replies;
    QList<Transfer> transfers(parallel);
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    for (int i = 0; i < parallel; ++i) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", client.authorization());
        request.setRawHeader("clientId", client.clientId);
        request.setRawHeader("Accept-Encoding", "identity"); // the bytes on the wire are the bytes read
        QNetworkReply* reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, i, reply] {
            transfers[i] = {reply->readAll().size(), timer.elapsed()};
            ++done;
        });
        replies.append(reply);
    }
    const bool allDone = QTest::qWaitFor([&done, parallel] { return done == parallel; }, 60000);
    for (QNetworkReply* reply : replies) {
        if (!allDone || reply->error() != QNetworkReply::NoError) {
            qWarning() << "transfer failed:" << reply->errorString();
            transfers.clear();
        }
        delete reply;
    }
    return transfers;
}

QJsonArray TestSimLink::logEntries(SimTestClient& client, const QString& needle)
{
    QJsonArray matching;
    for (const QJsonValue& v : client.control("GET", QStringLiteral("requests")).array()) {
        if (v.toObject().value(QLatin1String("target")).toString().contains(needle)) {
            matching.append(v);
        }
    }
    return matching;
}

void TestSimLink::listRepliesAreGzippedWhenAccepted()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.output()));
    SimTestClient client(sim.baseUrl());
    const QUrl page =
        client.api(QStringLiteral("company/companies"), {{QStringLiteral("pageSize"), QStringLiteral("50")}});

    // As a client that does not accept gzip: the JSON as it is.
    const SimReply plain = client.get(page, {{"Accept-Encoding", "identity"}});
    QCOMPARE(plain.status, 200);
    QVERIFY(!plain.hasHeader("Content-Encoding"));
    QCOMPARE(plain.header("Content-Length").toLongLong(), plain.body.size());
    QCOMPARE(plain.array().size(), 50);

    // Asked for gzip: the compressed bytes, much smaller, with their own Content-Length.
    const SimReply raw = client.get(page, {{"Accept-Encoding", "gzip"}});
    QCOMPARE(raw.header("Content-Encoding"), QByteArray("gzip"));
    QVERIFY(raw.body.startsWith("\x1f\x8b\x08"));
    QCOMPARE(raw.header("Content-Length").toLongLong(), raw.body.size());
    QVERIFY2(raw.body.size() * 3 < plain.body.size(), qPrintable(QString::number(raw.body.size())));

    // QNetworkAccessManager offers gzip by itself and inflates the reply (checking its CRC): the same bytes.
    const SimReply inflated = client.get(page);
    QCOMPARE(inflated.status, 200);
    QCOMPARE(inflated.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(inflated.body, plain.body);

    // A small reply (one record) and an error are sent as they are.
    const SimReply one = client.get(client.api(QStringLiteral("company/companies/1")), {{"Accept-Encoding", "gzip"}});
    QCOMPARE(one.status, 200);
    QVERIFY(!one.hasHeader("Content-Encoding"));
    QVERIFY(!one.object().isEmpty());

    // The request log shows the encoding of each reply.
    const QJsonArray logged = logEntries(client, QStringLiteral("company/companies?pageSize=50"));
    QCOMPARE(logged.size(), 3);
    QCOMPARE(logged.at(0).toObject().value(QLatin1String("encoding")).toString(), QString());
    QCOMPARE(logged.at(1).toObject().value(QLatin1String("encoding")).toString(), QStringLiteral("gzip"));
    QCOMPARE(logged.at(2).toObject().value(QLatin1String("encoding")).toString(), QStringLiteral("gzip"));
}

void TestSimLink::linkBoundsParallelTransfersTogether()
{
    constexpr int mbps = 4;
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--records"), QStringLiteral("150"), QStringLiteral("--link-mbps"),
                        QString::number(mbps)}),
             qPrintable(sim.output()));
    SimTestClient client(sim.baseUrl());
    const QUrl page =
        client.api(QStringLiteral("company/companies"), {{QStringLiteral("pageSize"), QStringLiteral("1000")}});

    const QList<Transfer> transfers = getInParallel(client, page, 2);
    QCOMPARE(transfers.size(), 2);
    const qint64 total = transfers.at(0).bytes + transfers.at(1).bytes;
    const qint64 elapsed = std::max(transfers.at(0).ms, transfers.at(1).ms);
    QVERIFY2(total > 200 * 1000, qPrintable(QString::number(total))); // long enough to measure a rate
    const double linkMs = total * 8.0 / (mbps * 1e6) * 1000; // both transfers over one link of mbps
    const QString facts = QStringLiteral("%1 bytes in %2 and %3 ms; the link needs %4 ms")
                              .arg(total)
                              .arg(transfers.at(0).ms)
                              .arg(transfers.at(1).ms)
                              .arg(linkMs);
    // Together they never beat the link (20 ms of burst aside)...
    QVERIFY2(elapsed >= linkMs * 0.95 - 20, qPrintable(facts));
    // ...and they share it: each one ends near the end of both, not after its own half of the bytes.
    for (const Transfer& t : transfers) {
        QVERIFY2(t.ms >= linkMs * 0.75, qPrintable(facts));
    }
    QVERIFY2(elapsed < linkMs * 2 + 1000, qPrintable(facts)); // the link, not something else, is what limits
}

void TestSimLink::linkIsAFaultOfTheControlApi()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--records"), QStringLiteral("150")}), qPrintable(sim.output()));
    SimTestClient client(sim.baseUrl());
    const QUrl page =
        client.api(QStringLiteral("company/companies"), {{QStringLiteral("pageSize"), QStringLiteral("1000")}});
    const QList<Transfer> unlimited = getInParallel(client, page, 1);
    QCOMPARE(unlimited.size(), 1);

    const SimReply set = client.control("POST", QStringLiteral("faults"), R"({"linkMbps":8})");
    QCOMPARE(set.status, 200);
    QCOMPARE(set.object().value(QLatin1String("linkMbps")).toInt(), 8);
    const QList<Transfer> limited = getInParallel(client, page, 1);
    QCOMPARE(limited.size(), 1);
    const double linkMs = limited.first().bytes * 8.0 / 8e6 * 1000;
    QVERIFY2(limited.first().ms >= linkMs * 0.95 - 20,
             qPrintable(QStringLiteral("%1 bytes in %2 ms").arg(limited.first().bytes).arg(limited.first().ms)));
    QVERIFY(unlimited.first().ms < limited.first().ms);

    QCOMPARE(client.control("POST", QStringLiteral("faults"), R"({"linkMbps":-1})").status, 400);
    QCOMPARE(client.control("POST", QStringLiteral("faults"), "{}").status, 200); // the link is unlimited again
    QCOMPARE(client.control("GET", QStringLiteral("faults")).object().value(QLatin1String("linkMbps")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSimLink)
#include "tst_sim_link.moc"
