#include "core/config/Instance.h"

#include <QTest>

using Cw::Instance;
using Cw::StoreError;

class TestInstance final : public QObject
{
    Q_OBJECT

private slots:
    void name_data();
    void name();
    void nameKeyIgnoresCaseAndForm();
    void companyId_data();
    void companyId();
    void clientId_data();
    void clientId();
    void fields_data();
    void fields();
    void normalizeClearsUnusedProxy();
};

namespace {

Instance valid()
{
    Instance i;
    i.name = QStringLiteral("Production");
    i.deployment = QStringLiteral("na");
    i.companyId = QStringLiteral("acme");
    return i;
}

} // namespace

void TestInstance::name_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("stored");
    const QString a64(64, QLatin1Char('a'));
    QString emoji64;
    for (int i = 0; i < 64; ++i) {
        emoji64 += QString::fromUtf8("\xF0\x9F\x98\x80"); // two UTF-16 units, one character
    }
    QTest::newRow("plain") << QStringLiteral("Production") << true << QStringLiteral("Production");
    QTest::newRow("trimmed") << QStringLiteral("  Staging EU \t") << true << QStringLiteral("Staging EU");
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << false << QString();
    QTest::newRow("length 1") << QStringLiteral("x") << true << QStringLiteral("x");
    QTest::newRow("length 64") << a64 << true << a64;
    QTest::newRow("length 65") << a64 + QLatin1Char('a') << false << QString();
    QTest::newRow("length 64 after trim") << QLatin1String("  ") + a64 + QLatin1String("  ") << true << a64;
    QTest::newRow("64 emoji") << emoji64 << true << emoji64;
    QTest::newRow("65 emoji") << emoji64 + QString::fromUtf8("\xF0\x9F\x98\x80") << false << QString();
    QTest::newRow("unicode") << QString::fromUtf8("Produktion Zürich – 東京") << true
                             << QString::fromUtf8("Produktion Zürich – 東京");
    QTest::newRow("decomposed to NFC") << QString::fromUtf8("Cafe\xCC\x81") << true << QString::fromUtf8("Caf\xC3\xA9");
    QTest::newRow("quotes and semicolons")
        << QStringLiteral("O'Brien; \"prod\" --") << true << QStringLiteral("O'Brien; \"prod\" --");
    QTest::newRow("line break") << QStringLiteral("two\nlines") << false << QString();
    QTest::newRow("control") << QStringLiteral("bell\x07") << false << QString();
}

void TestInstance::name()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QFETCH(QString, stored);
    StoreError error;
    QCOMPARE(Instance::validateName(name, &error), ok);
    if (ok) {
        QCOMPARE(Instance::normalizedName(name), stored);
    } else {
        QCOMPARE(error.code, StoreError::Code::Invalid);
        QCOMPARE(error.field, QStringLiteral("Name"));
        QVERIFY2(error.message.startsWith(QLatin1String("Name: ")), qPrintable(error.message));
    }
}

void TestInstance::nameKeyIgnoresCaseAndForm()
{
    QCOMPARE(Instance::nameKey(QStringLiteral(" Production ")), Instance::nameKey(QStringLiteral("PRODUCTION")));
    QCOMPARE(Instance::nameKey(QString::fromUtf8("ÜBER")), Instance::nameKey(QString::fromUtf8("über")));
    QCOMPARE(Instance::nameKey(QString::fromUtf8("Cafe\xCC\x81")), Instance::nameKey(QString::fromUtf8("CAF\xC3\x89")));
    QVERIFY(Instance::nameKey(QStringLiteral("Prod")) != Instance::nameKey(QStringLiteral("Prod 2")));
}

void TestInstance::companyId_data()
{
    QTest::addColumn<QString>("companyId");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain") << QStringLiteral("acme") << true;
    QTest::newRow("underscore") << QStringLiteral("acme_corp2") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("acme corp") << false;
    QTest::newRow("plus") << QStringLiteral("acme+pub") << false;
    QTest::newRow("slash") << QStringLiteral("acme/x") << false;
}

void TestInstance::companyId()
{
    QFETCH(QString, companyId);
    QFETCH(bool, ok);
    StoreError error;
    QCOMPARE(Instance::validateCompanyId(companyId, &error), ok);
    if (!ok) {
        QVERIFY2(error.message.startsWith(QLatin1String("Company ID: ")), qPrintable(error.message));
    }
}

void TestInstance::clientId_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("empty") << QString() << true << QString();
    QTest::newRow("guid") << QStringLiteral("1B4E28BA-2FA1-11D2-883F-0016D3CCA427") << true
                          << QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    QTest::newRow("braced") << QStringLiteral("{1b4e28ba-2fa1-11d2-883f-0016d3cca427}") << true
                            << QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    QTest::newRow("half braced") << QStringLiteral("{1b4e28ba-2fa1-11d2-883f-0016d3cca427") << false << QString();
    QTest::newRow("short") << QStringLiteral("1b4e28ba-2fa1-11d2-883f") << false << QString();
    QTest::newRow("not hex") << QStringLiteral("zb4e28ba-2fa1-11d2-883f-0016d3cca427") << false << QString();
}

void TestInstance::clientId()
{
    QFETCH(QString, clientId);
    QFETCH(bool, ok);
    QFETCH(QString, normalized);
    StoreError error;
    QCOMPARE(Instance::validateClientId(clientId, &error), ok);
    if (ok) {
        Instance i = valid();
        i.clientId = clientId;
        i.normalize();
        QCOMPARE(i.clientId, normalized);
    } else {
        QVERIFY2(error.message.startsWith(QLatin1String("Client ID: ")), qPrintable(error.message));
    }
}

void TestInstance::fields_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("rawValue");
    QTest::addColumn<QByteArray>("rawErrorField"); // empty: valid
    QTest::newRow("cloud region") << QByteArray("deployment") << QByteArray("eu") << QByteArray("");
    QTest::newRow("staging") << QByteArray("deployment") << QByteArray("staging") << QByteArray("");
    QTest::newRow("upper-case region") << QByteArray("deployment") << QByteArray("AUS") << QByteArray("");
    QTest::newRow("unknown region") << QByteArray("deployment") << QByteArray("mars") << QByteArray("Deployment");
    QTest::newRow("onpremise without site") << QByteArray("onpremise") << QByteArray("") << QByteArray("Site");
    QTest::newRow("onpremise with site") << QByteArray("onpremise") << QByteArray("cw.example.com") << QByteArray("");
    QTest::newRow("site with space") << QByteArray("site") << QByteArray("cw example.com") << QByteArray("Site");
    QTest::newRow("codebase with space") << QByteArray("codebase") << QByteArray("v2025 1/") << QByteArray("Codebase");
    QTest::newRow("proxy ok") << QByteArray("proxy") << QByteArray("proxy.example.com:8080") << QByteArray("");
    QTest::newRow("proxy no host") << QByteArray("proxy") << QByteArray(":8080") << QByteArray("Proxy host");
    QTest::newRow("proxy scheme") << QByteArray("proxy") << QByteArray("http://proxy:8080") << QByteArray("Proxy host");
    QTest::newRow("proxy credentials") << QByteArray("proxy") << QByteArray("user@proxy:8080")
                                       << QByteArray("Proxy host");
    QTest::newRow("proxy port 0") << QByteArray("proxy") << QByteArray("proxy.example.com:0")
                                  << QByteArray("Proxy port");
    QTest::newRow("proxy port 65536") << QByteArray("proxy") << QByteArray("proxy.example.com:65536")
                                      << QByteArray("Proxy port");
    QTest::newRow("proxy port 65535") << QByteArray("proxy") << QByteArray("proxy.example.com:65535") << QByteArray("");
    QTest::newRow("one request at a time") << QByteArray("maxInFlight") << QByteArray("1") << QByteArray("");
    QTest::newRow("16 in flight") << QByteArray("maxInFlight") << QByteArray("16") << QByteArray("");
    QTest::newRow("none in flight") << QByteArray("maxInFlight") << QByteArray("0") << QByteArray("Requests in flight");
    QTest::newRow("17 in flight") << QByteArray("maxInFlight") << QByteArray("17") << QByteArray("Requests in flight");
}

void TestInstance::fields()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, rawValue);
    QFETCH(QByteArray, rawErrorField);
    const QString value = QString::fromUtf8(rawValue);
    const QString errorField = QString::fromUtf8(rawErrorField);
    Instance i = valid();
    if (field == QByteArray("deployment")) {
        i.deployment = value;
    } else if (field == QByteArray("onpremise")) {
        i.deployment = QStringLiteral("onpremise");
        i.site = value;
    } else if (field == QByteArray("site")) {
        i.site = value;
    } else if (field == QByteArray("codebase")) {
        i.codebaseOverride = value;
    } else if (field == QByteArray("proxy")) {
        i.proxyMode = Instance::ProxyMode::Manual;
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        i.proxyHost = value.left(colon);
        i.proxyPort = value.mid(colon + 1).toInt();
    } else if (field == QByteArray("maxInFlight")) {
        i.maxInFlight = value.toInt();
    }
    i.normalize();
    StoreError error;
    QCOMPARE(i.validate(&error), errorField.isEmpty());
    if (!errorField.isEmpty()) {
        QCOMPARE(error.field, errorField);
        QVERIFY2(error.message.startsWith(errorField + QLatin1String(": ")), qPrintable(error.message));
    }
}

void TestInstance::normalizeClearsUnusedProxy()
{
    Instance i = valid();
    i.proxyMode = Instance::ProxyMode::None;
    i.proxyHost = QStringLiteral("proxy");
    i.proxyPort = 3128;
    i.normalize();
    QVERIFY(i.proxyHost.isEmpty());
    QCOMPARE(i.proxyPort, 0);
    QVERIFY(i.validate(nullptr));
    QCOMPARE(i.maxInFlight, 4); // the default: a few requests in flight
}

QTEST_GUILESS_MAIN(TestInstance)
#include "tst_instance.moc"
