#include "app/cli/ImportCsvCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "core/localdata/CsvImport.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

QString ImportCsvCommand::usage() const
{
    return QStringLiteral("cwconnector-cli import-csv ENTITY FILE [--encoding NAME] [--skip-bad-rows]\n  ENTITY: ") +
        Cw::LocalSchema::entityNames().join(QLatin1Char(' ')) + QStringLiteral("\n  NAME: ") +
        Cw::namesOf<Cw::TextEncoding>().join(QLatin1Char(' ')) +
        QStringLiteral(" (default utf-8; a byte-order mark decides by itself)");
}

int ImportCsvCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption skipOption(QStringLiteral("skip-bad-rows"));
    const QCommandLineOption encodingOption(QStringLiteral("encoding"), QString(), QStringLiteral("NAME"));
    parser.addOptions({skipOption, encodingOption});
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
    Cw::CsvImport::Options options;
    options.skipBadRows = parser.isSet(skipOption);
    if (parser.isSet(encodingOption)) {
        const auto encoding = Cw::TextEncodings::parse(parser.value(encodingOption));
        if (!encoding) {
            return usageError(
                context,
                tr("--encoding “%1” is not an encoding this program reads; use one of: %2.")
                    .arg(parser.value(encodingOption), Cw::namesOf<Cw::TextEncoding>().join(QLatin1String(", "))));
        }
        options.encoding = *encoding;
    }
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::CsvImport import(*database);
    const Cw::CsvImport::Result result = import.importFile(entity, positional.at(1), options);

    QJsonArray errors;
    for (const Cw::CsvRowError& e : result.rowErrors) {
        errors.append(QJsonObject {{QStringLiteral("row"), e.row},
                                   {QStringLiteral("line"), e.line},
                                   {QStringLiteral("column"), e.column},
                                   {QStringLiteral("message"), e.message}});
    }
    QJsonObject json {
        {QStringLiteral("entity"), entity},
        {QStringLiteral("imported"), result.imported},
        {QStringLiteral("encoding"), Cw::nameOf(result.encoding)},
        {QStringLiteral("rows"), result.rows},
        {QStringLiteral("inserted"), result.counts.inserted},
        {QStringLiteral("updated"), result.counts.updated},
        {QStringLiteral("unchanged"), result.counts.unchanged},
        {QStringLiteral("badRows"), errors}, // the first 100
        {QStringLiteral("badRowCount"), result.badRows},
        {QStringLiteral("errorCount"), result.errorCount},
        {QStringLiteral("fileError"), result.fileError},
    };
    if (result.decodeError.isError()) {
        json.insert(QStringLiteral("notText"),
                    QJsonObject {{QStringLiteral("line"), result.decodeError.line},
                                 {QStringLiteral("column"), result.decodeError.column}});
    }
    const QString text = result.describe(20, Cw::CsvImport::Result::Reader::Cli);
    if (!result.fileError.isEmpty() || (!result.imported && !result.storeError.isError())) {
        // The file or its rows are bad input: nothing was written.
        if (context.json) {
            context.print(QString(), json);
        }
        context.err() << "cwconnector-cli: " << text << Qt::endl;
        if (result.decodeError.isError() && !parser.isSet(encodingOption)) {
            context.err()
                << "cwconnector-cli: "
                << tr("Run it again with --encoding windows-1252 (or the encoding the file was saved in: %1).")
                       .arg(Cw::namesOf<Cw::TextEncoding>().join(QLatin1String(", ")))
                << Qt::endl;
        }
        return BadUsage;
    }
    if (result.storeError.isError()) {
        return context.fail(OperationFailed, text);
    }
    context.print(tr("%1: %2").arg(entity, text), json);
    return Success;
}

} // namespace Cli
