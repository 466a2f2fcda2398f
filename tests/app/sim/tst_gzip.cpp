// Unit tests of the simulator's gzip framing: the CRC-32 in its trailer (computed eight bytes at a time) against the
// standard check value and a bit-by-bit reference, and the trailer itself.
#include "app/sim/Gzip.h"

#include <QTest>

namespace {

// CRC-32 (IEEE 802.3, reflected) one bit at a time: the definition the tables are built from.
quint32 bitwiseCrc32(const QByteArray& data)
{
    quint32 c = 0xffffffffu;
    for (const char byte : data) {
        c ^= static_cast<quint8>(byte);
        for (int k = 0; k < 8; ++k) {
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        }
    }
    return c ^ 0xffffffffu;
}

QByteArray pseudoRandomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 x = 2463534242u;
    for (qsizetype i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes[i] = static_cast<char>(x >> 24);
    }
    return bytes;
}

quint32 littleEndianAt(const QByteArray& bytes, qsizetype at)
{
    quint32 v = 0;
    for (int i = 3; i >= 0; --i) {
        v = (v << 8) | static_cast<quint8>(bytes.at(at + i));
    }
    return v;
}

} // namespace

class TestGzip final : public QObject
{
    Q_OBJECT

private slots:
    void crc32CheckValue();
    void crc32AgreesWithTheBitwiseDefinition();
    void trailerHoldsCrcAndSize();
};

void TestGzip::crc32CheckValue()
{
    QCOMPARE(Sim::Gzip::crc32(QByteArrayLiteral("123456789")), 0xcbf43926u);
    QCOMPARE(Sim::Gzip::crc32(QByteArray()), 0u);
}

void TestGzip::crc32AgreesWithTheBitwiseDefinition()
{
    const QByteArray data = pseudoRandomBytes(100003);
    for (qsizetype size = 0; size <= 40; ++size) { // every tail length around the eight-byte steps
        QCOMPARE(Sim::Gzip::crc32(data.left(size)), bitwiseCrc32(data.left(size)));
    }
    QCOMPARE(Sim::Gzip::crc32(data), bitwiseCrc32(data));
    QCOMPARE(Sim::Gzip::crc32(data.mid(3)), bitwiseCrc32(data.mid(3))); // unaligned start
}

void TestGzip::trailerHoldsCrcAndSize()
{
    const QByteArray body = QByteArray("[{\"id\":1,\"name\":\"Acme\"}]").repeated(500);
    for (const int level : {1, 6}) {
        const QByteArray gz = Sim::Gzip::compress(body, level);
        QVERIFY(gz.startsWith("\x1f\x8b\x08"));
        QVERIFY(gz.size() < body.size());
        QCOMPARE(littleEndianAt(gz, gz.size() - 8), bitwiseCrc32(body));
        QCOMPARE(littleEndianAt(gz, gz.size() - 4), quint32(body.size()));
    }
}

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"
