#pragma once

#include "core/localdata/LocalSchema.h"

#include <QByteArray>
#include <QString>

// Writes CSV files of local entities for the import benchmark, from LocalSchema's columns, so every entity (and
// one added later) gets a file of its own: an id per row, references to ids of the parent entity, a few values
// per value-list column, decimals, ISO dates, quoted commas in every name, a quoted line break in every 100th
// description or address, non-ASCII text ("Müller", "Zoë") in UTF-8, and `bad` rows with an empty required value.
namespace Bench {

class CsvGenerator final
{
public:
    explicit CsvGenerator(Cw::LocalEntity entity) : m_entity(std::move(entity)) { }

    // The header line and `rows` rows into path; false when the file cannot be written.
    bool write(const QString& path, int rows, int bad) const;
    // One data row (without the line end); bad: its first required column after the id is left empty.
    QByteArray row(int index, bool bad) const;
    QByteArray header() const;

private:
    QByteArray value(const Cw::LocalColumn& column, int index) const;

    Cw::LocalEntity m_entity;
};

} // namespace Bench
