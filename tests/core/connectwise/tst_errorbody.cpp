#include "core/connectwise/ErrorBody.h"

#include <QTest>

using Cw::ErrorBody;

class TestErrorBody final : public QObject
{
    Q_OBJECT

private slots:
    void validationBody();
    void nullErrors();
    void rateLimitShape();
    void plainText_data();
    void plainText();
    void mentions();
    void longTextIsCut();
};

void TestErrorBody::validationBody()
{
    const QByteArray json = R"({"code":"InvalidObject","message":"configuration object is invalid","errors":[
        {"code":"MissingRequiredField","message":"id or deviceIdentifier is required.","resource":"configuration","field":"id"},
        {"code":"NotFound","message":"Service Status 17 not found","resource":"ticket","field":"status/id"},
        {"code":"MaxLengthField","message":"too long","resource":"ticket","field":"id"}]})";
    const ErrorBody body = ErrorBody::parse(json);
    QVERIFY(body.isJson);
    QCOMPARE(body.code, QStringLiteral("InvalidObject"));
    QCOMPARE(body.message, QStringLiteral("configuration object is invalid"));
    QCOMPARE(body.errors.size(), 3);
    QCOMPARE(body.errors.at(0).code, QStringLiteral("MissingRequiredField"));
    QCOMPARE(body.errors.at(1).resource, QStringLiteral("ticket"));
    QCOMPARE(body.fields(), (QStringList {QStringLiteral("id"), QStringLiteral("status/id")}));
    QCOMPARE(body.serverMessage(), QStringLiteral("configuration object is invalid"));
    QVERIFY(body.text.isEmpty());
}

void TestErrorBody::nullErrors()
{
    const ErrorBody body = ErrorBody::parse(R"({"code":"Security","message":"SSL is required.","errors":null})");
    QVERIFY(body.isJson);
    QCOMPARE(body.code, QStringLiteral("Security"));
    QVERIFY(body.errors.isEmpty());
    QVERIFY(body.fields().isEmpty());
}

void TestErrorBody::rateLimitShape()
{
    const ErrorBody body = ErrorBody::parse(
        R"({"error":"ConnectWiseAPI","message":"Too many requests. Please try again in 30 seconds."})");
    QCOMPARE(body.code, QStringLiteral("ConnectWiseAPI"));
    QVERIFY(body.message.startsWith(QStringLiteral("Too many")));
}

void TestErrorBody::plainText_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");
    QTest::newRow("clientId") << QByteArray("Cannot process request: clientId header is required\r\n")
                              << QStringLiteral("Cannot process request: clientId header is required");
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                          << QStringLiteral("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("json array") << QByteArray("[1,2]") << QStringLiteral("[1,2]");
    QTest::newRow("truncated json") << QByteArray(R"({"code":"Unauth)") << QStringLiteral(R"({"code":"Unauth)");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestErrorBody::plainText()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    const ErrorBody body = ErrorBody::parse(raw);
    QVERIFY(!body.isJson);
    QCOMPARE(body.text, text);
    QVERIFY(body.code.isEmpty());
    QCOMPARE(body.serverMessage(), text);
    QCOMPARE(body.isEmpty(), text.isEmpty());
}

void TestErrorBody::mentions()
{
    QVERIFY(
        ErrorBody::parse("Cannot process request: clientId header is required").mentions(QStringLiteral("clientid")));
    QVERIFY(ErrorBody::parse(R"({"code":"Unauthorized","message":"The ClientId is not registered"})")
                .mentions(QStringLiteral("clientid")));
    QVERIFY(ErrorBody::parse(R"({"code":"x","message":"y","errors":[{"field":"clientId"}]})")
                .mentions(QStringLiteral("clientid")));
    QVERIFY(!ErrorBody::parse(R"({"code":"Unauthorized","message":"bad keys"})").mentions(QStringLiteral("clientid")));
}

void TestErrorBody::longTextIsCut()
{
    const ErrorBody body = ErrorBody::parse(QByteArray(2000, 'x'));
    QCOMPARE(body.text.size(), 500);
}

QTEST_GUILESS_MAIN(TestErrorBody)
#include "tst_errorbody.moc"
