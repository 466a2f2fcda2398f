#include "core/localdata/CsvReader.h"

#include <QIODevice>
#include <QStringDecoder>

namespace Cw {

namespace {
constexpr qint64 kChunk = 64 * 1024;
}

CsvReader::CsvReader(QIODevice* device) : m_device(device) { }

bool CsvReader::fillBuffer()
{
    if (m_atEnd) {
        return false;
    }
    QByteArray bytes = m_device->read(kChunk);
    if (bytes.isEmpty()) {
        m_atEnd = true;
        return false;
    }
    // Never split a UTF-8 sequence between two chunks: keep reading until the chunk ends on a
    // character boundary.
    while (!bytes.isEmpty()) {
        int tail = 0;
        while (tail < 4 && tail < bytes.size() &&
               (static_cast<uchar>(bytes.at(bytes.size() - 1 - tail)) & 0xC0) == 0x80) {
            ++tail;
        }
        if (tail < bytes.size()) {
            const uchar lead = static_cast<uchar>(bytes.at(bytes.size() - 1 - tail));
            const int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
            if (needed > tail) {
                const QByteArray more = m_device->read(needed - tail);
                if (!more.isEmpty()) {
                    bytes += more;
                    continue;
                }
            }
        }
        break;
    }
    if (!m_started) {
        m_started = true;
        if (bytes.startsWith("\xEF\xBB\xBF")) {
            bytes.remove(0, 3);
        }
    }
    m_buffer = m_buffer.mid(m_pos) + QString::fromUtf8(bytes);
    m_pos = 0;
    return true;
}

bool CsvReader::next(QStringList* fields)
{
    fields->clear();
    if (hasError()) {
        return false;
    }
    // Skip blank lines between records.
    for (;;) {
        if (m_pos >= m_buffer.size() && !fillBuffer()) {
            return false;
        }
        const QChar c = m_buffer.at(m_pos);
        if (c == QLatin1Char('\n')) {
            ++m_pos;
            ++m_line;
        } else if (c == QLatin1Char('\r')) {
            ++m_pos;
        } else {
            break;
        }
    }
    m_recordLine = m_line;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fillBuffer()) {
            if (quoted) {
                m_error = tr("Line %1: a quoted field is not closed before the end of the file.").arg(m_recordLine);
                return false;
            }
            fields->append(field);
            return true;
        }
        const QChar c = m_buffer.at(m_pos++);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (m_pos >= m_buffer.size()) {
                    fillBuffer();
                }
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n')) {
                    ++m_line;
                }
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            fields->append(field);
            field.clear();
            fieldWasQuoted = false;
        } else if (c == QLatin1Char('\n')) {
            ++m_line;
            fields->append(field);
            return true;
        } else if (c == QLatin1Char('\r')) {
            // part of CRLF; a lone CR inside an unquoted field is dropped
        } else if (c == QLatin1Char('"') && field.isEmpty() && !fieldWasQuoted) {
            quoted = true;
            fieldWasQuoted = true;
        } else {
            field.append(c);
        }
    }
}

} // namespace Cw
