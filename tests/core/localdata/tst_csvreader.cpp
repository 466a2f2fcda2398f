#include "core/localdata/CsvReader.h"

#include <QBuffer>
#include <QTest>

using namespace Cw;

namespace {
QStringList row(std::initializer_list<const char*> fields)
{
    QStringList out;
    for (const char* f : fields) {
        out.append(QString::fromUtf8(f));
    }
    return out;
}
} // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void lineNumbersCountQuotedBreaks();
    void unclosedQuoteIsAnError();
    void multibyteCharactersAcrossChunks();

private:
    static QList<QStringList> readAll(const QByteArray& data, QList<int>* lines = nullptr, QString* error = nullptr);
};

QList<QStringList> TestCsvReader::readAll(const QByteArray& data, QList<int>* lines, QString* error)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<QStringList> out;
    QStringList fields;
    while (reader.next(&fields)) {
        out.append(fields);
        if (lines) {
            lines->append(reader.recordLine());
        }
    }
    if (error) {
        *error = reader.errorString();
    }
    return out;
}

void TestCsvReader::records_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QList<QStringList>>("expected");
    using Rows = QList<QStringList>;
    QTest::newRow("simple") << QByteArray("a,b\n1,2\n") << Rows {row({"a", "b"}), row({"1", "2"})};
    QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << Rows {row({"a", "b"}), row({"1", "2"})};
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << Rows {row({"a", "b"}), row({"1", "2"})};
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFid,name\n1,x\n") << Rows {row({"id", "name"}), row({"1", "x"})};
    QTest::newRow("quoted comma") << QByteArray("\"Smith, John\",2\n") << Rows {row({"Smith, John", "2"})};
    QTest::newRow("quoted newline") << QByteArray("\"line1\nline2\",x\n") << Rows {row({"line1\nline2", "x"})};
    QTest::newRow("doubled quote") << QByteArray("\"say \"\"hi\"\"\",x\n") << Rows {row({"say \"hi\"", "x"})};
    QTest::newRow("empty fields") << QByteArray(",,\n") << Rows {row({"", "", ""})};
    QTest::newRow("blank lines skipped") << QByteArray("a\n\n\r\nb\n") << Rows {row({"a"}), row({"b"})};
    QTest::newRow("utf8") << QByteArray("Zoë,Müller\n") << Rows {row({"Zoë", "Müller"})};
}

void TestCsvReader::records()
{
    QFETCH(QByteArray, data);
    QFETCH(QList<QStringList>, expected);
    QString error;
    QCOMPARE(readAll(data, nullptr, &error), expected);
    QVERIFY(error.isEmpty());
}

void TestCsvReader::lineNumbersCountQuotedBreaks()
{
    QList<int> lines;
    const auto rows = readAll("h\n\"a\nb\nc\"\nnext\n\nlast\n", &lines);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(lines, (QList<int> {1, 2, 5, 7}));
}

void TestCsvReader::unclosedQuoteIsAnError()
{
    QString error;
    readAll("h\n\"never closed,1\n2,3\n", nullptr, &error);
    QVERIFY(error.contains(QStringLiteral("Line 2")));
}

void TestCsvReader::multibyteCharactersAcrossChunks()
{
    // Long enough to cross the reader's 64 KiB chunks many times, with a 2- and 3-byte character in
    // every field, so some chunk boundary falls inside one.
    QByteArray data;
    for (int i = 0; i < 20000; ++i) {
        data += "é€,x" + QByteArray::number(i) + '\n';
    }
    const auto rows = readAll(data);
    QCOMPARE(rows.size(), 20000);
    for (const QStringList& r : rows) {
        QCOMPARE(r.first(), QStringLiteral("é€"));
    }
    QCOMPARE(rows.last().last(), QStringLiteral("x19999"));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
