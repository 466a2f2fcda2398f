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

const std::array<quint32, 256>& crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            }
            t[n] = c;
        }
        return t;
    }();
    return table;
}

} // namespace

quint32 Gzip::crc32(const QByteArray& data)
{
    const std::array<quint32, 256>& table = crcTable();
    quint32 c = 0xffffffffu;
    for (const char byte : data) {
        c = table[(c ^ static_cast<quint8>(byte)) & 0xff] ^ (c >> 8);
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
