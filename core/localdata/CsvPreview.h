#pragma once

#include "core/localdata/CsvEntityParser.h"

#include <QCoreApplication>

namespace Cw {

// The first rows of a CSV file as the import will store them, for the import dialog's preview: read by the same
// parser as the import, stopping after a few good rows, so it costs the same whatever the file's size. And the
// encoding a file's beginning suggests.
class CsvPreview final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CsvPreview)

public:
    QList<LocalRecord> records; // the first good rows, values typed as stored
    QList<CsvRowError> errors; // among the rows read
    QString fileError; // the file is unusable (unreadable, no header, not text in the encoding)
    TextEncoding encoding = TextEncoding::Utf8; // as read: a byte-order mark decides
    int rowsRead = 0;
    bool wholeFile = false; // every row was read (a small file)

    // At most maxRecords good rows, reading at most maxRows rows.
    static CsvPreview read(const LocalEntity& entity, const QString& path, TextEncoding encoding, int maxRecords,
                           int maxRows = 2000);

    struct Detection
    {
        TextEncoding encoding = TextEncoding::Utf8;
        bool byteOrderMark = false;
        DecodeError notUtf8; // set when the beginning is not UTF-8 (then encoding is Windows-1252)
    };
    // By the byte-order mark; else UTF-8 when the first `bytes` are UTF-8; else Windows-1252, what Excel on
    // Windows saves (the admin can pick another: the preview shows the result).
    static Detection detect(const QString& path, qint64 bytes = 1 << 20);
};

} // namespace Cw
