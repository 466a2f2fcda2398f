// Unit tests of JsonScan, which reads single values from cached record JSON without parsing it whole, and of
// FieldProjection, which copies the members `fields=` asks for out of those bytes.
#include "app/sim/FieldProjection.h"
#include "app/sim/JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestJsonScan final : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithQJsonDocument_data();
    void agreesWithQJsonDocument();
    void projectionAgreesWithQJsonObject_data();
    void projectionAgreesWithQJsonObject();
    void projectionKeepsTheRecordsBytes();
};

void TestJsonScan::agreesWithQJsonDocument_data()
{
    QTest::addColumn<QString>("path");
    const char* const paths[] = {"id",         "name",        "quote",    "unicode",        "flag",  "nothing",
                                 "status/id",  "status/name", "status/x", "list",           "empty", "nested",
                                 "nested/a/b", "negative",    "exp",      "name/notObject", "slash", "q",
                                 "after"};
    for (const char* p : paths) {
        QTest::newRow(p) << QString::fromLatin1(p);
    }
}

void TestJsonScan::agreesWithQJsonDocument()
{
    QFETCH(QString, path);
    const QByteArray json =
        R"({"id":7,"name":"Acme, {Inc}","quote":"say \"hi\" \\ \/","unicode":"M\u00fcller ü",)"
        R"("flag":false,"status":{"id":1,"name":"Active"},"list":[1,{"a":"]"},"x"],)"
        R"("empty":{},"nested":{"a":{"b":null}},"negative":-12.5,"exp":1e3,"slash":"C:\\","q":"\\\"",)"
        R"("after":true})";
    const QStringList parts = path.split(QLatin1Char('/'));
    QJsonValue expected = QJsonDocument::fromJson(json).object();
    for (const QString& part : parts) {
        expected = expected.isObject() ? expected.toObject().value(part) : QJsonValue(QJsonValue::Undefined);
    }
    QCOMPARE(Sim::JsonScan::valueAt(json, parts), expected);
}

namespace {

// The record the projection tests read: written in the service's order (not sorted), with money as written.
const QByteArray kRecord =
    R"({"id":4,"identifier":"Acme4","name":"Acme, {4}","status":{"id":1,"name":"Active",)"
    R"("_info":{"status_href":"x"}},"types":[{"id":1,"name":"Client"},{"id":5,"name":"Vendor"}],)"
    R"("site":{"id":9,"name":"Main"},"tags":["a",{"id":2}],"site2":null,"revenue":12.50,)"
    R"("currency":{"id":7,"symbol":"$","name":"US Dollar"},"nick":"x",)"
    R"("_info":{"lastUpdated":"2025-03-04T10:00:00Z","updatedBy":"cwsim"}})";

QJsonValue project(const QJsonValue& value, const QList<QStringList>& paths);

// The reference: fields= applied to a parsed record (what the simulator did before it copied bytes).
QJsonObject projectObject(const QJsonObject& object, const QList<QStringList>& paths)
{
    QHash<QString, QList<QStringList>> byMember;
    for (const QStringList& path : paths) {
        if (path.isEmpty()) {
            return object;
        }
        byMember[path.first()].append(path.mid(1));
    }
    QJsonObject result;
    for (auto it = byMember.cbegin(); it != byMember.cend(); ++it) {
        if (object.contains(it.key())) {
            result.insert(it.key(), project(object.value(it.key()), it.value()));
        }
    }
    return result;
}

QJsonValue project(const QJsonValue& value, const QList<QStringList>& paths)
{
    for (const QStringList& path : paths) {
        if (path.isEmpty()) {
            return value;
        }
    }
    if (value.isObject()) {
        return projectObject(value.toObject(), paths);
    }
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue& element : value.toArray()) {
            result.append(project(element, paths));
        }
        return result;
    }
    return value;
}

} // namespace

void TestJsonScan::projectionAgreesWithQJsonObject_data()
{
    QTest::addColumn<QString>("fields");
    QTest::newRow("top level") << QStringLiteral("id,name,revenue");
    QTest::newRow("leaves of objects") << QStringLiteral("id,status/id,currency/id,_info/lastUpdated");
    QTest::newRow("leaves of array elements") << QStringLiteral("types/id");
    QTest::newRow("whole and by path") << QStringLiteral("site,site/id");
    QTest::newRow("by path and whole") << QStringLiteral("site/id,site");
    QTest::newRow("deep") << QStringLiteral("status/_info/status_href,status/name");
    QTest::newRow("scalars and objects in one array") << QStringLiteral("tags/id");
    QTest::newRow("path into a scalar or null") << QStringLiteral("nick/id,site2/id");
    QTest::newRow("unknown names") << QStringLiteral("nothing,status/nothing,id");
    QTest::newRow("the account descriptor's leaves")
        << QStringLiteral("id,identifier,name,types/id,currency/id,site/name,_info/lastUpdated");
}

void TestJsonScan::projectionAgreesWithQJsonObject()
{
    QFETCH(QString, fields);
    const QStringList list = fields.split(QLatin1Char(','));
    QList<QStringList> paths;
    for (const QString& field : list) {
        paths.append(field.split(QLatin1Char('/')));
    }
    const QByteArray projected = Sim::FieldProjection(list).apply(kRecord);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(projected, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, projected.constData());
    QCOMPARE(document.object(), projectObject(QJsonDocument::fromJson(kRecord).object(), paths));
}

void TestJsonScan::projectionKeepsTheRecordsBytes()
{
    // Members in the record's order, values as written (12.50 stays 12.50), whatever the order of fields=.
    QCOMPARE(Sim::FieldProjection({QStringLiteral("revenue"), QStringLiteral("types/id"), QStringLiteral("id")})
                 .apply(kRecord),
             QByteArray(R"({"id":4,"types":[{"id":1},{"id":5}],"revenue":12.50})"));
    QCOMPARE(Sim::FieldProjection({QStringLiteral("name"), QStringLiteral("_info/updatedBy")}).apply(kRecord),
             QByteArray(R"({"name":"Acme, {4}","_info":{"updatedBy":"cwsim"}})"));
    // Appended to a page: the page keeps what it had.
    QByteArray page = "[";
    Sim::FieldProjection({QStringLiteral("id")}).appendTo(kRecord, &page);
    QCOMPARE(page, QByteArray(R"([{"id":4})"));
    // Not an object: an empty one.
    QCOMPARE(Sim::FieldProjection({QStringLiteral("id")}).apply(R"({"id":4,"name":)"), QByteArray("{}"));
    QCOMPARE(Sim::FieldProjection({QStringLiteral("id")}).apply("[1,2]"), QByteArray("{}"));
}

QTEST_GUILESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
