// JsonView's conversions: decoding strings (escapes, surrogate pairs) and reading numbers in place.
#include "core/connectwise/JsonView.h"

#include <algorithm>
#include <cstring>

namespace Cw {

namespace {

int hexValue(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10);
}

} // namespace

QString JsonView::toString(const QString& fallback) const
{
    if (!isString()) {
        return fallback;
    }
    QByteArray decoded;
    return QString::fromUtf8(text(&decoded));
}

QByteArray JsonView::toUtf8(const QByteArray& fallback) const
{
    if (!isString()) {
        return fallback;
    }
    QByteArray decoded;
    const QByteArrayView bytes = text(&decoded);
    if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return decoded.isNull() ? bytes.toByteArray() : decoded;
    }
    // Anything else goes through QString, which replaces malformed UTF-8 as toString() does.
    return QString::fromUtf8(bytes).toUtf8();
}

QByteArrayView JsonView::text(QByteArray* decoded) const
{
    const char* p = m_begin + 1;
    const char* const end = m_end - 1;
    if (!std::memchr(p, '\\', static_cast<std::size_t>(end - p))) {
        return QByteArrayView(p, end - p);
    }
    QByteArray& utf8 = *decoded;
    utf8.reserve(end - p);
    while (p < end) {
        if (*p != '\\') {
            utf8 += *p++;
            continue;
        }
        ++p;
        const char c = *p++;
        switch (c) {
        case 'b':
            utf8 += '\b';
            break;
        case 'f':
            utf8 += '\f';
            break;
        case 'n':
            utf8 += '\n';
            break;
        case 'r':
            utf8 += '\r';
            break;
        case 't':
            utf8 += '\t';
            break;
        case 'u': {
            char32_t code = 0;
            for (int i = 0; i < 4; ++i) {
                code = code * 16 + static_cast<char32_t>(hexValue(p[i]));
            }
            p += 4;
            if (code >= 0xD800 && code <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                char32_t low = 0;
                for (int i = 0; i < 4; ++i) {
                    low = low * 16 + static_cast<char32_t>(hexValue(p[2 + i]));
                }
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                }
            }
            utf8 += QString::fromUcs4(&code, 1).toUtf8();
            break;
        }
        default: // " \ /
            utf8 += c;
            break;
        }
    }
    return utf8;
}

double JsonView::toDouble(double fallback) const
{
    if (!isDouble()) {
        return fallback;
    }
    bool ok = false;
    const double v = QByteArray::fromRawData(m_begin, m_end - m_begin).toDouble(&ok);
    return ok ? v : fallback;
}

qint64 JsonView::toInteger(qint64 fallback) const
{
    if (!isDouble()) {
        return fallback;
    }
    bool ok = false;
    const qint64 v = QByteArray::fromRawData(m_begin, m_end - m_begin).toLongLong(&ok);
    if (ok) {
        return v;
    }
    const double d = toDouble(double(fallback));
    return d == double(qint64(d)) ? qint64(d) : fallback;
}

bool JsonView::toBool(bool fallback) const
{
    return type() == Type::Bool ? *m_begin == 't' : fallback;
}

} // namespace Cw
