#include "app/cli/ConfigTransferCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/KeyInput.h"
#include "core/config/ConfigExport.h"
#include "core/config/ConnectorSession.h"
#include "core/config/InstanceConnection.h"
#include "core/config/RemoteListFetcher.h"
#include "core/connectwise/ApiClient.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Cli {

int ExportCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("export needs a connector NAME."));
    }
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::StoreError error;
    const auto json = Cw::ConfigExport(*database).exportJson(parser.positionalArguments().first(), &error);
    if (!json) {
        return context.fail(error.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed, error.message);
    }
    if (!parser.isSet(output) || parser.value(output) == QLatin1String("-")) {
        context.out() << QString::fromUtf8(*json) << Qt::flush;
        return Success;
    }
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly) || file.write(*json) != json->size() || !file.commit()) {
        return context.fail(OperationFailed, tr("Cannot write %1: %2").arg(parser.value(output), file.errorString()));
    }
    context.print(tr("Exported “%1” to %2 (no keys are included).")
                      .arg(parser.positionalArguments().first(), parser.value(output)),
                  QJsonObject {{QStringLiteral("exported"), parser.positionalArguments().first()},
                               {QStringLiteral("file"), parser.value(output)}});
    return Success;
}

int ImportCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption as(QStringLiteral("as"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption company(QStringLiteral("company"), QString(), QStringLiteral("ID"));
    const QCommandLineOption region(QStringLiteral("region"), QString(), QStringLiteral("R"));
    const QCommandLineOption site(QStringLiteral("site"), QString(), QStringLiteral("URL"));
    const QCommandLineOption keysFromStdin(QStringLiteral("keys-from-stdin"));
    parser.addOptions({as, company, region, site, keysFromStdin});
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("import needs the FILE of an export."));
    }
    QFile file(parser.positionalArguments().first());
    if (!file.open(QIODevice::ReadOnly)) {
        return context.fail(BadUsage, tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
    }
    QByteArray json = file.readAll();
    Cw::StoreError storeError;
    auto document = Cw::ConfigDocument::parse(json, &storeError);
    if (!document) {
        return context.fail(BadUsage, storeError.message);
    }

    // The target ConnectWise: the exported one unless overridden (e.g. staging -> production).
    Cw::Instance target = document->instance;
    QString error;
    if (parser.isSet(region) || parser.isSet(site)) {
        if (!Cw::InstanceConnection::applySite(&target, parser.value(region), parser.value(site), &error)) {
            return context.fail(BadUsage, error);
        }
    }
    if (parser.isSet(company)) {
        target.companyId = parser.value(company);
    }
    json = Cw::ConfigExport::retarget(json, target);

    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    const QString newName = parser.isSet(as) ? parser.value(as) : target.name;
    if (!Cw::InstanceRepository(*database).isNameAvailable(newName, 0, &storeError)) {
        return context.fail(BadUsage,
                            storeError.isError() ? storeError.message
                                                 : Cw::InstanceRepository::duplicateNameMessage(newName));
    }
    const KeyInput::Result keys = context.obtainKeys(parser.isSet(keysFromStdin));
    if (!keys.ok) {
        return context.fail(BadUsage, keys.error);
    }
    const auto session = Cw::ConnectorSession::open(target, keys.keys, context.network(), &error);
    if (!session) {
        return context.fail(BadUsage, error);
    }

    // Fetch the ConnectWise lists the document refers to, then import with names re-resolved.
    const std::unique_ptr<Cw::ApiClient> client(session->newClient());
    Cw::RemoteListFetcher fetcher(client.get());
    QEventLoop loop;
    Cw::ApiError fetchError;
    QObject::connect(&fetcher, &Cw::RemoteListFetcher::finished, &loop, [&](const Cw::ApiError& e) {
        fetchError = e;
        loop.quit();
    });
    QStringList kinds;
    const auto names = document->namesToResolve();
    for (const auto& pair : names) {
        kinds.append(pair.first);
    }
    fetcher.start(kinds, names);
    loop.exec();
    if (!fetchError.isOk()) {
        return context.fail(fetchError.isUnreachable() ? Unreachable : OperationFailed,
                            tr("Nothing was imported: the target ConnectWise could not be read. %1 %2")
                                .arg(fetchError.message(), fetchError.fix()),
                            Cw::ApiError::kindName(fetchError.kind));
    }
    const auto result = Cw::ConfigExport(*database).importJson(json, newName, fetcher.resolver(), &storeError);
    if (!result) {
        return context.fail(storeError.code == Cw::StoreError::Code::Query ? OperationFailed : BadUsage,
                            storeError.message);
    }
    const Cw::SecretResult written = context.saveKeys(Cw::InstanceConnection::secretId(result->instance), keys.keys);
    if (!written.ok()) {
        Cw::InstanceRepository(*database).removeById(result->instance.id);
        return context.fail(written.keychainUnusable() ? KeychainUnavailable : OperationFailed,
                            tr("Nothing was imported: the keys could not be saved. %1").arg(written.message));
    }

    QJsonArray unresolved;
    QStringList lines {tr("Imported “%1” as a draft connector.").arg(result->instance.name)};
    for (const Cw::UnresolvedReference& u : result->unresolved) {
        unresolved.append(QJsonObject {{QStringLiteral("section"), u.section},
                                       {QStringLiteral("item"), u.item},
                                       {QStringLiteral("kind"), u.kind},
                                       {QStringLiteral("name"), u.name},
                                       {QStringLiteral("oldId"), u.oldId}});
        lines.append(tr("  not found in the target ConnectWise: %1 “%2” (used by %3 %4); set it again.")
                         .arg(u.kind, u.name, u.section, u.item));
    }
    if (result->unresolved.isEmpty()) {
        lines.append(tr("Every ConnectWise reference was found by name."));
    }
    context.print(
        lines.join(QLatin1Char('\n')),
        QJsonObject {{QStringLiteral("imported"), result->instance.name}, {QStringLiteral("unresolved"), unresolved}});
    return Success;
}

} // namespace Cli
