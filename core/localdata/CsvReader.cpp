#include "core/localdata/CsvReader.h"

#include <QIODevice>

namespace Cw {

namespace {
constexpr qint64 kChunk = 64 * 1024;
}

CsvReader::CsvReader(QIODevice* device, TextEncoding encoding) : m_device(device), m_decoder(encoding) { }

bool CsvReader::fillBuffer()
{
    QString text;
    while (text.isEmpty() && !m_atEnd) {
        QByteArray bytes = m_device->read(kChunk);
        m_bytesRead += bytes.size();
        if (!m_started) {
            m_started = true;
            int bomLength = 0;
            if (const auto bom = TextEncodings::fromBom(bytes, &bomLength)) {
                m_decoder = TextDecoder(*bom); // the byte-order mark decides
                m_bom = true;
                bytes.remove(0, bomLength);
            }
        }
        if (bytes.isEmpty()) {
            m_decoder.finish();
            m_atEnd = true;
            break;
        }
        text = m_decoder.decode(bytes);
        m_atEnd = m_decoder.hasError();
    }
    if (text.isEmpty()) {
        return false;
    }
    m_buffer = m_buffer.mid(m_pos) + text;
    m_pos = 0;
    return true;
}

bool CsvReader::endOfInput()
{
    if (m_decoder.hasError()) {
        m_error = m_decoder.error().message();
    }
    return false;
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
            return endOfInput();
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
            if (m_decoder.hasError()) {
                return endOfInput(); // the record is cut where the bytes stop being text
            }
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
