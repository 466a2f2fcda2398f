#pragma once

#include "core/localdata/CsvIdSet.h"
#include "core/localdata/CsvReader.h"
#include "core/localdata/CsvRowErrors.h"
#include "core/localdata/LocalSchema.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QVariant>

#include <memory>

class QIODevice;

namespace Cw {

// One validated row of a local entity: the column values (typed: QString, a decimal as QString in
// canonical form, a QDate), keyed by column name.
struct LocalRecord
{
    QString id;
    QVariantHash values;
    int row = 0; // the data row of the CSV file it came from; 0 when it did not come from a file
};

// Reads a CSV file of one local entity (PRODUCT.md's columns, a header row, extra columns ignored) row by row and
// validates each: good rows come out one at a time (next()), bad rows go to errors() with their row and line
// numbers, so that a file of any length is read in bounded memory. Within one file, a repeated id is an error (the
// second row would silently win); the ids seen are kept compactly (CsvIdSet). A value holding U+FFFD (the mark of
// text once decoded in the wrong encoding) is an error too: it is never stored.
//
//   CsvEntityParser parser(entity, TextEncoding::Windows1252);
//   if (!parser.start(&file)) ... parser.fileError();
//   LocalRecord record;
//   while (parser.next(&record)) ...;
//   if (!parser.fileError().isEmpty()) ...   // the file became unreadable further on (quoting, encoding)
class CsvEntityParser final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CsvEntityParser)

public:
    explicit CsvEntityParser(LocalEntity entity, TextEncoding encoding = TextEncoding::Utf8,
                             int maxErrors = CsvRowErrors::kDefaultLimit);
    ~CsvEntityParser();
    Q_DISABLE_COPY_MOVE(CsvEntityParser)

    // Reads the header. False when the file itself is unusable (empty, a required column missing, not text in
    // the encoding): fileError() says why.
    bool start(QIODevice* device);
    // The next good row; rows with problems are recorded in errors() and passed over. False at the end of the
    // file, or when the file turns unusable (fileError() is then set).
    bool next(LocalRecord* record);

    const CsvRowErrors& errors() const { return m_errors; }
    QString fileError() const { return m_fileError; }
    int rowCount() const { return m_rows; } // data rows read so far, good and bad
    QStringList ignoredColumns() const { return m_ignored; }
    qint64 bytesRead() const;
    TextEncoding encoding() const; // as read: a byte-order mark decides
    // Set when the file is unusable because it is not text in the encoding: where, for the GUI's hint.
    DecodeError decodeError() const;

    // Validates one value for a column; returns the normalised value or sets *error.
    static QVariant convert(const LocalColumn& column, const QString& raw, QString* error);

private:
    bool readRow(const QStringList& fields, LocalRecord* record);

    LocalEntity m_entity;
    TextEncoding m_encoding;
    std::unique_ptr<CsvReader> m_reader;
    QHash<QString, int> m_index; // column name -> position in the file
    CsvRowErrors m_errors;
    CsvIdSet m_ids;
    QString m_fileError;
    QStringList m_ignored;
    int m_rows = 0;
};

} // namespace Cw
