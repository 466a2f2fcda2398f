// A pull over gzip: the ApiClient's network manager offers gzip by itself, cwconnector-sim compresses its list pages,
// and the records the Pager hands out are exactly those the simulator serves uncompressed.
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/Pager.h"
#include "tests/support/SimFixture.h"

#include <QMap>
#include <QTest>

using namespace Cw;

class TestPagerGzip final : public QObject
{
    Q_OBJECT

private slots:
    void pullOverGzipGetsIdenticalRecords();

private:
    // Every company as the simulator sends it to a client that does not accept gzip, by id.
    static QMap<qint64, QJsonObject> uncompressed(const QUrl& simUrl, int total);
};

QMap<qint64, QJsonObject> TestPagerGzip::uncompressed(const QUrl& simUrl, int total)
{
    const Connection c = CwTest::simConnection(simUrl);
    QNetworkAccessManager network;
    QMap<qint64, QJsonObject> records;
    for (int page = 1; (page - 1) * 1000 < total; ++page) {
        QUrl url = simUrl;
        url.setPath(QStringLiteral("/v2025_1/apis/3.0/") + Endpoints::companies());
        url.setQuery(QStringLiteral("pageSize=1000&page=%1").arg(page));
        QNetworkRequest request(url);
        const QByteArray user =
            (c.companyId + QLatin1Char('+') + c.publicKey + QLatin1Char(':') + c.privateKey).toUtf8();
        request.setRawHeader("Authorization", "Basic " + user.toBase64());
        request.setRawHeader("clientId", c.clientId.toUtf8());
        request.setRawHeader("Accept-Encoding", "identity");
        QNetworkReply* reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(30000);
        if (!reply->rawHeader("Content-Encoding").isEmpty()) {
            qWarning("an identity request got an encoded reply");
            records.clear();
        }
        for (const QJsonValue& v : QJsonDocument::fromJson(reply->readAll()).array()) {
            records.insert(qint64(v.toObject().value(QLatin1String("id")).toDouble()), v.toObject());
        }
        delete reply;
    }
    return records;
}

void TestPagerGzip::pullOverGzipGetsIdenticalRecords()
{
    constexpr int total = 1500;
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--records"), QString::number(total)}), qPrintable(sim.output()));
    const std::unique_ptr<ApiClient> client(CwTest::session(CwTest::simConnection(sim.baseUrl())).newClient());

    for (const PageQuery::Mode mode : {PageQuery::Mode::Navigable, PageQuery::Mode::ForwardOnly}) {
        PageQuery query;
        query.path = Endpoints::companies();
        query.mode = mode;
        query.pageSize = 1000;
        QMap<qint64, QJsonObject> pulled;
        Pager pager(client.get(), query);
        connect(&pager, &Pager::pageReady, this, [&pulled](const Page& page) {
            for (const QJsonValue& v : page.records) {
                pulled.insert(qint64(v.toObject().value(QLatin1String("id")).toDouble()), v.toObject());
            }
        });
        pager.start();
        const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &Pager::finished, 120000);
        QVERIFY2(result.ok(), qPrintable(result.error.summary()));
        QCOMPARE(pulled.size(), total);
        QVERIFY(pulled == uncompressed(sim.baseUrl(), total));
    }

    // Every page the pager asked for came gzip-compressed; the identity requests did not.
    int gzipped = 0;
    int plain = 0;
    for (const QJsonValue& v : CwTest::simRequests(sim.baseUrl(), Endpoints::companies())) {
        const QJsonObject entry = v.toObject();
        QCOMPARE(entry.value(QLatin1String("status")).toInt(), 200);
        if (entry.value(QLatin1String("encoding")).toString() == QLatin1String("gzip")) {
            ++gzipped;
        } else {
            ++plain;
        }
    }
    QVERIFY2(gzipped >= 4, qPrintable(QString::number(gzipped))); // two pages each way, at least
    QCOMPARE(plain, 4); // the two uncompressed pulls of two pages
}

QTEST_GUILESS_MAIN(TestPagerGzip)
#include "tst_pager_gzip.moc"
