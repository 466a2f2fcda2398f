// Unit tests of JsonScan, which reads single values from cached record JSON without parsing it whole.
#include "app/sim/JsonScan.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestJsonScan final : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithQJsonDocument_data();
    void agreesWithQJsonDocument();
};

void TestJsonScan::agreesWithQJsonDocument_data()
{
    QTest::addColumn<QString>("path");
    const char* const paths[] = {"id",         "name",        "quote",    "unicode",        "flag",  "nothing",
                                 "status/id",  "status/name", "status/x", "list",           "empty", "nested",
                                 "nested/a/b", "negative",    "exp",      "name/notObject", "after"};
    for (const char* p : paths) {
        QTest::newRow(p) << QString::fromLatin1(p);
    }
}

void TestJsonScan::agreesWithQJsonDocument()
{
    QFETCH(QString, path);
    const QByteArray json = R"({"id":7,"name":"Acme, {Inc}","quote":"say \"hi\" \\ \/","unicode":"M\u00fcller ü",)"
                            R"("flag":false,"status":{"id":1,"name":"Active"},"list":[1,{"a":"]"},"x"],)"
                            R"("empty":{},"nested":{"a":{"b":null}},"negative":-12.5,"exp":1e3,"after":true})";
    const QStringList parts = path.split(QLatin1Char('/'));
    QJsonValue expected = QJsonDocument::fromJson(json).object();
    for (const QString& part : parts) {
        expected = expected.isObject() ? expected.toObject().value(part) : QJsonValue(QJsonValue::Undefined);
    }
    QCOMPARE(Sim::JsonScan::valueAt(json, parts), expected);
}

QTEST_GUILESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
