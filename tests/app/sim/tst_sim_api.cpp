// cwconnector-sim as a ConnectWise API: auth, company lookup, every endpoint, seeded data, codebase moves.
#include "tests/app/sim/SimTestClient.h"
#include "tests/support/SimProcess.h"

#include <QProcessEnvironment>
#include <QTest>

using CwTest::SimReply;
using CwTest::SimTestClient;

class TestSimApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void companyInfo();
    void authentication_data();
    void authentication();
    void requiredClientId();
    void keysFromEnvironment();
    void endpoints_data();
    void endpoints();
    void systemInfo();
    void invoicePayments();
    void sameSeedSameBytes();
    void recordsHaveRealisticShape();
    void codebaseMoves();
    void unknownCodebaseIs404();

private:
    CwTest::SimProcess m_sim;
};

void TestSimApi::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--records"), QStringLiteral("40")}), qPrintable(m_sim.output()));
}

void TestSimApi::companyInfo()
{
    SimTestClient client(m_sim.baseUrl());
    client.sendAuth = false;
    client.clientId.clear();
    const SimReply known = client.get(client.url(QStringLiteral("/login/companyinfo/CWSIM")));
    QCOMPARE(known.status, 200);
    const QJsonObject info = known.object();
    QCOMPARE(info.value(QLatin1String("CompanyID")).toString(), QStringLiteral("cwsim"));
    QCOMPARE(info.value(QLatin1String("Codebase")).toString(), QStringLiteral("v2025_1/"));
    QCOMPARE(info.value(QLatin1String("VersionCode")).toString(), QStringLiteral("v2025.1"));
    QVERIFY(info.value(QLatin1String("IsCloud")).isBool());
    QCOMPARE(info.value(QLatin1String("SiteUrl")).toString(), m_sim.hostAndPort());
    QVERIFY(!info.value(QLatin1String("CompanyName")).toString().isEmpty());

    const SimReply unknown = client.get(client.url(QStringLiteral("/login/companyinfo/somebodyelse")));
    QCOMPARE(unknown.status, 200);
    QCOMPARE(unknown.body.trimmed(), QByteArray("null"));
}

void TestSimApi::authentication_data()
{
    QTest::addColumn<QString>("company");
    QTest::addColumn<QString>("publicKey");
    QTest::addColumn<QString>("privateKey");
    QTest::addColumn<int>("status");
    QTest::newRow("good") << "cwsim"
                          << "demopublickey0001"
                          << "demoprivatekey0001" << 200;
    QTest::newRow("company case-insensitive") << "CwSim"
                                              << "demopublickey0001"
                                              << "demoprivatekey0001" << 200;
    QTest::newRow("wrong private key") << "cwsim"
                                       << "demopublickey0001"
                                       << "wrong" << 401;
    QTest::newRow("wrong public key") << "cwsim"
                                      << "demopublickey0002"
                                      << "demoprivatekey0001" << 401;
    QTest::newRow("wrong company") << "othercompany"
                                   << "demopublickey0001"
                                   << "demoprivatekey0001" << 401;
    QTest::newRow("public key case matters") << "cwsim"
                                             << "DEMOPUBLICKEY0001"
                                             << "demoprivatekey0001" << 401;
}

void TestSimApi::authentication()
{
    QFETCH(QString, company);
    QFETCH(QString, publicKey);
    QFETCH(QString, privateKey);
    QFETCH(int, status);
    SimTestClient client(m_sim.baseUrl());
    client.company = company;
    client.publicKey = publicKey;
    client.privateKey = privateKey;
    const SimReply reply = client.get(client.api(QStringLiteral("system/info")));
    QCOMPARE(reply.status, status);
    if (status == 401) {
        QCOMPARE(reply.object().value(QLatin1String("code")).toString(), QStringLiteral("Unauthorized"));
        QVERIFY(!reply.object().value(QLatin1String("message")).toString().isEmpty());
    }
}

void TestSimApi::requiredClientId()
{
    SimTestClient client(m_sim.baseUrl());
    client.clientId.clear();
    const SimReply missing = client.get(client.api(QStringLiteral("company/companies")));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.body, QByteArray("Cannot process request: clientId header is required"));
    QVERIFY(missing.header("Content-Type").startsWith("text/plain"));

    client.sendAuth = false; // no Authorization at all, but a clientId
    client.clientId = "any";
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies"))).status, 401);
    client.sendAuth = true;
    client.publicKey = QStringLiteral("garbage:with:colons");
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies"))).status, 401);

    CwTest::SimProcess strict;
    const QString guid = QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    QVERIFY2(strict.start({QStringLiteral("--client-id"), guid}), qPrintable(strict.output()));
    SimTestClient strictClient(strict.baseUrl());
    strictClient.clientId = guid.toUtf8();
    QCOMPARE(strictClient.get(strictClient.api(QStringLiteral("system/info"))).status, 200);
    strictClient.clientId = "0e0e0e0e-0000-0000-0000-000000000000";
    const SimReply wrong = strictClient.get(strictClient.api(QStringLiteral("system/info")));
    QCOMPARE(wrong.status, 401);
    QVERIFY2(wrong.object().value(QLatin1String("message")).toString().contains(QLatin1String("clientId")),
             wrong.body.constData());
    strictClient.clientId.clear();
    QCOMPARE(strictClient.get(strictClient.api(QStringLiteral("system/info"))).status, 400);
}

void TestSimApi::keysFromEnvironment()
{
    CwTest::SimProcess sim;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CWSIM_PUBLIC_KEY"), QStringLiteral("envpublic"));
    env.insert(QStringLiteral("CWSIM_PRIVATE_KEY"), QStringLiteral("envprivate"));
    sim.process().setProcessEnvironment(env);
    QVERIFY2(sim.start({QStringLiteral("--company"), QStringLiteral("acme")}), qPrintable(sim.output()));
    SimTestClient client(sim.baseUrl());
    client.company = QStringLiteral("acme");
    QCOMPARE(client.get(client.api(QStringLiteral("system/info"))).status, 401); // the defaults no longer work
    client.publicKey = QStringLiteral("envpublic");
    client.privateKey = QStringLiteral("envprivate");
    QCOMPARE(client.get(client.api(QStringLiteral("system/info"))).status, 200);
}

void TestSimApi::endpoints_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("minimumCount");
    QTest::newRow("members") << "system/members" << 14;
    QTest::newRow("companies") << "company/companies" << 40;
    QTest::newRow("company types") << "company/companies/types" << 3;
    QTest::newRow("company statuses") << "company/companies/statuses" << 3;
    QTest::newRow("currencies") << "finance/currencies" << 2;
    QTest::newRow("billing statuses") << "finance/billingStatuses" << 3;
    QTest::newRow("invoices") << "finance/invoices" << 40;
    QTest::newRow("catalog") << "procurement/catalog" << 40;
    QTest::newRow("product types") << "procurement/types" << 3;
    QTest::newRow("categories") << "procurement/categories" << 3;
    QTest::newRow("subcategories") << "procurement/subcategories" << 3;
    QTest::newRow("subcategories trailing slash") << "procurement/subcategories/" << 3;
    QTest::newRow("units of measure") << "procurement/unitOfMeasures" << 3;
    QTest::newRow("sales orders") << "sales/orders" << 40;
    QTest::newRow("order statuses") << "sales/orders/statuses" << 3;
}

void TestSimApi::endpoints()
{
    QFETCH(QString, path);
    QFETCH(int, minimumCount);
    SimTestClient client(m_sim.baseUrl());
    QString base = path;
    if (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }

    const SimReply count = client.get(client.api(base + QStringLiteral("/count")));
    QCOMPARE(count.status, 200);
    const int total = count.object().value(QLatin1String("count")).toInt(-1);
    QVERIFY2(total >= minimumCount, count.body.constData());

    const SimReply list = client.get(client.api(path, {{QStringLiteral("pageSize"), QStringLiteral("1000")}}));
    QCOMPARE(list.status, 200);
    QVERIFY(list.header("Content-Type").startsWith("application/json"));
    const QJsonArray records = list.array();
    QCOMPARE(records.size(), total);
    qint64 previousId = 0;
    for (const QJsonValue& value : records) {
        const QJsonObject record = value.toObject();
        const qint64 id = record.value(QLatin1String("id")).toInteger();
        QVERIFY(id > previousId); // ordered by id
        previousId = id;
        QVERIFY(record.value(QLatin1String("_info"))
                    .toObject()
                    .value(QLatin1String("lastUpdated"))
                    .toString()
                    .endsWith(QLatin1Char('Z')));
    }

    const QJsonObject first = records.first().toObject();
    const qint64 firstId = first.value(QLatin1String("id")).toInteger();
    const SimReply one = client.get(client.api(base + QLatin1Char('/') + QString::number(firstId)));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object(), first);

    const SimReply missing = client.get(client.api(base + QStringLiteral("/987654321")));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.object().value(QLatin1String("code")).toString(), QStringLiteral("NotFound"));

    // The same endpoint under v4_6_release, as real cloud hosts serve it.
    client.codebase = QStringLiteral("v4_6_release/");
    QCOMPARE(client.get(client.api(base + QStringLiteral("/count"))).body, count.body);
}

void TestSimApi::systemInfo()
{
    SimTestClient client(m_sim.baseUrl());
    const SimReply reply = client.get(client.api(QStringLiteral("system/info")));
    QCOMPARE(reply.status, 200);
    const QJsonObject info = reply.object();
    QCOMPARE(info.value(QLatin1String("version")).toString(), QStringLiteral("v2025.1"));
    QVERIFY(info.value(QLatin1String("isCloud")).isBool());
    QVERIFY(!info.value(QLatin1String("serverTimeZone")).toString().isEmpty());
    QVERIFY(!info.value(QLatin1String("cloudRegion")).toString().isEmpty());
    QVERIFY(!info.value(QLatin1String("licenseBits")).toArray().isEmpty());
}

void TestSimApi::invoicePayments()
{
    SimTestClient client(m_sim.baseUrl());
    const QJsonArray invoices = client.all(QStringLiteral("finance/invoices"));
    QVERIFY(!invoices.isEmpty());
    int withPayments = 0;
    for (const QJsonValue& value : invoices) {
        const QJsonObject invoice = value.toObject();
        const QString id = QString::number(invoice.value(QLatin1String("id")).toInteger());
        const SimReply payments = client.get(client.api(QStringLiteral("finance/invoices/%1/payments").arg(id)));
        QCOMPARE(payments.status, 200);
        double paid = 0;
        for (const QJsonValue& p : payments.array()) {
            QCOMPARE(p.toObject().value(QLatin1String("invoice")).toObject().value(QLatin1String("id")).toInteger(),
                     invoice.value(QLatin1String("id")).toInteger());
            paid += p.toObject().value(QLatin1String("amount")).toDouble();
        }
        withPayments += payments.array().isEmpty() ? 0 : 1;
        QVERIFY(qAbs(paid - invoice.value(QLatin1String("payments")).toDouble()) < 0.005);
        // The models have no payments/count: "count" is no payment id.
        QCOMPARE(client.get(client.api(QStringLiteral("finance/invoices/%1/payments/count").arg(id))).status, 404);
    }
    QVERIFY(withPayments > 0);
    QCOMPARE(client.get(client.api(QStringLiteral("finance/invoices/99999/payments"))).status, 404);
}

void TestSimApi::sameSeedSameBytes()
{
    CwTest::SimProcess a, b, c;
    QVERIFY(
        a.start({QStringLiteral("--records"), QStringLiteral("30"), QStringLiteral("--seed"), QStringLiteral("7")}));
    QVERIFY(
        b.start({QStringLiteral("--records"), QStringLiteral("30"), QStringLiteral("--seed"), QStringLiteral("7")}));
    QVERIFY(
        c.start({QStringLiteral("--records"), QStringLiteral("30"), QStringLiteral("--seed"), QStringLiteral("8")}));
    SimTestClient ca(a.baseUrl()), cb(b.baseUrl()), cc(c.baseUrl());
    const QStringList paths = {QStringLiteral("company/companies"), QStringLiteral("finance/invoices"),
                               QStringLiteral("procurement/catalog"), QStringLiteral("sales/orders"),
                               QStringLiteral("system/members")};
    for (const QString& path : paths) {
        const CwTest::Query q = {{QStringLiteral("pageSize"), QStringLiteral("1000")}};
        const QByteArray bytesA = ca.get(ca.api(path, q)).body;
        QVERIFY(bytesA.size() > 100);
        QCOMPARE(cb.get(cb.api(path, q)).body, bytesA);
        if (path != QLatin1String("system/members")) {
            QVERIFY2(cc.get(cc.api(path, q)).body != bytesA, qPrintable(path));
        }
    }
}

void TestSimApi::recordsHaveRealisticShape()
{
    SimTestClient client(m_sim.baseUrl());
    const QJsonObject company = client.get(client.api(QStringLiteral("company/companies/1"))).object();
    for (const char* key : {"identifier", "name", "status", "addressLine1", "city", "phoneNumber", "website", "types",
                            "currency", "_info", "customFields"}) {
        QVERIFY2(company.contains(QLatin1String(key)), key);
    }
    QVERIFY(company.value(QLatin1String("status")).toObject().value(QLatin1String("id")).isDouble());
    QVERIFY(company.value(QLatin1String("identifier")).toString().size() <= 25);

    const QJsonArray members = client.all(QStringLiteral("system/members"));
    int api = 0, inactive = 0;
    for (const QJsonValue& m : members) {
        api += m.toObject().value(QLatin1String("licenseClass")).toString() == QLatin1String("A") ? 1 : 0;
        inactive += m.toObject().value(QLatin1String("inactiveFlag")).toBool() ? 1 : 0;
    }
    QVERIFY(api > 0);
    QVERIFY(inactive > 0);

    const QJsonObject invoice = client.get(client.api(QStringLiteral("finance/invoices/1"))).object();
    QVERIFY(invoice.value(QLatin1String("company")).toObject().contains(QLatin1String("identifier")));
    QVERIFY(invoice.value(QLatin1String("total")).isDouble());
    const QJsonObject item = client.get(client.api(QStringLiteral("procurement/catalog/1"))).object();
    QVERIFY(item.value(QLatin1String("subcategory")).toObject().value(QLatin1String("id")).isDouble());
    const QJsonObject order = client.get(client.api(QStringLiteral("sales/orders/1"))).object();
    QVERIFY(order.value(QLatin1String("salesRep")).toObject().value(QLatin1String("id")).isDouble());

    // Every lookup list has its own values, also lists of the same length.
    QStringList seen;
    for (const char* path : {"company/companies/types", "company/companies/statuses", "finance/billingStatuses",
                             "procurement/types", "procurement/categories", "procurement/subcategories",
                             "procurement/unitOfMeasures", "sales/orders/statuses"}) {
        QStringList names;
        for (const QJsonValue& v : client.all(QLatin1String(path))) {
            names.append(v.toObject().value(QLatin1String("name")).toString());
        }
        const QString joined = names.join(QLatin1Char('|'));
        QVERIFY2(!seen.contains(joined), path);
        seen.append(joined);
    }
}

void TestSimApi::codebaseMoves()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--move-codebase-after"), QStringLiteral("3")}), qPrintable(sim.output()));
    SimTestClient client(sim.baseUrl());
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(client.get(client.api(QStringLiteral("system/info"))).status, 200);
    }
    const SimReply old = client.get(client.api(QStringLiteral("system/info")));
    QCOMPARE(old.status, 404);
    QCOMPARE(old.object().value(QLatin1String("code")).toString(), QStringLiteral("NotFound"));

    SimTestClient lookup(sim.baseUrl());
    const QJsonObject info = lookup.get(lookup.url(QStringLiteral("/login/companyinfo/cwsim"))).object();
    QCOMPARE(info.value(QLatin1String("Codebase")).toString(), QStringLiteral("v2025_2/"));
    QCOMPARE(info.value(QLatin1String("VersionCode")).toString(), QStringLiteral("v2025.2"));

    client.codebase = QStringLiteral("v2025_2/");
    const SimReply moved = client.get(client.api(QStringLiteral("system/info")));
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.object().value(QLatin1String("version")).toString(), QStringLiteral("v2025.2"));
    client.codebase = QStringLiteral("v4_6_release/");
    QCOMPARE(client.get(client.api(QStringLiteral("company/companies/count"))).status, 200);
}

void TestSimApi::unknownCodebaseIs404()
{
    SimTestClient client(m_sim.baseUrl());
    client.codebase = QStringLiteral("v2019_4/");
    const SimReply reply = client.get(client.api(QStringLiteral("system/info")));
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(client.get(client.url(QStringLiteral("/nothing/here"))).status, 404);
}

QTEST_GUILESS_MAIN(TestSimApi)
#include "tst_sim_api.moc"
