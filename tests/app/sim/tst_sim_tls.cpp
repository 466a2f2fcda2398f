// cwconnector-sim over HTTPS with the test certificates in tests/data/tls.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QSslCertificate>
#include <QTest>

using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimTls final : public QObject
{
    Q_OBJECT

private slots:
    void httpsWithTrustedCa();
    void untrustedCertificatesAreRejected_data();
    void untrustedCertificatesAreRejected();
    void missingKeyFileIsAnError();

private:
    static QString tls(const char* file) { return QStringLiteral(CW_TEST_DATA_DIR "/tls/") + QLatin1String(file); }
    static QSslConfiguration trustingTestCa();
};

QSslConfiguration TestSimTls::trustingTestCa()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificates(tls("ca.pem"));
    return config;
}

void TestSimTls::httpsWithTrustedCa()
{
    CwTest::SimProcess sim;
    QVERIFY2(
        sim.start({QStringLiteral("--tls-cert"), tls("server.pem"), QStringLiteral("--tls-key"), tls("server.key")}),
        qPrintable(sim.output()));
    QCOMPARE(sim.baseUrl().scheme(), QStringLiteral("https"));
    SimTestClient client(sim.baseUrl());
    client.ssl = trustingTestCa();
    const SimReply info = client.get(client.url(QStringLiteral("/login/companyinfo/cwsim")));
    QCOMPARE(info.error, QNetworkReply::NoError);
    QCOMPARE(info.status, 200);
    const SimReply page = client.get(
        client.api(QStringLiteral("company/companies"), {{QStringLiteral("pageSize"), QStringLiteral("10")}}));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.array().size(), 10);
    QCOMPARE(page.peerCertificate, QSslCertificate::fromPath(tls("server.pem")).value(0));
    QVERIFY(page.link("next").toString().startsWith(QStringLiteral("https://127.0.0.1:")));

    // Without the test CA the same server is not trusted.
    SimTestClient untrusting(sim.baseUrl());
    const SimReply rejected = untrusting.get(untrusting.url(QStringLiteral("/login/companyinfo/cwsim")));
    QCOMPARE(rejected.error, QNetworkReply::SslHandshakeFailedError);
}

void TestSimTls::untrustedCertificatesAreRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expectedError");
    QTest::newRow("self-signed") << QStringLiteral("selfsigned") << int(QSslError::SelfSignedCertificate);
    QTest::newRow("expired") << QStringLiteral("expired") << int(QSslError::CertificateExpired);
    QTest::newRow("wrong host") << QStringLiteral("wronghost") << int(QSslError::HostNameMismatch);
}

void TestSimTls::untrustedCertificatesAreRejected()
{
    QFETCH(QString, name);
    QFETCH(int, expectedError);
    const QString cert = tls("") + name + QStringLiteral(".pem");
    const QString key = tls("") + name + QStringLiteral(".key");
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
             qPrintable(sim.output()));
    SimTestClient client(sim.baseUrl());
    client.ssl = trustingTestCa();
    const SimReply reply = client.get(client.url(QStringLiteral("/login/companyinfo/cwsim")));
    QCOMPARE(reply.error, QNetworkReply::SslHandshakeFailedError);
    // The sim served the certificate we gave it, and the client saw exactly the expected problem.
    const QList<QSslCertificate> served = QSslCertificate::fromPath(cert);
    QCOMPARE(served.size(), 1);
    bool found = false;
    for (const QSslError& error : reply.sslErrors) {
        found = found || (error.error() == QSslError::SslError(expectedError) && error.certificate() == served.first());
    }
    QVERIFY2(found, qPrintable(reply.sslErrors.value(0).errorString()));
}

void TestSimTls::missingKeyFileIsAnError()
{
    const auto result = CwTest::runProcess(QStringLiteral(CW_SIM_EXECUTABLE),
                                           {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tls-cert"),
                                            tls("server.pem"), QStringLiteral("--tls-key"), tls("nonexistent.key")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("nonexistent.key"));
    const auto half = CwTest::runProcess(
        QStringLiteral(CW_SIM_EXECUTABLE),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tls-cert"), tls("server.pem")});
    QCOMPARE(half.exitCode, 2);
    QVERIFY(half.err.contains("--tls-key"));
}

QTEST_GUILESS_MAIN(TestSimTls)
#include "tst_sim_tls.moc"
