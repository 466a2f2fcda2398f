// BodyCheck: whether a 2xx body arrived whole (Content-Length, JSON structure), without network.
#include "core/connectwise/BodyCheck.h"

#include <QTest>

using Cw::ApiResult;
using Cw::BodyCheck;

class TestBodyCheck final : public QObject
{
    Q_OBJECT

private slots:
    void rawJson_data();
    void rawJson();
    void encodedBodyIsNotMeasured();
};

void TestBodyCheck::rawJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentLength");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<bool>("truncated");
    QTest::newRow("array") << QByteArray("[{\"id\":1}]") << QByteArray("10") << true << false;
    QTest::newRow("object, spaces") << QByteArray(" \n{\"a\":[1]}\r\n") << QByteArray() << true << false;
    QTest::newRow("empty array") << QByteArray("[]") << QByteArray("2") << true << false;
    QTest::newRow("null") << QByteArray("null") << QByteArray("4") << true << false;
    QTest::newRow("number") << QByteArray("42") << QByteArray() << true << false;
    QTest::newRow("empty body") << QByteArray() << QByteArray("0") << true << false;
    QTest::newRow("shorter than Content-Length") << QByteArray("[{\"id\":1}]") << QByteArray("20") << false << true;
    QTest::newRow("array cut off") << QByteArray("[{\"id\":1},{\"id\"") << QByteArray() << false << true;
    QTest::newRow("object cut off") << QByteArray("{\"a\":[1,2") << QByteArray() << false << true;
    QTest::newRow("wrong closer") << QByteArray("[{\"a\":1}}") << QByteArray() << false << true;
    QTest::newRow("scalar cut off") << QByteArray("nu") << QByteArray() << false << false;
    QTest::newRow("html") << QByteArray("<html>proxy error</html>") << QByteArray() << false << false;
}

void TestBodyCheck::rawJson()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentLength);
    QFETCH(bool, whole);
    QFETCH(bool, truncated);
    ApiResult reply;
    reply.httpStatus = 200;
    reply.body = body;
    if (!contentLength.isEmpty()) {
        reply.headers.append({QByteArray("content-length"), contentLength});
    }
    const Cw::ApiError error = BodyCheck::rawJson(reply);
    QCOMPARE(error.isOk(), whole);
    if (!whole) {
        QCOMPARE(error.kind, Cw::ApiError::Kind::MalformedResponse);
        QCOMPARE(error.truncated, truncated);
        QVERIFY(!error.detail.isEmpty());
    }
    // length() alone looks at the length only.
    const bool cutByLength = qstrcmp(QTest::currentDataTag(), "shorter than Content-Length") == 0;
    QCOMPARE(BodyCheck::length(reply).isOk(), !cutByLength);
}

void TestBodyCheck::encodedBodyIsNotMeasured()
{
    // Qt decompresses a gzip body: the declared length is the compressed one, which says nothing about it.
    ApiResult reply;
    reply.body = QByteArray("[]");
    reply.headers = {{QByteArray("Content-Length"), QByteArray("22")},
                     {QByteArray("Content-Encoding"), QByteArray("gzip")}};
    QVERIFY(BodyCheck::rawJson(reply).isOk());
    reply.headers[1].second = "identity";
    QVERIFY(!BodyCheck::length(reply).isOk());
    QVERIFY(BodyCheck::length(reply).truncated);
}

QTEST_GUILESS_MAIN(TestBodyCheck)
#include "tst_bodycheck.moc"
