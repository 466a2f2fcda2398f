// Cw::JsonView against QJsonDocument: the same values out of the same bytes, and the same verdict on broken
// pages (a pull must fail on a truncated page exactly as it did with QJsonDocument).
#include "core/connectwise/JsonView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Cw::JsonRecord;
using Cw::JsonView;

class TestJsonView final : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatQJsonDocumentReads();
    void decodesEscapes();
    void splitRecordsIndexesInTheSamePass();
    void utf8MatchesToString_data();
    void utf8MatchesToString();
    void rejectsWhatQJsonDocumentRejects_data();
    void rejectsWhatQJsonDocumentRejects();
    void emptyAndAbsent();
    void lenientWhereQJsonDocumentIs();
};

void TestJsonView::readsWhatQJsonDocumentReads()
{
    const QByteArray page = R"([ {"id": 17, "name": "Acme, \"Inc\"", "types": [{"id": 3, "name": "Client"}],
        "currency": {"id": 7, "name": "US Dollar"}, "price": 12.5, "cost": -0.25, "big": 9007199254740993,
        "flag": true, "none": null, "_info": {"lastUpdated": "2026-11-25T10:11:12Z"}},
        {"id": 18, "name": "Beta", "types": []} ])";
    std::vector<JsonView> records;
    QString error;
    QVERIFY2(JsonView::splitArray(page, &records, &error), qPrintable(error));
    QCOMPARE(records.size(), std::size_t(2));
    const QJsonArray reference = QJsonDocument::fromJson(page).array();
    const JsonRecord a(records[0]);
    const QJsonObject r = reference.at(0).toObject();
    QCOMPARE(a.value(QLatin1String("id")).toInteger(), r.value(QLatin1String("id")).toInteger());
    QCOMPARE(a.value(QLatin1String("name")).toString(), r.value(QLatin1String("name")).toString());
    QCOMPARE(a.value(QLatin1String("types")).first().value(QLatin1String("name")).toString(), QStringLiteral("Client"));
    QCOMPARE(a.value(QLatin1String("currency")).toObject().value(QLatin1String("id")).toInteger(), 7);
    QCOMPARE(a.value(QLatin1String("price")).toDouble(), 12.5);
    QCOMPARE(a.value(QLatin1String("cost")).toDouble(), -0.25);
    QCOMPARE(a.value(QLatin1String("big")).toInteger(), Q_INT64_C(9007199254740993)); // exact, unlike a double
    QVERIFY(a.value(QLatin1String("flag")).toBool());
    QVERIFY(a.value(QLatin1String("none")).isNull());
    QVERIFY(a.value(QLatin1String("missing")).isUndefined());
    QCOMPARE(a.value(QLatin1String("_info")).value(QLatin1String("lastUpdated")).toString(),
             QStringLiteral("2026-11-25T10:11:12Z"));
    // Type mismatches give the fallback, as QJsonValue does.
    QCOMPARE(a.value(QLatin1String("id")).toString(QStringLiteral("x")), QStringLiteral("x"));
    QCOMPARE(a.value(QLatin1String("name")).toDouble(-1), -1.0);
    const JsonRecord b(records[1]);
    QVERIFY(b.value(QLatin1String("types")).isEmpty());
    QVERIFY(b.value(QLatin1String("types")).first().isUndefined());
}

void TestJsonView::decodesEscapes()
{
    const QByteArray page = R"([{"s": "tab\tnew\nquote\" slash\/ back\\ e\u00e9 snow\u2603 face\ud83d\ude00 raw é"}])";
    std::vector<JsonView> records;
    QString error;
    QVERIFY2(JsonView::splitArray(page, &records, &error), qPrintable(error));
    const QString expected =
        QJsonDocument::fromJson(page).array().at(0).toObject().value(QLatin1String("s")).toString();
    QCOMPARE(JsonRecord(records[0]).value(QLatin1String("s")).toString(), expected);
    QVERIFY(expected.contains(QChar(0x2603)));
}

void TestJsonView::splitRecordsIndexesInTheSamePass()
{
    // Each record's members as JsonRecord finds them by scanning it again; nested objects' members are not top-level.
    const QByteArray page = R"([ {"id": 1, "name": "A\"b", "types": [{"id": 5, "name": "x"}], "_info": {"id": 9}},
        {"id":2,"name":"","country":{"name":"NZ"},"e":{}},
        {},
        42,
        ["not", "an", "object"] ])";
    std::vector<JsonRecord> records;
    std::vector<JsonView> views;
    QString error;
    QVERIFY2(JsonView::splitRecords(page, &records, &error), qPrintable(error));
    QVERIFY(JsonView::splitArray(page, &views, &error));
    QCOMPARE(records.size(), std::size_t(5));
    QCOMPARE(records.size(), views.size());
    const char* keys[] = {"id", "name", "types", "_info", "country", "e", "absent"};
    for (std::size_t i = 0; i < records.size(); ++i) {
        const JsonRecord scanned(views[i]);
        QCOMPARE(records[i].isObject(), scanned.isObject());
        for (const char* key : keys) {
            QCOMPARE(records[i].value(QLatin1String(key)).raw(), scanned.value(QLatin1String(key)).raw());
        }
    }
    QCOMPARE(records[0].value(QLatin1String("name")).toString(), QStringLiteral("A\"b"));
    QCOMPARE(records[0].value(QLatin1String("types")).first().value(QLatin1String("id")).toInteger(), qint64(5));
    QVERIFY(records[1].value(QLatin1String("id")).raw() == "2");
    QVERIFY(records[0].value(QLatin1String("_info")).value(QLatin1String("id")).raw() == "9");
    QVERIFY(records[1].value(QLatin1String("types")).isUndefined());
    QVERIFY(!records[3].isObject());
    QVERIFY(records[3].value(QLatin1String("id")).isUndefined());

    // A truncated page still fails, with no records.
    QVERIFY(!JsonView::splitRecords(page.left(page.size() - 3), &records, &error));
    QVERIFY(records.empty());
    QVERIFY(error.contains(QLatin1String("malformed")));
}

void TestJsonView::utf8MatchesToString_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("string");
    QTest::newRow("ascii") << QByteArray(R"("Acme Holdings")") << true;
    QTest::newRow("empty") << QByteArray(R"("")") << true;
    QTest::newRow("raw UTF-8") << QByteArray("\"Z\xc3\xbcrich \xe2\x98\x83\"") << true;
    QTest::newRow("escapes") << QByteArray(R"("a\tb\u00e9\ud83d\ude00\"")") << true;
    QTest::newRow("malformed UTF-8") << QByteArray("\"bad \xff\xfe end\"") << true;
    QTest::newRow("number") << QByteArray("42") << false;
    QTest::newRow("null") << QByteArray("null") << false;
}

void TestJsonView::utf8MatchesToString()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, string);
    std::vector<JsonView> values;
    QString error;
    const QByteArray page = "[" + json + "]"; // the views point into it
    QVERIFY2(JsonView::splitArray(page, &values, &error), qPrintable(error));
    const JsonView v = values.at(0);
    // toUtf8() is toString() in UTF-8, malformed input replaced the same way.
    QCOMPARE(v.toUtf8(), v.toString().toUtf8());
    QCOMPARE(QString::fromUtf8(v.toUtf8()), v.toString());
    QCOMPARE(v.toUtf8("fallback") == "fallback", !string);
}

void TestJsonView::rejectsWhatQJsonDocumentRejects_data()
{
    QTest::addColumn<QByteArray>("page");
    QTest::newRow("truncated in a string") << QByteArray(R"([{"id": 1, "name": "Acm)");
    QTest::newRow("truncated after a record") << QByteArray(R"([{"id": 1},)");
    QTest::newRow("truncated before the end") << QByteArray(R"([{"id": 1})");
    QTest::newRow("missing value") << QByteArray(R"([{"id": }])");
    QTest::newRow("bad literal") << QByteArray(R"([{"id": tru}])");
    QTest::newRow("not an array") << QByteArray(R"({"id": 1})");
    QTest::newRow("trailing bytes") << QByteArray(R"([{"id": 1}] x)");
    QTest::newRow("empty body") << QByteArray();
}

void TestJsonView::rejectsWhatQJsonDocumentRejects()
{
    QFETCH(QByteArray, page);
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(page, &parseError);
    QVERIFY(parseError.error != QJsonParseError::NoError || !doc.isArray());
    std::vector<JsonView> records;
    QString error;
    QVERIFY(!JsonView::splitArray(page, &records, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(records.empty());
}

void TestJsonView::emptyAndAbsent()
{
    std::vector<JsonView> records;
    QString error;
    QVERIFY(JsonView::splitArray(QByteArray(" [ ] "), &records, &error));
    QVERIFY(records.empty());
    const JsonView none;
    QVERIFY(none.isUndefined());
    QVERIFY(none.value(QLatin1String("x")).isUndefined());
    QCOMPARE(none.toString(QStringLiteral("f")), QStringLiteral("f"));
    QCOMPARE(none.toInteger(5), 5);
}

void TestJsonView::lenientWhereQJsonDocumentIs()
{
    // An unknown escape and a raw control character in a string: QJsonDocument reads them, so a page that
    // pulled before still pulls.
    for (const QByteArray& page : {QByteArray(R"([{"a": "x\qy"}])"), QByteArray("[{\"a\": \"x\ny\"}]")}) {
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        QVERIFY(doc.isArray());
        std::vector<JsonView> records;
        QString error;
        QVERIFY2(JsonView::splitArray(page, &records, &error), qPrintable(error));
        QCOMPARE(JsonRecord(records[0]).value(QLatin1String("a")).toString(),
                 doc.array().at(0).toObject().value(QLatin1String("a")).toString());
    }
}

QTEST_GUILESS_MAIN(TestJsonView)
#include "tst_jsonview.moc"
