#include "core/localdata/CsvImport.h"

#include "core/store/Database.h"

#include <QFile>

namespace Cw {

CsvImport::CsvImport(Database& database) : m_database(database) { }

CsvImport::Result CsvImport::importFile(const QString& entityName, const QString& filePath, const Options& options)
{
    Result result;
    result.checkOnly = options.checkOnly;
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
    return importDevice(*entity, &file, options);
}

void CsvImport::report(const CsvEntityParser& parser, qint64 totalBytes) const
{
    if (m_progress) {
        m_progress(Progress {parser.rowCount(), parser.bytesRead(), totalBytes});
    }
}

CsvImport::Result CsvImport::importDevice(const LocalEntity& entity, QIODevice* device, const Options& options)
{
    Result result;
    result.checkOnly = options.checkOnly;
    CsvEntityParser parser(entity, options.encoding, options.maxErrors);
    const qint64 totalBytes = device->isSequential() ? -1 : device->size();
    auto finish = [&]() -> Result& {
        result.encoding = parser.encoding();
        result.rows = parser.rowCount();
        result.rowErrors = parser.errors().kept();
        result.errorCount = parser.errors().total();
        result.badRows = parser.errors().badRows();
        result.ignoredColumns = parser.ignoredColumns();
        result.fileError = parser.fileError();
        result.decodeError = parser.decodeError();
        result.cancelled = m_cancelled;
        report(parser, totalBytes);
        return result;
    };
    if (!parser.start(device)) {
        return finish();
    }

    // One transaction for the whole file: all or nothing. Bad rows stop the writing (unless skipBadRows) but not
    // the reading, so that the result names them all.
    LocalRecordStore store(m_database);
    WriteTransaction transaction(m_database);
    bool writing = !options.checkOnly;
    if (writing && !transaction.begin(&result.storeError)) {
        return finish();
    }
    QList<LocalRecord> batch;
    auto flush = [&] {
        const bool ok = !writing || batch.isEmpty() || store.upsert(entity, batch, &result.counts, &result.storeError);
        batch.clear();
        return ok;
    };
    LocalRecord record;
    int nextReport = options.batchRows;
    while (!m_cancelled && parser.next(&record)) {
        if (writing && !options.skipBadRows && !parser.errors().isEmpty()) {
            writing = false; // nothing will be written: the rest is only checked
            batch.clear();
        }
        if (writing) {
            batch.append(record);
            if (batch.size() >= options.batchRows && !flush()) {
                return finish();
            }
        }
        if (parser.rowCount() >= nextReport) {
            report(parser, totalBytes);
            nextReport = parser.rowCount() + options.batchRows;
        }
    }
    const bool complete =
        !m_cancelled && parser.fileError().isEmpty() && (options.skipBadRows || parser.errors().isEmpty());
    if (writing && complete && flush() && transaction.commit(&result.storeError)) {
        result.imported = true;
    }
    return finish(); // otherwise the transaction rolls back: nothing is written
}

QString CsvImport::Result::describe(int maxRows, Reader reader) const
{
    QString out;
    if (!fileError.isEmpty()) {
        return tr("Nothing was imported. %1").arg(fileError);
    }
    if (cancelled) {
        return tr("The import was cancelled; nothing was written.");
    }
    if (storeError.isError()) {
        return tr("Nothing was imported. %1").arg(storeError.message);
    }
    if (checkOnly) {
        out = tr("%n row(s) read: %1 good, %2 with errors.", nullptr, rows).arg(goodRows()).arg(badRows);
    } else if (!imported) {
        out = reader == Reader::Cli
            ? tr("Nothing was imported: %n row(s) have errors. Fix them and import again, or import the good rows "
                 "only with --skip-bad-rows.",
                 nullptr, badRows)
            : tr("Nothing was imported: %n row(s) have errors. Fix them and import again, or tick “Import the good "
                 "rows only”.",
                 nullptr, badRows);
    } else {
        out = tr("%1 new, %2 updated, %3 unchanged.").arg(counts.inserted).arg(counts.updated).arg(counts.unchanged);
        if (badRows > 0) {
            out += QLatin1Char(' ') + tr("%n bad row(s) skipped.", nullptr, badRows);
        }
    }
    const int shown = static_cast<int>(std::min<qsizetype>(rowErrors.size(), maxRows));
    for (int i = 0; i < shown; ++i) {
        const CsvRowError& e = rowErrors.at(i);
        out += QLatin1Char('\n') + tr("Row %1 (line %2): %3").arg(e.row).arg(e.line).arg(e.message);
    }
    if (maxRows > 0 && errorCount > shown) {
        out += QLatin1Char('\n') + tr("... and %n more.", nullptr, errorCount - shown);
    }
    return out;
}

} // namespace Cw
