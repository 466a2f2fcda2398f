// cwbench_csvimport: imports a generated CSV file of N accounts (default 50,000) the way the GUI's
// CsvImportPanel does — a full parse for the preview and the row errors, then CsvImport into a fresh
// database in one transaction — and reports seconds, rows/s and peak RSS. Run by hand; see
// docs/benchmarks.md.

#include "BenchSupport.h"

#include "core/localdata/CsvEntityParser.h"
#include "core/localdata/CsvImport.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/store/Database.h"
#include "core/store/DatabaseLocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

// N accounts with a BOM, quoted commas, a quoted newline every 100th row and `bad` bad rows (unknown
// columns are ignored; a bad row has an empty name).
bool writeFile(const QString& path, int rows, int bad)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    static const char* const types[] = {"Client", "Prospect", "Vendor", "Partner"};
    static const char* const currencies[] = {"USD", "EUR", "GBP"};
    file.write("\xEF\xBB\xBFid,name,account_type,currency,phone,website,address_line1,city,state,zip,country\n");
    for (int i = 1; i <= rows; ++i) {
        const bool isBad = bad > 0 && i % (rows / bad) == 0;
        QByteArray line = "acc" + QByteArray::number(i) + ',';
        if (!isBad) {
            line += "\"Company " + QByteArray::number(i) + ", Ltd.\"";
        }
        line += ',' + QByteArray(types[i % 4]) + ',' + currencies[i % 3] + ",555-01" + QByteArray::number(i % 100) +
            ",https://c" + QByteArray::number(i) + ".example,";
        if (i % 100 == 0) {
            line += "\"Suite 4\nMain Street " + QByteArray::number(i) + '"';
        } else {
            line += "Main Street " + QByteArray::number(i);
        }
        line += ",Springfield,IL," + QByteArray::number(60000 + i % 1000) + ",US\n";
        file.write(line);
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("rows to generate"), QStringLiteral("N"),
                                        QStringLiteral("50000"));
    const QCommandLineOption badOption(QStringLiteral("bad"), QStringLiteral("bad rows (then --skip-bad-rows)"),
                                       QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("postgresql://... instead of a temporary SQLite file"),
                                            QStringLiteral("URL"));
    parser.addOptions({rowsOption, badOption, databaseOption});
    parser.process(app);
    QTextStream out(stdout);
    const int rows = parser.value(rowsOption).toInt();
    const int bad = parser.value(badOption).toInt();

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("accounts.csv"));
    if (!writeFile(csv, rows, bad)) {
        out << "cannot write " << csv << Qt::endl;
        return 1;
    }
    const qint64 bytes = QFileInfo(csv).size();

    // 1. What the panel's preview does: parse and validate the whole file.
    QElapsedTimer timer;
    timer.start();
    QFile file(csv);
    if (!file.open(QIODevice::ReadOnly)) {
        return 1;
    }
    Cw::CsvEntityParser preview(Cw::LocalSchema::entity(Cw::Entity::Accounts));
    if (!preview.parse(&file)) {
        out << "parse failed: " << preview.fileError() << Qt::endl;
        return 1;
    }
    const double parseSeconds = double(timer.elapsed()) / 1000.0;
    const qint64 previewPeakKb = Bench::procStatusKb("VmHWM");
    file.close();
    preview = Cw::CsvEntityParser(Cw::LocalSchema::entity(Cw::Entity::Accounts)); // as the panel closing

    // 2. The Import button: CsvImport into a fresh database, one transaction.
    Cw::DatabaseLocation location = Cw::DatabaseLocation::sqlite(dir.filePath(QStringLiteral("bench.sqlite")));
    if (parser.isSet(databaseOption)) {
        QString error;
        const auto pg = Cw::DatabaseLocation::fromPostgresUrl(parser.value(databaseOption), &error);
        if (!pg) {
            out << error << Qt::endl;
            return 2;
        }
        location = *pg;
    }
    Cw::Database database(location);
    Cw::StoreError storeError;
    if (!database.open(&storeError)) {
        out << storeError.message << Qt::endl;
        return 1;
    }
    timer.restart();
    const Cw::CsvImport::Result result = Cw::CsvImport(database).importFile(QStringLiteral("accounts"), csv, bad > 0);
    const double importSeconds = double(timer.elapsed()) / 1000.0;
    if (!result.imported) {
        out << result.describe() << Qt::endl;
        return 1;
    }
    timer.restart();
    const Cw::CsvImport::Result again = Cw::CsvImport(database).importFile(QStringLiteral("accounts"), csv, bad > 0);
    const double againSeconds = double(timer.elapsed()) / 1000.0;
    const int stored = Cw::LocalRecordStore(database).count(Cw::LocalSchema::entity(Cw::Entity::Accounts));

    out << "rows=" << rows << " bad=" << result.rowErrors.size()
        << " fileMiB=" << QString::number(bytes / 1048576.0, 'f', 1)
        << " backend=" << (parser.isSet(databaseOption) ? "postgresql" : "sqlite") << "\n"
        << "preview parse: seconds=" << QString::number(parseSeconds, 'f', 2)
        << " rows/s=" << QString::number(rows / std::max(parseSeconds, 0.001), 'f', 0)
        << " peakRssMiB=" << QString::number(double(previewPeakKb) / 1024.0, 'f', 1) << "\n"
        << "import (parse + write, new rows): seconds=" << QString::number(importSeconds, 'f', 2)
        << " rows/s=" << QString::number(rows / std::max(importSeconds, 0.001), 'f', 0)
        << " inserted=" << result.counts.inserted << "\n"
        << "re-import (same file, unchanged): seconds=" << QString::number(againSeconds, 'f', 2)
        << " unchanged=" << again.counts.unchanged << "\n"
        << "stored=" << stored
        << " peakRssMiB(VmHWM)=" << QString::number(double(Bench::procStatusKb("VmHWM")) / 1024.0, 'f', 1) << Qt::endl;
    return stored == rows - static_cast<int>(result.rowErrors.size()) ? 0 : 1;
}
