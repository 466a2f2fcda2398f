#pragma once

#include "core/localdata/CsvEntityParser.h"
#include "core/localdata/LocalRecordStore.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>

namespace Cw {

class Database;

// How CsvImport reads and writes a file (outside the class so that it can be a default argument).
struct CsvImportOptions
{
    TextEncoding encoding = TextEncoding::Utf8; // a byte-order mark decides by itself
    bool skipBadRows = false; // import the good rows only
    bool checkOnly = false; // validate every row, write nothing
    int maxErrors = CsvRowErrors::kDefaultLimit; // row errors kept; the rest are counted
    int batchRows = 500; // records per write, and rows between two progress reports
};

// Imports one CSV file of a local entity, streaming: rows are read, validated and written in batches inside one
// transaction, so a file of any size takes bounded memory (a batch of records, the first row errors, the ids seen).
// A file with any bad row imports nothing unless skipBadRows is set (then the good rows are written and the bad
// ones reported); a cancelled import writes nothing. checkOnly reads and validates every row and writes nothing
// (the GUI's check before the import). The file is read in the encoding given; one that is not text in it is
// refused naming the first bad line (Result::decodeError), never stored with U+FFFD.
class CsvImport final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CsvImport)

public:
    using Options = CsvImportOptions;

    struct Progress
    {
        int rows = 0; // data rows read so far
        qint64 bytes = 0; // bytes read so far
        qint64 totalBytes = -1; // the file's size; -1 when unknown
    };
    using ProgressCallback = std::function<void(const Progress&)>;

    struct Result
    {
        bool imported = false; // written (possibly nothing new); false for a check
        bool cancelled = false;
        bool checkOnly = false;
        QString fileError; // the file is unusable: unreadable, no header, a required column missing, not text
        DecodeError decodeError; // set when the file is not text in the encoding: where
        TextEncoding encoding = TextEncoding::Utf8; // as read
        QList<CsvRowError> rowErrors; // the first Options::maxErrors
        int errorCount = 0; // every row error, kept or not
        int badRows = 0; // rows with at least one error
        int rows = 0; // data rows read
        LocalRecordStore::Counts counts;
        QStringList ignoredColumns;
        StoreError storeError;

        int goodRows() const { return rows - badRows; }
        // Who reads describe(): the fix for bad rows is a flag on the command line, a check box in the GUI.
        enum class Reader { Gui, Cli };
        // One translated paragraph: what happened, then up to `maxRows` row errors (0: none, only what happened).
        QString describe(int maxRows = 20, Reader reader = Reader::Gui) const;
    };

    explicit CsvImport(Database& database);

    // Called in the importing thread every Options::batchRows rows and at the end.
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    // Thread-safe: the import running (or the next one) stops at the next row and writes nothing.
    void cancel() { m_cancelled = true; }

    Result importFile(const QString& entityName, const QString& filePath, const Options& options = {});
    Result importDevice(const LocalEntity& entity, QIODevice* device, const Options& options = {});

private:
    void report(const CsvEntityParser& parser, qint64 totalBytes) const;

    Database& m_database;
    ProgressCallback m_progress;
    std::atomic_bool m_cancelled {false};
};

} // namespace Cw
