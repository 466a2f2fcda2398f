// PulledFields and SyncLocalWriter::pulledRow: the one-pass row + snapshot a pull makes for every new record must
// equal what the general path (rowOf, SyncSnapshot::of) makes of the same values. Pure logic: no database, no network.
#include "core/localdata/LocalSchema.h"
#include "core/sync/PulledFields.h"
#include "core/sync/SyncLocalWriter.h"
#include "core/sync/SyncSnapshot.h"

#include <QDate>
#include <QTest>

using namespace Cw;

class TestPulledRow final : public QObject
{
    Q_OBJECT

private slots:
    void fieldsInsertFindReplace();
    void findWithHintReadsInAnyOrder();
    void sameAsTheGeneralPath_data();
    void sameAsTheGeneralPath();
    void snapshotRestoresTheValues();
};

void TestPulledRow::fieldsInsertFindReplace()
{
    PulledFields f;
    QVERIFY(f.isEmpty());
    QVERIFY(!f.find(u"name"));
    f.insert(QStringLiteral("name"), QStringLiteral("Acme"));
    f.insert(QStringLiteral("city"), QStringLiteral("Tampa"));
    f.insert(QStringLiteral("name"), QStringLiteral("Acme Inc")); // replaces
    QCOMPARE(f.size(), std::size_t(2));
    QCOMPARE(f.value(u"name").toString(), QStringLiteral("Acme Inc"));
    QCOMPARE(f.value(u"city").toString(), QStringLiteral("Tampa"));
    QVERIFY(!f.value(u"zip").isValid());
    QVERIFY(f.contains(u"city"));
    QVERIFY(!f.contains(u"zip"));
    QStringList order;
    for (const auto& [column, value] : f) {
        order << column;
    }
    QCOMPARE(order, (QStringList {QStringLiteral("name"), QStringLiteral("city")}));
}

void TestPulledRow::findWithHintReadsInAnyOrder()
{
    PulledFields f;
    for (const char* c : {"a", "b", "c", "d"}) {
        f.insert(QLatin1String(c), QString::fromLatin1(c).toUpper());
    }
    std::size_t hint = 0;
    QCOMPARE(f.find(u"a", &hint)->toString(), QStringLiteral("A"));
    QCOMPARE(hint, std::size_t(1));
    QCOMPARE(f.find(u"d", &hint)->toString(), QStringLiteral("D")); // out of order: still found
    QCOMPARE(hint, std::size_t(4));
    QCOMPARE(f.find(u"b", &hint)->toString(), QStringLiteral("B")); // hint past the end wraps
    QVERIFY(!f.find(u"e", &hint));
    QCOMPARE(hint, std::size_t(2)); // a miss leaves it
}

void TestPulledRow::sameAsTheGeneralPath_data()
{
    QTest::addColumn<Cw::Entity>("entity");
    QTest::addColumn<QVariantHash>("values");
    QTest::addColumn<bool>("asUtf8"); // text given to pulledRow as UTF-8 bytes, as the pull's descriptors do
    QTest::newRow("account, every column") << Cw::Entity::Accounts
                                           << QVariantHash {{QStringLiteral("name"), QStringLiteral("Acme, Inc.")},
                                                            {QStringLiteral("account_type"), QStringLiteral("Client")},
                                                            {QStringLiteral("currency"), QStringLiteral("USD")},
                                                            {QStringLiteral("phone"), QStringLiteral("555-0100")},
                                                            {QStringLiteral("website"), QStringLiteral("acme.example")},
                                                            {QStringLiteral("address_line1"), QStringLiteral("1 Main")},
                                                            {QStringLiteral("city"), QStringLiteral("Zürich")},
                                                            {QStringLiteral("state"), QStringLiteral("ZH")},
                                                            {QStringLiteral("zip"), QStringLiteral("8001")},
                                                            {QStringLiteral("country"), QStringLiteral("Schweiz")}}
                                           << false;
    QTest::newRow("account, empty and missing values")
        << Cw::Entity::Accounts
        << QVariantHash {{QStringLiteral("name"), QStringLiteral("Solo")},
                         {QStringLiteral("account_type"), QVariant()},
                         {QStringLiteral("phone"), QString()},
                         {QStringLiteral("city"), QStringLiteral("")}}
        << false;
    QTest::newRow("account, separator inside a value")
        << Cw::Entity::Accounts
        << QVariantHash {{QStringLiteral("name"), QString(QStringLiteral("A") + QChar(0x1f) + QStringLiteral("B"))}}
        << false;
    QTest::newRow("product, decimals") << Cw::Entity::Products
                                       << QVariantHash {{QStringLiteral("name"), QStringLiteral("Widget")},
                                                        {QStringLiteral("price"), QStringLiteral("12.5000")},
                                                        {QStringLiteral("cost"), QStringLiteral("-0.00")}}
                                       << false;
    QTest::newRow("invoice, a date as QDate") << Cw::Entity::Invoices
                                              << QVariantHash {{QStringLiteral("number"), QStringLiteral("INV-1")},
                                                               {QStringLiteral("date"), QDate(2026, 11, 25)},
                                                               {QStringLiteral("total"), QStringLiteral("100.10")}}
                                              << false;
    // The same values as UTF-8 bytes.
    const QVariantHash unicode {{QStringLiteral("name"), QStringLiteral("Café \u00fcber \U0001F600")},
                                {QStringLiteral("city"), QStringLiteral("Zürich")},
                                {QStringLiteral("zip"), QString()},
                                {QStringLiteral("country"), QString(QStringLiteral("X") + QChar(0x1f))}};
    QTest::newRow("account, UTF-8 text") << Cw::Entity::Accounts << unicode << true;
    QTest::newRow("product, UTF-8 decimals") << Cw::Entity::Products
                                             << QVariantHash {{QStringLiteral("name"), QStringLiteral("Widget")},
                                                              {QStringLiteral("price"), QStringLiteral("7.250")}}
                                             << true;
}

void TestPulledRow::sameAsTheGeneralPath()
{
    QFETCH(Cw::Entity, entity);
    QFETCH(QVariantHash, values);
    QFETCH(bool, asUtf8);
    const LocalEntity& e = LocalSchema::entity(entity);
    PulledFields fields;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const bool text = it.value().typeId() == QMetaType::QString;
        fields.insert(it.key(), asUtf8 && text ? QVariant(it.value().toString().toUtf8()) : it.value());
    }
    QByteArray snapshot = "left over";
    const SyncLocalWriter::Row row = SyncLocalWriter::pulledRow(e, fields, &snapshot);
    QCOMPARE(snapshot, SyncSnapshot::of(e, values).toUtf8());
    // The engine compares a stored record with pulled UTF-8 values through QVariant::toString().
    for (const auto& [column, value] : fields) {
        QCOMPARE(value.toString(), values.value(column).toString());
    }
    // The general path keeps an empty text as ''; a pull writes what ConnectWise left empty as NULL.
    SyncLocalWriter::Row expected = SyncLocalWriter::rowOf(e, QString(), values);
    for (QByteArray& cell : expected) {
        if (cell.isEmpty()) {
            cell = QByteArray();
        }
    }
    QCOMPARE(row.size(), expected.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
        QCOMPARE(row[i].isNull(), expected[i].isNull());
        QCOMPARE(row[i], expected[i]);
    }
    QVERIFY(row[0].isNull()); // the id is the caller's
}

void TestPulledRow::snapshotRestoresTheValues()
{
    const LocalEntity& e = LocalSchema::entity(Cw::Entity::Products);
    PulledFields fields;
    fields.insert(QStringLiteral("name"), QStringLiteral("Widget"));
    fields.insert(QStringLiteral("price"), QStringLiteral("12.50"));
    QByteArray snapshot;
    SyncLocalWriter::pulledRow(e, fields, &snapshot);
    const LocalRecord restored = SyncSnapshot::restore(e, QStringLiteral("p1"), QString::fromUtf8(snapshot));
    QCOMPARE(restored.values.value(QStringLiteral("name")).toString(), QStringLiteral("Widget"));
    QCOMPARE(restored.values.value(QStringLiteral("price")).toString(), QStringLiteral("12.5"));
    QVERIFY(!restored.values.contains(QStringLiteral("cost")));
}

QTEST_GUILESS_MAIN(TestPulledRow)
#include "tst_pulledrow.moc"
