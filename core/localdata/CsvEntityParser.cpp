#include "core/localdata/CsvEntityParser.h"

#include "core/localdata/CsvReader.h"

#include <QDate>
#include <QRegularExpression>

namespace Cw {

CsvEntityParser::CsvEntityParser(LocalEntity entity, TextEncoding encoding, int maxErrors)
    : m_entity(std::move(entity)), m_encoding(encoding), m_errors(maxErrors)
{ }

CsvEntityParser::~CsvEntityParser() = default;

QVariant CsvEntityParser::convert(const LocalColumn& column, const QString& raw, QString* error)
{
    const QString value = raw.trimmed();
    if (value.isEmpty()) {
        if (column.required) {
            *error = tr("%1 is empty; it is required.").arg(column.name);
        }
        return QVariant();
    }
    if (value.contains(QChar::ReplacementCharacter)) {
        *error = tr("%1 “%2” holds the replacement character � (U+FFFD): a character was lost when the text was "
                    "decoded in the wrong encoding before it reached this file. Correct the value at its source.")
                     .arg(column.name, value);
        return QVariant();
    }
    if (column.maxLength > 0 && value.size() > column.maxLength) {
        *error = tr("%1 is %2 characters long; at most %3 are allowed.")
                     .arg(column.name)
                     .arg(value.size())
                     .arg(column.maxLength);
        return QVariant();
    }
    switch (column.type) {
    case LocalColumn::Type::Text:
        return value;
    case LocalColumn::Type::Decimal: {
        static const QRegularExpression number(QStringLiteral("^-?\\d+(\\.\\d{1,6})?$"));
        if (!number.match(value).hasMatch()) {
            *error = tr("%1 “%2” is not a number; write it like 1234.50 (a point for decimals, no thousands "
                        "separators).")
                         .arg(column.name, value);
            return QVariant();
        }
        return LocalColumn::canonicalDecimal(value);
    }
    case LocalColumn::Type::Date: {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid() || value.size() != 10) {
            *error = tr("%1 “%2” is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25.").arg(column.name, value);
            return QVariant();
        }
        return date;
    }
    case LocalColumn::Type::Choice:
        if (!column.choices.contains(value)) {
            *error = tr("%1 “%2” is not allowed; use one of: %3.")
                         .arg(column.name, value, column.choices.join(QLatin1String(", ")));
            return QVariant();
        }
        return value;
    }
    return QVariant();
}

bool CsvEntityParser::start(QIODevice* device)
{
    m_errors.clear();
    m_fileError.clear();
    m_ignored.clear();
    m_index.clear();
    m_ids = CsvIdSet();
    m_rows = 0;
    m_reader = std::make_unique<CsvReader>(device, m_encoding);

    QStringList header;
    if (!m_reader->next(&header)) {
        m_fileError = m_reader->hasError() ? m_reader->errorString()
                                           : tr("The file is empty: the first line must name the columns (%1).")
                                                 .arg(m_entity.csvColumnNames().join(QLatin1String(",")));
        return false;
    }
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        const LocalColumn* column = m_entity.column(name);
        if (column && !column->pulledOnly) {
            m_index.insert(name, i);
        } else if (!name.isEmpty()) {
            m_ignored.append(header.at(i).trimmed());
        }
    }
    QStringList missing;
    for (const LocalColumn& c : m_entity.columns) {
        if (c.required && !m_index.contains(c.name)) {
            missing.append(c.name);
        }
    }
    if (!missing.isEmpty()) {
        m_fileError = tr("The header lacks the required column(s) %1. The columns of %2 are: %3.")
                          .arg(missing.join(QLatin1String(", ")), m_entity.name(),
                               m_entity.csvColumnNames().join(QLatin1String(",")));
        return false;
    }
    return true;
}

bool CsvEntityParser::next(LocalRecord* record)
{
    if (!m_reader || !m_fileError.isEmpty()) {
        return false;
    }
    QStringList fields;
    while (m_reader->next(&fields)) {
        if (fields.size() == 1 && fields.first().trimmed().isEmpty()) {
            continue; // a line with only spaces
        }
        ++m_rows;
        if (readRow(fields, record)) {
            return true;
        }
    }
    if (m_reader->hasError()) {
        m_fileError = m_reader->errorString();
    }
    return false;
}

bool CsvEntityParser::readRow(const QStringList& fields, LocalRecord* record)
{
    record->values.clear();
    record->row = m_rows;
    bool rowOk = true;
    for (const LocalColumn& c : m_entity.columns) {
        if (c.pulledOnly) {
            continue; // written by the pull only (invoices.balance)
        }
        const int at = m_index.value(c.name, -1);
        const QString raw = at >= 0 && at < fields.size() ? fields.at(at) : QString();
        QString error;
        const QVariant value = convert(c, raw, &error);
        if (!error.isEmpty()) {
            m_errors.add(CsvRowError {m_rows, m_reader->recordLine(), c.name, error});
            rowOk = false;
            continue;
        }
        if (value.isValid()) {
            record->values.insert(c.name, value);
        }
    }
    if (!rowOk) {
        return false;
    }
    record->id = record->values.value(QStringLiteral("id")).toString();
    if (const int first = m_ids.insert(record->id, m_rows)) {
        m_errors.add(CsvRowError {
            m_rows, m_reader->recordLine(), QStringLiteral("id"),
            tr("id “%1” already appears on row %2 of this file; each id may appear once.").arg(record->id).arg(first)});
        return false;
    }
    return true;
}

qint64 CsvEntityParser::bytesRead() const
{
    return m_reader ? m_reader->bytesRead() : 0;
}

TextEncoding CsvEntityParser::encoding() const
{
    return m_reader ? m_reader->encoding() : m_encoding;
}

DecodeError CsvEntityParser::decodeError() const
{
    return m_reader ? m_reader->decodeError() : DecodeError();
}

} // namespace Cw
