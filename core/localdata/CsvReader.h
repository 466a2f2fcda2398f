#pragma once

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace Cw {

// Reads RFC 4180 CSV from a device, one record at a time: a UTF-8 byte-order mark is skipped,
// fields may be quoted, quoted fields may hold commas, doubled quotes and line breaks, and CRLF or
// LF line ends are both accepted. Each record knows the line it started on, for error messages.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CsvReader)

public:
    explicit CsvReader(QIODevice* device);

    // Reads the next record into *fields. Returns false at the end of the input or on an error.
    bool next(QStringList* fields);
    int recordLine() const { return m_recordLine; } // 1-based line the last record started on
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    bool fillBuffer();

    QIODevice* m_device;
    QString m_buffer;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_recordLine = 0;
    bool m_started = false;
    bool m_atEnd = false;
    QString m_error;
};

} // namespace Cw
