#include "core/localdata/CsvEntityParser.h"

#include "core/localdata/CsvReader.h"

#include <QDate>
#include <QRegularExpression>
#include <QSet>

namespace Cw {

CsvEntityParser::CsvEntityParser(LocalEntity entity) : m_entity(std::move(entity)) { }

QVariant CsvEntityParser::convert(const LocalColumn& column, const QString& raw, QString* error)
{
    const QString value = raw.trimmed();
    if (value.isEmpty()) {
        if (column.required) {
            *error = tr("%1 is empty; it is required.").arg(column.name);
        }
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

bool CsvEntityParser::parse(QIODevice* device)
{
    m_records.clear();
    m_errors.clear();
    m_fileError.clear();
    m_ignored.clear();
    m_rows = 0;

    CsvReader reader(device);
    QStringList header;
    if (!reader.next(&header)) {
        m_fileError = reader.hasError() ? reader.errorString()
                                        : tr("The file is empty: the first line must name the columns (%1).")
                                              .arg(m_entity.csvColumnNames().join(QLatin1String(",")));
        return false;
    }
    QHash<QString, int> index; // column name -> position in the file
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        const LocalColumn* column = m_entity.column(name);
        if (column && !column->pulledOnly) {
            index.insert(name, i);
        } else if (!name.isEmpty()) {
            m_ignored.append(header.at(i).trimmed());
        }
    }
    QStringList missing;
    for (const LocalColumn& c : m_entity.columns) {
        if (c.required && !index.contains(c.name)) {
            missing.append(c.name);
        }
    }
    if (!missing.isEmpty()) {
        m_fileError = tr("The header lacks the required column(s) %1. The columns of %2 are: %3.")
                          .arg(missing.join(QLatin1String(", ")), m_entity.name(),
                               m_entity.csvColumnNames().join(QLatin1String(",")));
        return false;
    }

    QHash<QString, int> seenIds; // id -> row it was first seen on
    QStringList fields;
    while (reader.next(&fields)) {
        ++m_rows;
        if (fields.size() == 1 && fields.first().trimmed().isEmpty()) {
            --m_rows; // a line with only spaces
            continue;
        }
        LocalRecord record;
        bool rowOk = true;
        for (const LocalColumn& c : m_entity.columns) {
            if (c.pulledOnly) {
                continue;
            }
            const int at = index.value(c.name, -1);
            const QString raw = at >= 0 && at < fields.size() ? fields.at(at) : QString();
            QString error;
            const QVariant value = convert(c, raw, &error);
            if (!error.isEmpty()) {
                m_errors.append(CsvRowError {m_rows, reader.recordLine(), c.name, error});
                rowOk = false;
                continue;
            }
            if (value.isValid()) {
                record.values.insert(c.name, value);
            }
        }
        if (!rowOk) {
            continue;
        }
        record.id = record.values.value(QStringLiteral("id")).toString();
        if (seenIds.contains(record.id)) {
            m_errors.append(CsvRowError {m_rows, reader.recordLine(), QStringLiteral("id"),
                                         tr("id “%1” already appears on row %2 of this file; each id may appear once.")
                                             .arg(record.id)
                                             .arg(seenIds.value(record.id))});
            continue;
        }
        seenIds.insert(record.id, m_rows);
        m_records.append(record);
    }
    if (reader.hasError()) {
        m_fileError = reader.errorString();
        return false;
    }
    return true;
}

} // namespace Cw
