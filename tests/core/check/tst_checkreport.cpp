#include "core/check/CheckReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Cw;

class TestCheckReport final : public QObject
{
    Q_OBJECT

private slots:
    void jsonListsEveryLayer();
    void secretsAreRedactedEverywhere();
    void textReportNamesProblemAndFix();

private:
    static CheckSummary sample();
};

CheckSummary TestCheckReport::sample()
{
    CheckSummary s;
    s.startedAt = QDateTime::fromString(QStringLiteral("2026-11-25T10:00:00Z"), Qt::ISODate);
    s.finishedAt = s.startedAt.addSecs(2);
    CheckResult dns;
    dns.id = QStringLiteral("dns");
    dns.title = QStringLiteral("DNS lookup");
    dns.status = CheckResult::Status::Passed;
    dns.durationMs = 12;
    dns.summary = QStringLiteral("127.0.0.1 is an IP address");
    CheckResult auth;
    auth.id = QStringLiteral("auth");
    auth.title = QStringLiteral("Authentication");
    auth.status = CheckResult::Status::Failed;
    auth.durationMs = 40;
    auth.diagnosis = QStringLiteral("ConnectWise rejected the keys");
    auth.fix = QStringLiteral("Create a new key pair");
    auth.details =
        QStringLiteral("sent Authorization: Basic YWNtZStwdWJsaWNrZXkxMjM6cHJpdmF0ZWtleTQ1Ng== for pubkey123");
    auth.errorKind = QStringLiteral("KeysRejected");
    s.results = {dns, auth};
    return s;
}

void TestCheckReport::jsonListsEveryLayer()
{
    CheckReport report(sample());
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("failure")).toString(), QStringLiteral("auth"));
    const QJsonArray layers = json.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 2);
    QCOMPARE(layers.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("passed"));
    QCOMPARE(layers.at(1).toObject().value(QStringLiteral("error")).toString(), QStringLiteral("KeysRejected"));
    QCOMPARE(layers.at(1).toObject().value(QStringLiteral("fix")).toString(), QStringLiteral("Create a new key pair"));
    QCOMPARE(layers.at(1).toObject().value(QStringLiteral("durationMs")).toInt(), 40);
}

void TestCheckReport::secretsAreRedactedEverywhere()
{
    CheckReport report(sample());
    report.addSecrets({QStringLiteral("pubkey123"), QStringLiteral("YWNtZStwdWJsaWNrZXkxMjM6cHJpdmF0ZWtleTQ1Ng==")});
    report.setContext({{QStringLiteral("Company"), QStringLiteral("acme")},
                       {QStringLiteral("Note"), QStringLiteral("keys pubkey123")}});
    const QByteArray json = QJsonDocument(report.toJson()).toJson();
    const QString text = report.toText();
    for (const QByteArray& secret :
         {QByteArray("pubkey123"), QByteArray("YWNtZStwdWJsaWNrZXkxMjM6cHJpdmF0ZWtleTQ1Ng==")}) {
        QVERIFY2(!json.contains(secret), json.constData());
        QVERIFY2(!text.toUtf8().contains(secret), qPrintable(text));
    }
    QVERIFY(json.contains("[redacted]"));
    QVERIFY(text.contains(QStringLiteral("acme")));
}

void TestCheckReport::textReportNamesProblemAndFix()
{
    CheckReport report(sample());
    const QString text = report.toText();
    QVERIFY(text.contains(QStringLiteral("[FAILED] Authentication")));
    QVERIFY(text.contains(QStringLiteral("Problem: ConnectWise rejected the keys")));
    QVERIFY(text.contains(QStringLiteral("Fix: Create a new key pair")));
    QVERIFY(text.contains(QStringLiteral("[PASSED] DNS lookup")));
    QVERIFY(text.contains(QStringLiteral("Result: failed")));
}

QTEST_GUILESS_MAIN(TestCheckReport)
#include "tst_checkreport.moc"
