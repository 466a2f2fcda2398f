// cwbench_csvimport: imports a generated CSV file of N rows (default 200,000) of each local entity the way the
// GUI does — a check of the whole file (every row validated, nothing written), then the import into a fresh
// database in one transaction, then the same file again (every row unchanged) — and reports seconds, rows/s and
// the peak RSS of each step. Each entity runs in a child process of its own, so that its peak is its own. Run by
// hand; see docs/benchmarks.md.

#include "BenchSupport.h"
#include "CsvGenerator.h"

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
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

// Linux: "5" in clear_refs resets the peak RSS (VmHWM) to the current RSS, so each step's peak is its own.
void resetPeak()
{
    QFile file(QStringLiteral("/proc/self/clear_refs"));
    if (file.open(QIODevice::WriteOnly)) {
        file.write("5");
    }
}

QString mib(qint64 kb)
{
    return QString::number(double(kb) / 1024.0, 'f', 0);
}

struct Step
{
    double seconds = 0;
    qint64 peakKb = 0;
};

template <typename Work>
Step measure(Work work)
{
    resetPeak();
    QElapsedTimer timer;
    timer.start();
    work();
    return Step {double(timer.elapsed()) / 1000.0, Bench::procStatusKb("VmHWM")};
}

// One entity, in this process: prints one line "entity rows MiB check-s check-MiB import-s import-MiB again-s
// again-MiB stored".
int runEntity(const QString& name, int rows, int bad, const QString& databaseUrl)
{
    QTextStream out(stdout);
    const auto entity = Cw::LocalSchema::entity(name);
    if (!entity) {
        out << "unknown entity " << name << Qt::endl;
        return 2;
    }
    QTemporaryDir dir;
    const QString csv = dir.filePath(name + QStringLiteral(".csv"));
    if (!Bench::CsvGenerator(*entity).write(csv, rows, bad)) {
        out << "cannot write " << csv << Qt::endl;
        return 1;
    }
    Cw::DatabaseLocation location = Cw::DatabaseLocation::sqlite(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!databaseUrl.isEmpty()) {
        QString error;
        const auto pg = Cw::DatabaseLocation::fromPostgresUrl(databaseUrl, &error);
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

    Cw::CsvImport::Options options;
    options.skipBadRows = bad > 0;
    Cw::CsvImport::Options checkOptions = options;
    checkOptions.checkOnly = true;
    Cw::CsvImport::Result checked;
    const Step check = measure([&] { checked = Cw::CsvImport(database).importFile(name, csv, checkOptions); });
    Cw::CsvImport::Result first;
    const Step import = measure([&] { first = Cw::CsvImport(database).importFile(name, csv, options); });
    Cw::CsvImport::Result second;
    const Step again = measure([&] { second = Cw::CsvImport(database).importFile(name, csv, options); });
    const int stored = Cw::LocalRecordStore(database).count(*entity);
    if (!checked.fileError.isEmpty() || !first.imported || !second.imported) {
        out << name << ": " << first.describe() << Qt::endl;
        return 1;
    }
    out << name << ' ' << rows << ' ' << QString::number(QFileInfo(csv).size() / 1048576.0, 'f', 1) << ' '
        << check.seconds << ' ' << mib(check.peakKb) << ' ' << import.seconds << ' ' << mib(import.peakKb) << ' '
        << again.seconds << ' ' << mib(again.peakKb) << ' ' << stored << Qt::endl;
    return stored == rows - bad ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("rows per file"), QStringLiteral("N"),
                                        QStringLiteral("200000"));
    const QCommandLineOption badOption(QStringLiteral("bad"), QStringLiteral("bad rows (then --skip-bad-rows)"),
                                       QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption entityOption(QStringLiteral("entity"),
                                          QStringLiteral("one entity, in this process (default: each, one child "
                                                         "process each)"),
                                          QStringLiteral("NAME"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("postgresql://... instead of a temporary SQLite file"),
                                            QStringLiteral("URL"));
    parser.addOptions({rowsOption, badOption, entityOption, databaseOption});
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    const int bad = parser.value(badOption).toInt();
    if (parser.isSet(entityOption)) {
        return runEntity(parser.value(entityOption), rows, bad, parser.value(databaseOption));
    }

    QTextStream out(stdout);
    out << "| entity | rows | file MiB | check s | check rows/s | check peak MiB | import s | import rows/s | import "
           "peak "
           "MiB | re-import s | re-import peak MiB | stored "
           "|\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        << Qt::endl;
    int status = 0;
    for (const QString& name : Cw::LocalSchema::entityNames()) {
        QProcess child;
        QStringList args {QStringLiteral("--entity"), name,
                          QStringLiteral("--rows"),   QString::number(rows),
                          QStringLiteral("--bad"),    QString::number(bad)};
        if (parser.isSet(databaseOption)) {
            args << QStringLiteral("--database") << parser.value(databaseOption);
        }
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), args);
        child.waitForFinished(-1);
        const QStringList f = QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
        if (child.exitCode() != 0 || f.size() != 10) {
            out << "| " << name << " | failed: " << f.join(QLatin1Char(' ')) << " |" << Qt::endl;
            status = 1;
            continue;
        }
        auto rate = [rows](const QString& seconds) {
            return QString::number(rows / std::max(seconds.toDouble(), 0.001), 'f', 0);
        };
        out << "| " << f[0] << " | " << f[1] << " | " << f[2] << " | " << f[3] << " | " << rate(f[3]) << " | " << f[4]
            << " | " << f[5] << " | " << rate(f[5]) << " | " << f[6] << " | " << f[7] << " | " << f[8] << " | " << f[9]
            << " |" << Qt::endl;
    }
    return status;
}
