#pragma once

#include <QByteArray>

namespace Sim {

// gzip (RFC 1952) for the simulator's replies, without a zlib dependency of our own: qCompress gives a zlib
// stream (RFC 1950) behind a 4-byte length; its raw deflate data goes between a gzip header and a trailer of
// CRC-32 and size. ConnectWise's edge compresses list replies the same way when a client accepts gzip.
class Gzip final
{
public:
    static QByteArray compress(const QByteArray& data, int level = 6);
    // Whether an Accept-Encoding header value accepts gzip ("gzip, deflate", "gzip;q=1"; not "gzip;q=0").
    static bool accepted(const QByteArray& acceptEncoding);
    static quint32 crc32(const QByteArray& data);
};

} // namespace Sim
