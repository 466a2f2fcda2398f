#pragma once

#include "core/localdata/CsvEntityParser.h"
#include "core/localdata/LocalRecordStore.h"

#include <QCoreApplication>

namespace Cw {

class Database;

// Imports one CSV file of a local entity: parse and validate every row, then write in one transaction.
// A file with any bad row imports nothing unless skipBadRows is set; the result names every bad row.
class CsvImport final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CsvImport)

public:
    struct Result
    {
        bool imported = false; // something was written (or the file had nothing new)
        QString fileError; // the file is unusable: unreadable, no header, a required column missing
        QList<CsvRowError> rowErrors;
        int rows = 0;
        LocalRecordStore::Counts counts;
        QStringList ignoredColumns;
        StoreError storeError;

        // One translated paragraph for the CLI and the GUI: what happened, then up to `maxRows` row errors.
        QString describe(int maxRows = 20) const;
    };

    explicit CsvImport(Database& database);

    Result importFile(const QString& entityName, const QString& filePath, bool skipBadRows);
    Result importDevice(const LocalEntity& entity, QIODevice* device, bool skipBadRows);

private:
    Database& m_database;
};

} // namespace Cw
