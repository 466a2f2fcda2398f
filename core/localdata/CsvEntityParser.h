#pragma once

#include "core/localdata/LocalSchema.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QVariant>

class QIODevice;

namespace Cw {

// One validated row of a local entity: the column values (typed: QString, a decimal as QString in
// canonical form, a QDate), keyed by column name.
struct LocalRecord
{
    QString id;
    QVariantHash values;
};

struct CsvRowError
{
    int row = 0; // 1-based data row (the header is row 0)
    int line = 0; // line in the file where the row starts
    QString column;
    QString message; // translated, names the column, the value and the fix
};

// Reads a CSV file of one local entity (PRODUCT.md's columns, a header row, extra columns ignored)
// and validates every row. Rows come out as LocalRecords; bad rows as errors with their row and
// line numbers. Within one file, a repeated id is an error (the second row would silently win).
class CsvEntityParser final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CsvEntityParser)

public:
    explicit CsvEntityParser(LocalEntity entity);

    // Parses the whole input. Returns false when the file itself is unusable (no header, a
    // required column missing, broken quoting); row problems are reported through errors().
    bool parse(QIODevice* device);

    const QList<LocalRecord>& records() const { return m_records; }
    const QList<CsvRowError>& errors() const { return m_errors; }
    QString fileError() const { return m_fileError; }
    int rowCount() const { return m_rows; }
    QStringList ignoredColumns() const { return m_ignored; }

    // Validates one value for a column; returns the normalised value or sets *error.
    static QVariant convert(const LocalColumn& column, const QString& raw, QString* error);

private:
    LocalEntity m_entity;
    QList<LocalRecord> m_records;
    QList<CsvRowError> m_errors;
    QString m_fileError;
    QStringList m_ignored;
    int m_rows = 0;
};

} // namespace Cw
