#include "core/localdata/TextDecoder.h"

#include <QtEndian>

#include <array>
#include <cstring>

namespace Cw {

namespace {

using HighHalf = std::array<char16_t, 128>; // bytes 0x80-0xFF; 0: no character

// Windows-1252 (the WHATWG / Microsoft table): 0x80-0x9F differ from Latin-1, five of them are unassigned.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

HighHalf makeTable(TextEncoding encoding)
{
    HighHalf table {};
    for (int b = 0xA0; b <= 0xFF; ++b) {
        table[static_cast<std::size_t>(b - 0x80)] = static_cast<char16_t>(b);
    }
    if (encoding == TextEncoding::Windows1252) {
        for (int b = 0; b < 32; ++b) {
            table[static_cast<std::size_t>(b)] = kWindows1252[b];
        }
    } else if (encoding == TextEncoding::Latin9) {
        // ISO-8859-15 replaces eight Latin-1 characters.
        const std::pair<int, char16_t> changes[] = {{0xA4, 0x20AC}, {0xA6, 0x0160}, {0xA8, 0x0161}, {0xB4, 0x017D},
                                                    {0xB8, 0x017E}, {0xBC, 0x0152}, {0xBD, 0x0153}, {0xBE, 0x0178}};
        for (const auto& [byte, character] : changes) {
            table[static_cast<std::size_t>(byte - 0x80)] = character;
        }
    }
    return table;
}

const HighHalf& tableFor(TextEncoding encoding)
{
    static const HighHalf windows1252 = makeTable(TextEncoding::Windows1252);
    static const HighHalf latin1 = makeTable(TextEncoding::Latin1);
    static const HighHalf latin9 = makeTable(TextEncoding::Latin9);
    return encoding == TextEncoding::Windows1252 ? windows1252 : encoding == TextEncoding::Latin9 ? latin9 : latin1;
}

bool isUtf16(TextEncoding encoding)
{
    return encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE;
}

} // namespace

QString DecodeError::message() const
{
    QStringList hex;
    for (const char b : bytes) {
        hex.append(QLatin1String("0x") +
                   QString::number(static_cast<uchar>(b), 16).toUpper().rightJustified(2, QLatin1Char('0')));
    }
    const QString shown = hex.join(QLatin1Char(' '));
    switch (encoding) {
    case TextEncoding::Utf8:
        return tr("Line %1 is not UTF-8 (byte %2 at column %3); if the file comes from Excel, pick Windows-1252.")
            .arg(line)
            .arg(shown)
            .arg(column);
    case TextEncoding::Windows1252:
        return tr("Line %1 is not Windows-1252 (byte %2 at column %3 has no character there); pick the encoding the "
                  "file was saved in.")
            .arg(line)
            .arg(shown)
            .arg(column);
    case TextEncoding::Latin1:
    case TextEncoding::Latin9:
        return tr("Line %1 is not %2 text (byte %3 at column %4 is a control character there); if the file comes "
                  "from Excel, pick Windows-1252.")
            .arg(line)
            .arg(TextEncodings::label(encoding), shown)
            .arg(column);
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE:
        return tr("Line %1 is not %2 (bytes %3 at column %4); pick the encoding the file was saved in.")
            .arg(line)
            .arg(TextEncodings::label(encoding), shown)
            .arg(column);
    }
    return QString();
}

TextDecoder::TextDecoder(TextEncoding encoding) : m_encoding(encoding)
{
    m_error.encoding = encoding;
}

qsizetype TextDecoder::validUtf8(const QByteArray& data, bool* incomplete)
{
    const auto* s = reinterpret_cast<const uchar*>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    *incomplete = false;
    while (i < n) {
        while (i + 8 <= n) { // ASCII eight bytes at a time
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL) {
                break;
            }
            i += 8;
        }
        if (i >= n) {
            break;
        }
        const uchar lead = s[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uchar low = 0x80; // the range of the second byte
        uchar high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        } else {
            return i;
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= n) {
                *incomplete = true;
                return i;
            }
            const uchar b = s[i + k];
            if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) {
                return i;
            }
        }
        i += length;
    }
    return n;
}

QString TextDecoder::decodeUtf8(const QByteArray& data, QByteArray* bad)
{
    bool incomplete = false;
    const qsizetype valid = validUtf8(data, &incomplete);
    if (valid < data.size()) {
        if (incomplete) {
            m_pending = data.mid(valid);
        } else {
            *bad = data.mid(valid, 1);
        }
    }
    return QString::fromUtf8(data.constData(), valid);
}

QString TextDecoder::decodeUtf16(const QByteArray& data, QByteArray* bad)
{
    const qsizetype units = data.size() / 2;
    QString text(units, Qt::Uninitialized);
    QChar* out = text.data();
    const char* in = data.constData();
    const bool little = m_encoding == TextEncoding::Utf16LE;
    qsizetype written = 0;
    qsizetype i = 0;
    for (; i < units; ++i) {
        const char16_t unit = little ? qFromLittleEndian<char16_t>(in + 2 * i) : qFromBigEndian<char16_t>(in + 2 * i);
        if (QChar::isHighSurrogate(unit)) {
            if (i + 1 == units) {
                break; // its low half comes with the next chunk
            }
            const char16_t next =
                little ? qFromLittleEndian<char16_t>(in + 2 * i + 2) : qFromBigEndian<char16_t>(in + 2 * i + 2);
            if (!QChar::isLowSurrogate(next)) {
                *bad = data.mid(2 * i, 2);
                text.truncate(written);
                return text;
            }
            out[written++] = QChar(unit);
            out[written++] = QChar(next);
            ++i;
        } else if (QChar::isLowSurrogate(unit)) {
            *bad = data.mid(2 * i, 2);
            text.truncate(written);
            return text;
        } else {
            out[written++] = QChar(unit);
        }
    }
    m_pending = data.mid(2 * i);
    text.truncate(written);
    return text;
}

QString TextDecoder::decodeSingleByte(const QByteArray& data, QByteArray* bad) const
{
    const HighHalf& table = tableFor(m_encoding);
    QString text(data.size(), Qt::Uninitialized);
    QChar* out = text.data();
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto b = static_cast<uchar>(data.at(i));
        const char16_t c = b < 0x80 ? char16_t(b) : table[b - 0x80];
        if (c == 0) {
            *bad = data.mid(i, 1);
            text.truncate(i);
            return text;
        }
        out[i] = QChar(c);
    }
    return text;
}

void TextDecoder::advance(const QString& text)
{
    const qsizetype lastBreak = text.lastIndexOf(QLatin1Char('\n'));
    if (lastBreak >= 0) {
        m_line += static_cast<int>(text.count(QLatin1Char('\n')));
        m_column = 0;
    }
    for (qsizetype i = lastBreak + 1; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate()) { // a character outside the BMP counts once
            ++m_column;
        }
    }
}

QString TextDecoder::decode(const QByteArray& bytes)
{
    if (hasError()) {
        return QString();
    }
    QByteArray data = m_pending.isEmpty() ? bytes : m_pending + bytes;
    m_pending.clear();
    QByteArray bad;
    QString text;
    if (m_encoding == TextEncoding::Utf8) {
        text = decodeUtf8(data, &bad);
    } else if (isUtf16(m_encoding)) {
        text = decodeUtf16(data, &bad);
    } else {
        text = decodeSingleByte(data, &bad);
    }
    advance(text);
    if (!bad.isEmpty()) {
        m_error.line = m_line;
        m_error.column = m_column + 1;
        m_error.bytes = bad;
    }
    return text;
}

void TextDecoder::finish()
{
    if (!hasError() && !m_pending.isEmpty()) {
        m_error.line = m_line;
        m_error.column = m_column + 1;
        m_error.bytes = m_pending;
        m_pending.clear();
    }
}

} // namespace Cw
