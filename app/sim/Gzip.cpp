#include "app/sim/Gzip.h"

#include <QList>

#include <array>

namespace Sim {

namespace {

void appendLittleEndian(QByteArray* out, quint32 value)
{
    for (int i = 0; i < 4; ++i) {
        out->append(static_cast<char>((value >> (8 * i)) & 0xff));
    }
}

// CRC-32 (IEEE, reflected) tables for slicing by 8: table[0] is the classic byte table, table[k][n] the CRC of byte n
// followed by k zero bytes. Eight bytes per step instead of one: a 2 MB page in about a millisecond.
using CrcTables = std::array<std::array<quint32, 256>, 8>;

const CrcTables& crcTables()
{
    static const CrcTables tables = [] {
        CrcTables t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            }
            t[0][n] = c;
        }
        for (quint32 n = 0; n < 256; ++n) {
            for (std::size_t k = 1; k < 8; ++k) {
                t[k][n] = t[0][t[k - 1][n] & 0xff] ^ (t[k - 1][n] >> 8);
            }
        }
        return t;
    }();
    return tables;
}

} // namespace

quint32 Gzip::crc32(const QByteArray& data)
{
    const CrcTables& t = crcTables();
    const auto* p = reinterpret_cast<const quint8*>(data.constData());
    qsizetype n = data.size();
    quint32 c = 0xffffffffu;
    for (; n >= 8; n -= 8, p += 8) {
        // Little-endian assembly of the next eight bytes, whatever the host's byte order.
        const quint32 low = c ^ (quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24);
        const quint32 high = quint32(p[4]) | quint32(p[5]) << 8 | quint32(p[6]) << 16 | quint32(p[7]) << 24;
        c = t[7][low & 0xff] ^ t[6][(low >> 8) & 0xff] ^ t[5][(low >> 16) & 0xff] ^ t[4][low >> 24] ^
            t[3][high & 0xff] ^ t[2][(high >> 8) & 0xff] ^ t[1][(high >> 16) & 0xff] ^ t[0][high >> 24];
    }
    for (; n > 0; --n, ++p) {
        c = t[0][(c ^ *p) & 0xff] ^ (c >> 8);
    }
    return c ^ 0xffffffffu;
}

QByteArray Gzip::compress(const QByteArray& data, int level)
{
    // qCompress: 4-byte big-endian length, 2-byte zlib header, raw deflate, 4-byte Adler-32.
    const QByteArray zlib = qCompress(data, level);
    constexpr qsizetype prefix = 4 + 2;
    constexpr qsizetype adler = 4;
    QByteArray out;
    out.reserve(zlib.size() + 18);
    // ID1 ID2, CM = deflate, FLG = 0, MTIME = 0, XFL = 0, OS = 255 (unknown).
    out.append("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out.append(zlib.constData() + prefix, zlib.size() - prefix - adler);
    appendLittleEndian(&out, crc32(data));
    appendLittleEndian(&out, static_cast<quint32>(data.size()));
    return out;
}

bool Gzip::accepted(const QByteArray& acceptEncoding)
{
    for (const QByteArray& item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        if (coding != "gzip" && coding != "x-gzip" && coding != "*") {
            continue;
        }
        bool refused = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed().toLower();
            if (parameter.startsWith("q=")) {
                refused = parameter.mid(2).toDouble() <= 0.0;
            }
        }
        if (!refused) {
            return true;
        }
    }
    return false;
}

} // namespace Sim
