#include "core/localdata/CsvPreview.h"

#include <QFile>

namespace Cw {

CsvPreview CsvPreview::read(const LocalEntity& entity, const QString& path, TextEncoding encoding, int maxRecords,
                            int maxRows)
{
    CsvPreview out;
    out.encoding = encoding;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.fileError = tr("Cannot read %1: %2.").arg(path, file.errorString());
        return out;
    }
    CsvEntityParser parser(entity, encoding);
    if (parser.start(&file)) {
        LocalRecord record;
        while (out.records.size() < maxRecords && parser.rowCount() < maxRows) {
            if (!parser.next(&record)) {
                out.wholeFile = parser.fileError().isEmpty();
                break;
            }
            out.records.append(record);
        }
    }
    out.fileError = parser.fileError();
    out.errors = parser.errors().kept();
    out.encoding = parser.encoding();
    out.rowsRead = parser.rowCount();
    return out;
}

CsvPreview::Detection CsvPreview::detect(const QString& path, qint64 bytes)
{
    Detection out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    QByteArray start = file.read(bytes);
    int bomLength = 0;
    if (const auto bom = TextEncodings::fromBom(start, &bomLength)) {
        out.encoding = *bom;
        out.byteOrderMark = true;
        return out;
    }
    TextDecoder utf8(TextEncoding::Utf8);
    utf8.decode(start);
    if (file.atEnd()) {
        utf8.finish(); // a character cut by the end of what was read is only an error at the end of the file
    }
    if (utf8.hasError()) {
        out.notUtf8 = utf8.error();
        out.encoding = TextEncoding::Windows1252;
    }
    return out;
}

} // namespace Cw
