#include "core/connectwise/ErrorClassifier.h"

#include <QTest>

using Cw::ApiError;
using Cw::ErrorClassifier;
using Kind = Cw::ApiError::Kind;
using Reason = Cw::ApiError::TlsReason;

class TestErrorClassifier final : public QObject
{
    Q_OBJECT

private slots:
    void http_data();
    void http();
    void permissionNamesModule();
    void permissionFromBodyWhenEndpointUnknown();
    void invalidRequestListsFields();
    void network_data();
    void network();
    void tls_data();
    void tls();
    void everyKindHasTexts();
};

void TestErrorClassifier::http_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::newRow("401") << 401 << QByteArray(R"({"code":"Unauthorized","message":"bad"})") << "keys-rejected";
    QTest::newRow("400 clientId text") << 400 << QByteArray("Cannot process request: clientId header is required")
                                       << "client-id-rejected";
    QTest::newRow("401 clientId") << 401 << QByteArray(R"({"code":"Unauthorized","message":"clientId not valid"})")
                                  << "client-id-rejected";
    QTest::newRow("403 clientId") << 403 << QByteArray("Invalid ClientID") << "client-id-rejected";
    QTest::newRow("403") << 403 << QByteArray(R"({"code":"Unauthorized","message":"no"})") << "permission-denied";
    QTest::newRow("404") << 404 << QByteArray(R"({"code":"NotFound","message":"x"})") << "not-found";
    QTest::newRow("409") << 409 << QByteArray() << "conflict";
    QTest::newRow("429 text") << 429 << QByteArray("Too many requests") << "rate-limited";
    QTest::newRow("400") << 400 << QByteArray(R"({"code":"InvalidObject","message":"x"})") << "invalid-request";
    QTest::newRow("500") << 500 << QByteArray() << "server-error";
    QTest::newRow("503") << 503 << QByteArray("<html>") << "server-error";
    QTest::newRow("302") << 302 << QByteArray() << "unexpected-response";
    QTest::newRow("415") << 415 << QByteArray() << "unexpected-response";
}

void TestErrorClassifier::http()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    const ApiError error = ErrorClassifier::fromHttp(status, body, QStringLiteral("company/companies"));
    QCOMPARE(ApiError::kindName(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    QVERIFY(!error.message().isEmpty());
    QVERIFY(!error.fix().isEmpty());
}

void TestErrorClassifier::permissionNamesModule()
{
    const ApiError error = ErrorClassifier::fromHttp(
        403,
        R"({"code":"Unauthorized","message":"You do not have permission to access the Finance module (Invoicing)."})",
        QStringLiteral("finance/invoices/7"));
    QCOMPARE(error.kind, Kind::PermissionDenied);
    QCOMPARE(error.permission, QStringLiteral("Finance > Invoicing"));
    QVERIFY(error.message().contains(QStringLiteral("Finance > Invoicing")));
    QVERIFY(error.message().contains(QStringLiteral("Finance module (Invoicing)")));
    QVERIFY(error.fix().contains(QStringLiteral("Finance > Invoicing")));
    QVERIFY(error.fix().contains(QStringLiteral("Security Roles")));
}

void TestErrorClassifier::permissionFromBodyWhenEndpointUnknown()
{
    const ApiError error = ErrorClassifier::fromHttp(
        403,
        R"({"code":"Unauthorized","message":"You do not have permission to access the Service Desk module (Service Tickets). Please contact your administrator."})",
        QStringLiteral("service/tickets"));
    QCOMPARE(error.permission, QStringLiteral("Service Desk > Service Tickets"));
    const ApiError unknown = ErrorClassifier::fromHttp(403, "Forbidden", QStringLiteral("marketing/groups"));
    QCOMPARE(unknown.kind, Kind::PermissionDenied);
    QVERIFY(!unknown.message().isEmpty());
    QVERIFY(unknown.fix().contains(QStringLiteral("marketing/groups")));
}

void TestErrorClassifier::invalidRequestListsFields()
{
    const ApiError error = ErrorClassifier::fromHttp(
        400,
        R"({"code":"InvalidObject","message":"company object is invalid","errors":[{"code":"MissingRequiredField","message":"identifier is required.","resource":"company","field":"identifier"},{"code":"MaxLengthField","message":"name too long","field":"name"}]})",
        QStringLiteral("company/companies"));
    QCOMPARE(error.kind, Kind::InvalidRequest);
    QCOMPARE(error.body.fields(), (QStringList {QStringLiteral("identifier"), QStringLiteral("name")}));
    QVERIFY(error.message().contains(QStringLiteral("identifier, name")));
    QVERIFY(error.message().contains(QStringLiteral("identifier is required.")));
}

void TestErrorClassifier::network_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("transient");
    QTest::newRow("dns") << int(QNetworkReply::HostNotFoundError) << "host-not-found" << false;
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << "connection-refused" << false;
    QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError) << "connection-dropped" << true;
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError) << "timeout" << false;
    QTest::newRow("proxy refused") << int(QNetworkReply::ProxyConnectionRefusedError) << "proxy" << false;
    QTest::newRow("proxy auth") << int(QNetworkReply::ProxyAuthenticationRequiredError) << "proxy-login-rejected"
                                << false;
    QTest::newRow("network") << int(QNetworkReply::UnknownNetworkError) << "unreachable" << true;
    QTest::newRow("handshake") << int(QNetworkReply::SslHandshakeFailedError) << "tls" << false;
}

void TestErrorClassifier::network()
{
    QFETCH(int, error);
    QFETCH(QString, kind);
    QFETCH(bool, transient);
    const auto code = static_cast<QNetworkReply::NetworkError>(error);
    const ApiError e = ErrorClassifier::fromNetwork(code, QStringLiteral("qt text"), {});
    QCOMPARE(ApiError::kindName(e.kind), kind);
    QCOMPARE(ErrorClassifier::isTransientNetworkError(code), transient);
    QCOMPARE(e.detail, QStringLiteral("qt text"));
}

void TestErrorClassifier::tls_data()
{
    QTest::addColumn<QList<int>>("errors");
    QTest::addColumn<QList<int>>("reasons");
    QTest::addColumn<QString>("inMessage");
    QTest::newRow("self-signed") << QList<int> {int(QSslError::SelfSignedCertificate)}
                                 << QList<int> {int(Reason::SelfSigned)} << "self-signed";
    QTest::newRow("expired") << QList<int> {int(QSslError::CertificateExpired)} << QList<int> {int(Reason::Expired)}
                             << "expired";
    QTest::newRow("wrong host") << QList<int> {int(QSslError::HostNameMismatch)} << QList<int> {int(Reason::WrongHost)}
                                << "another host";
    QTest::newRow("chain") << QList<int> {int(QSslError::UnableToGetLocalIssuerCertificate),
                                          int(QSslError::UnableToVerifyFirstCertificate)}
                           << QList<int> {int(Reason::UntrustedChain)} << "incomplete";
    QTest::newRow("ordered") << QList<int> {int(QSslError::HostNameMismatch), int(QSslError::SelfSignedCertificate)}
                             << QList<int> {int(Reason::SelfSigned), int(Reason::WrongHost)} << "self-signed";
}

void TestErrorClassifier::tls()
{
    QFETCH(QList<int>, errors);
    QFETCH(QList<int>, reasons);
    QFETCH(QString, inMessage);
    QList<QSslError> sslErrors;
    for (const int e : errors) {
        sslErrors.append(QSslError(static_cast<QSslError::SslError>(e)));
    }
    const ApiError error = ErrorClassifier::fromNetwork(QNetworkReply::SslHandshakeFailedError, QString(), sslErrors);
    QCOMPARE(error.kind, Kind::Tls);
    QList<int> got;
    for (const Reason r : error.tlsReasons) {
        got.append(int(r));
    }
    QCOMPARE(got, reasons);
    QVERIFY2(error.message().contains(inMessage), qPrintable(error.message()));
    QVERIFY(!error.fix().isEmpty());
    QVERIFY(!error.detail.isEmpty());
}

void TestErrorClassifier::everyKindHasTexts()
{
    for (int k = int(Kind::Configuration); k <= int(Kind::ProxyLoginRejected); ++k) {
        ApiError e;
        e.kind = static_cast<Kind>(k);
        e.host = QStringLiteral("h");
        QVERIFY2(!e.message().isEmpty(), qPrintable(ApiError::kindName(e.kind)));
        QVERIFY2(!e.fix().isEmpty(), qPrintable(ApiError::kindName(e.kind)));
        QVERIFY(ApiError::kindName(e.kind) != QStringLiteral("unknown"));
    }
}

QTEST_GUILESS_MAIN(TestErrorClassifier)
#include "tst_errorclassifier.moc"
