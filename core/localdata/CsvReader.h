#pragma once

#include "core/localdata/TextDecoder.h"

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace Cw {

// Reads RFC 4180 CSV from a device, one record at a time: fields may be quoted, quoted fields may hold commas,
// doubled quotes and line breaks, and CRLF or LF line ends are both accepted. Each record knows the line it
// started on, for error messages. The bytes are decoded in the given encoding, strictly (TextDecoder): a byte
// that is not text in it stops the reading with an error naming its line and column, so that nothing is ever
// read with U+FFFD in place of a character. A byte-order mark (UTF-8, UTF-16) decides the encoding by itself.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CsvReader)

public:
    explicit CsvReader(QIODevice* device, TextEncoding encoding = TextEncoding::Utf8);

    // Reads the next record into *fields. Returns false at the end of the input or on an error.
    bool next(QStringList* fields);
    int recordLine() const { return m_recordLine; } // 1-based line the last record started on
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // Set when the error is that the bytes are not text in the encoding (the line, column and byte).
    const DecodeError& decodeError() const { return m_decoder.error(); }
    // The encoding read: the one asked for, or the one the byte-order mark names.
    TextEncoding encoding() const { return m_decoder.encoding(); }
    bool hadByteOrderMark() const { return m_bom; }
    qint64 bytesRead() const { return m_bytesRead; }

private:
    bool fillBuffer();
    bool endOfInput(); // false, with the decoding error as the reader's error if there is one

    QIODevice* m_device;
    TextDecoder m_decoder;
    QString m_buffer;
    qsizetype m_pos = 0;
    qint64 m_bytesRead = 0;
    int m_line = 1;
    int m_recordLine = 0;
    bool m_started = false;
    bool m_bom = false;
    bool m_atEnd = false;
    QString m_error;
};

} // namespace Cw
