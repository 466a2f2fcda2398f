#include "app/cli/ImportCsvCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "core/localdata/CsvImport.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

QString ImportCsvCommand::usage() const
{
    return QStringLiteral("cwconnector-cli import-csv ENTITY FILE [--skip-bad-rows]\n  ENTITY: ") +
        Cw::LocalSchema::entityNames().join(QLatin1Char(' '));
}

int ImportCsvCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption skipOption(QStringLiteral("skip-bad-rows"));
    parser.addOption(skipOption);
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        return usageError(context, tr("import-csv needs an entity and a file."));
    }
    const QString entity = positional.at(0);
    if (!Cw::LocalSchema::entity(entity)) {
        return usageError(context,
                          tr("“%1” is not an entity; use one of: %2.")
                              .arg(entity, Cw::LocalSchema::entityNames().join(QLatin1String(", "))));
    }
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::CsvImport import(*database);
    const Cw::CsvImport::Result result =
        import.importFile(entity, positional.at(1), {Cw::TextEncoding::Utf8, parser.isSet(skipOption)});

    QJsonArray errors;
    for (const Cw::CsvRowError& e : result.rowErrors) {
        errors.append(QJsonObject {{QStringLiteral("row"), e.row},
                                   {QStringLiteral("line"), e.line},
                                   {QStringLiteral("column"), e.column},
                                   {QStringLiteral("message"), e.message}});
    }
    const QJsonObject json {
        {QStringLiteral("entity"), entity},
        {QStringLiteral("imported"), result.imported},
        {QStringLiteral("rows"), result.rows},
        {QStringLiteral("inserted"), result.counts.inserted},
        {QStringLiteral("updated"), result.counts.updated},
        {QStringLiteral("unchanged"), result.counts.unchanged},
        {QStringLiteral("badRows"), errors},
        {QStringLiteral("fileError"), result.fileError},
    };
    if (!result.fileError.isEmpty() || (!result.imported && !result.storeError.isError())) {
        // The file or its rows are bad input: nothing was written.
        if (context.json) {
            context.print(QString(), json);
        }
        context.err() << "cwconnector-cli: " << result.describe(20, Cw::CsvImport::Result::Reader::Cli) << Qt::endl;
        return BadUsage;
    }
    if (result.storeError.isError()) {
        return context.fail(OperationFailed, result.describe(20, Cw::CsvImport::Result::Reader::Cli));
    }
    context.print(tr("%1: %2").arg(entity, result.describe(20, Cw::CsvImport::Result::Reader::Cli)), json);
    return Success;
}

} // namespace Cli
