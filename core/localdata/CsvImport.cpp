#include "core/localdata/CsvImport.h"

#include <QFile>

namespace Cw {

CsvImport::CsvImport(Database& database) : m_database(database) { }

CsvImport::Result CsvImport::importFile(const QString& entityName, const QString& filePath, bool skipBadRows)
{
    Result result;
    const auto entity = LocalSchema::entity(entityName);
    if (!entity) {
        result.fileError = tr("“%1” is not an entity that can be imported; use one of: %2.")
                               .arg(entityName, LocalSchema::entityNames().join(QLatin1String(", ")));
        return result;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.fileError = tr("Cannot read %1: %2.").arg(filePath, file.errorString());
        return result;
    }
    return importDevice(*entity, &file, skipBadRows);
}

CsvImport::Result CsvImport::importDevice(const LocalEntity& entity, QIODevice* device, bool skipBadRows)
{
    Result result;
    CsvEntityParser parser(entity);
    const bool readable = parser.parse(device);
    result.rows = parser.rowCount();
    result.rowErrors = parser.errors();
    result.ignoredColumns = parser.ignoredColumns();
    if (!readable) {
        result.fileError = parser.fileError();
        return result;
    }
    if (!result.rowErrors.isEmpty() && !skipBadRows) {
        return result; // nothing is written: fix the rows or pass --skip-bad-rows
    }
    LocalRecordStore store(m_database);
    result.imported = store.upsert(entity, parser.records(), &result.counts, &result.storeError);
    return result;
}

QString CsvImport::Result::describe(int maxRows) const
{
    QString out;
    if (!fileError.isEmpty()) {
        return tr("Nothing was imported. %1").arg(fileError);
    }
    if (storeError.isError()) {
        return tr("Nothing was imported: the database refused the rows. %1").arg(storeError.message);
    }
    if (!imported) {
        out = tr("Nothing was imported: %n row(s) have errors. Fix them and import again, or import the good rows "
                 "only with --skip-bad-rows.",
                 nullptr, static_cast<int>(rowErrors.size()));
    } else {
        out = tr("%1 new, %2 updated, %3 unchanged.").arg(counts.inserted).arg(counts.updated).arg(counts.unchanged);
        if (!rowErrors.isEmpty()) {
            out += QLatin1Char(' ') + tr("%n bad row(s) skipped.", nullptr, static_cast<int>(rowErrors.size()));
        }
    }
    int shown = 0;
    for (const CsvRowError& e : rowErrors) {
        if (shown++ == maxRows) {
            out += QLatin1Char('\n') + tr("... and %n more.", nullptr, static_cast<int>(rowErrors.size()) - maxRows);
            break;
        }
        out += QLatin1Char('\n') + tr("Row %1 (line %2): %3").arg(e.row).arg(e.line).arg(e.message);
    }
    return out;
}

} // namespace Cw
