#include "core/localdata/CsvIdSet.h"
#include "core/localdata/CsvReader.h"
#include "core/localdata/CsvRowErrors.h"
#include "core/localdata/TextDecoder.h"

#include <QBuffer>
#include <QTest>

using namespace Cw;

// The strict decoders behind CSV import, the encoding names, and the bounded bookkeeping of a streaming import.
class TestTextDecoder final : public QObject
{
    Q_OBJECT

private slots:
    void singleByteTables_data();
    void singleByteTables();
    void unassignedBytesAreErrors();
    void utf8IsStrict_data();
    void utf8IsStrict();
    void utf8AcrossChunks();
    void utf16WithByteOrderMark();
    void encodingNames();
    void idSetFindsRepeatsCompactly();
    void rowErrorsAreCapped();
};

void TestTextDecoder::singleByteTables_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    const int w = int(TextEncoding::Windows1252);
    const int l1 = int(TextEncoding::Latin1);
    const int l9 = int(TextEncoding::Latin9);
    QTest::newRow("1252 umlaut") << w << QByteArray("M\xFCller") << QStringLiteral("Müller");
    QTest::newRow("1252 euro") << w << QByteArray("\x80") << QStringLiteral("€");
    QTest::newRow("1252 quotes") << w << QByteArray("\x93x\x94") << QStringLiteral("“x”");
    QTest::newRow("1252 dash, S caron, Y diaeresis") << w << QByteArray("\x96\x8A\x9F") << QStringLiteral("–ŠŸ");
    QTest::newRow("1252 A0-FF as Latin-1") << w << QByteArray("\xA9\xE9\xFF") << QStringLiteral("©éÿ");
    QTest::newRow("latin1") << l1 << QByteArray("Sch\xF6n \xA4") << QStringLiteral("Schön ¤");
    QTest::newRow("latin9 euro") << l9 << QByteArray("\xA4 \xBC\xBD\xBE") << QStringLiteral("€ ŒœŸ");
    QTest::newRow("latin9 caron") << l9 << QByteArray("\xA6\xA8\xB4\xB8") << QStringLiteral("ŠšŽž");
}

void TestTextDecoder::singleByteTables()
{
    QFETCH(int, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    TextDecoder decoder(static_cast<TextEncoding>(encoding));
    QCOMPARE(decoder.decode(bytes), text);
    decoder.finish();
    QVERIFY(!decoder.hasError());
}

void TestTextDecoder::unassignedBytesAreErrors()
{
    TextDecoder windows(TextEncoding::Windows1252);
    QCOMPARE(windows.decode("ab\ncd\x81x"), QStringLiteral("ab\ncd"));
    QVERIFY(windows.hasError());
    QCOMPARE(windows.error().line, 2);
    QCOMPARE(windows.error().column, 3);
    QVERIFY2(windows.error().message().contains(QStringLiteral("0x81")), qPrintable(windows.error().message()));
    QVERIFY(windows.decode("more").isEmpty()); // nothing after the error

    // A Windows-1252 file read as Latin-1 shows C1 control characters: refused, with the Excel hint.
    TextDecoder latin1(TextEncoding::Latin1);
    latin1.decode("x\x80");
    QVERIFY(latin1.hasError());
    QVERIFY(latin1.error().message().contains(QStringLiteral("Windows-1252")));
}

void TestTextDecoder::utf8IsStrict_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("column"); // 0: valid
    QTest::newRow("ascii and umlauts") << QByteArray("Zo\xC3\xAB M\xC3\xBCller") << 0;
    QTest::newRow("four bytes") << QByteArray("\xF0\x9F\x98\x80") << 0;
    QTest::newRow("latin1 byte") << QByteArray("M\xFCller") << 2;
    QTest::newRow("overlong slash") << QByteArray("a\xC0\xAF") << 2;
    QTest::newRow("overlong three") << QByteArray("\xE0\x80\xAF") << 1;
    QTest::newRow("surrogate") << QByteArray("ab\xED\xA0\x80") << 3;
    QTest::newRow("above 10FFFF") << QByteArray("\xF4\x90\x80\x80") << 1;
    QTest::newRow("lone continuation") << QByteArray("abc\x80") << 4;
}

void TestTextDecoder::utf8IsStrict()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, column);
    TextDecoder decoder(TextEncoding::Utf8);
    const QString text = decoder.decode(bytes);
    decoder.finish();
    QCOMPARE(decoder.error().column, column);
    QVERIFY(!text.contains(QChar(QChar::ReplacementCharacter)));
    if (column == 0) {
        QCOMPARE(text, QString::fromUtf8(bytes));
    }
}

void TestTextDecoder::utf8AcrossChunks()
{
    TextDecoder decoder(TextEncoding::Utf8);
    QString text = decoder.decode("M\xC3");
    text += decoder.decode("\xBCller \xE2\x82");
    text += decoder.decode("\xAC");
    decoder.finish();
    QVERIFY(!decoder.hasError());
    QCOMPARE(text, QStringLiteral("Müller €"));

    TextDecoder cut(TextEncoding::Utf8);
    cut.decode("ok\n\xE2\x82");
    cut.finish(); // the file ends inside a character
    QVERIFY(cut.hasError());
    QCOMPARE(cut.error().line, 2);
    QCOMPARE(cut.error().column, 1);
}

void TestTextDecoder::utf16WithByteOrderMark()
{
    // "id,name\n1,Zoë 😀\n" as UTF-16LE with its BOM, read in 64-KiB chunks by CsvReader: the BOM decides.
    const QString text = QStringLiteral("id,name\n1,Zoë 😀\n");
    QByteArray bytes("\xFF\xFE");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        bytes.append(char(u & 0xFF));
        bytes.append(char(u >> 8));
    }
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer, TextEncoding::Windows1252);
    QStringList fields;
    QVERIFY(reader.next(&fields));
    QVERIFY(reader.next(&fields));
    QCOMPARE(fields, (QStringList {QStringLiteral("1"), QStringLiteral("Zoë 😀")}));
    QVERIFY(!reader.next(&fields));
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.encoding(), TextEncoding::Utf16LE);
    QVERIFY(reader.hadByteOrderMark());
    QCOMPARE(reader.bytesRead(), qint64(bytes.size()));
}

void TestTextDecoder::encodingNames()
{
    QCOMPARE(TextEncodings::parse(QStringLiteral("Windows-1252")), TextEncoding::Windows1252);
    QCOMPARE(TextEncodings::parse(QStringLiteral("cp1252")), TextEncoding::Windows1252);
    QCOMPARE(TextEncodings::parse(QStringLiteral("latin1")), TextEncoding::Latin1);
    QCOMPARE(TextEncodings::parse(QStringLiteral("ISO-8859-15")), TextEncoding::Latin9);
    QCOMPARE(TextEncodings::parse(QStringLiteral(" utf8 ")), TextEncoding::Utf8);
    QVERIFY(!TextEncodings::parse(QStringLiteral("ebcdic")));
    for (const TextEncoding encoding : allOf<TextEncoding>()) {
        QCOMPARE(TextEncodings::parse(nameOf(encoding)), encoding);
        QVERIFY(!TextEncodings::label(encoding).isEmpty());
    }
    int length = 0;
    QCOMPARE(TextEncodings::fromBom("\xFE\xFFx", &length), TextEncoding::Utf16BE);
    QCOMPARE(length, 2);
    QVERIFY(!TextEncodings::fromBom("id,name", &length));
    QCOMPARE(length, 0);
}

void TestTextDecoder::idSetFindsRepeatsCompactly()
{
    CsvIdSet ids;
    constexpr int kIds = 200000;
    for (int i = 1; i <= kIds; ++i) {
        QCOMPARE(ids.insert(QStringLiteral("acc%1").arg(i), i), 0);
    }
    QCOMPARE(ids.size(), qsizetype(kIds));
    QCOMPARE(ids.insert(QStringLiteral("acc1"), kIds + 1), 1);
    QCOMPARE(ids.insert(QStringLiteral("acc123456"), kIds + 2), 123456);
    QCOMPARE(ids.insert(QStringLiteral("Müller"), kIds + 3), 0);
    QCOMPARE(ids.insert(QStringLiteral("Müller"), kIds + 4), kIds + 3);
    // The structural bound: an arena of (row, length, bytes) and a table at most half full, far below the
    // ~100 bytes an id a QHash<QString, int> would take.
    QVERIFY2(ids.memoryBytes() < qsizetype(kIds) * 40, qPrintable(QString::number(ids.memoryBytes())));
}

void TestTextDecoder::rowErrorsAreCapped()
{
    CsvRowErrors errors(3);
    for (int row = 1; row <= 10; ++row) {
        errors.add({row, row + 1, QStringLiteral("name"), QStringLiteral("empty")});
        if (row % 2 == 0) {
            errors.add({row, row + 1, QStringLiteral("email"), QStringLiteral("bad")});
        }
    }
    QCOMPARE(errors.kept().size(), 3);
    QCOMPARE(errors.total(), 15);
    QCOMPARE(errors.badRows(), 10);
    errors.clear();
    QVERIFY(errors.isEmpty());
}

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
