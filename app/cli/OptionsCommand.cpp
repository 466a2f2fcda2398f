#include "app/cli/OptionsCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SavedConnector.h"
#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/SyncMatrix.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

int OptionsCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption set(QStringLiteral("set"), QString(), QStringLiteral("ENTITY.OPERATION=on|off"));
    parser.addOption(set);
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("options needs a connector NAME."));
    }
    QList<Cw::SyncOption> changes;
    for (const QString& setting : parser.values(set)) {
        Cw::SyncOption option;
        QString error;
        if (!Cw::SyncMatrix::parseSetting(setting, &option, &error)) {
            return context.fail(BadUsage, error);
        }
        changes.append(option);
    }
    SavedConnector connector(context);
    if (int code = connector.open(parser.positionalArguments().first()); code != Success) {
        return code;
    }
    if (!changes.isEmpty()) {
        Cw::ConnectorConfigRepository repository(connector.database());
        Cw::WriteTransaction transaction(connector.database());
        Cw::StoreError error;
        bool ok = transaction.begin(&error);
        for (const Cw::SyncOption& option : changes) {
            ok = ok && repository.setSyncOption(connector.instance().id, option, &error);
            Cw::SyncMatrix::setEnabled(&connector.config(), option.entity, option.operation, option.enabled);
        }
        if (!ok || !transaction.commit(&error)) {
            return context.fail(OperationFailed, error.message);
        }
    }
    QJsonArray array;
    QString text;
    for (Cw::Entity entity : Cw::SyncMatrix::entities()) {
        for (Cw::Operation operation : Cw::allOf<Cw::Operation>()) {
            const Cw::SyncCell cell = Cw::SyncMatrix::cell(entity, operation);
            if (!cell.supported) {
                continue;
            }
            const bool enabled = Cw::SyncMatrix::isEnabled(connector.config(), entity, operation);
            array.append(QJsonObject {{QStringLiteral("entity"), Cw::nameOf(entity)},
                                      {QStringLiteral("operation"), Cw::nameOf(operation)},
                                      {QStringLiteral("enabled"), enabled},
                                      {QStringLiteral("description"), cell.description},
                                      {QStringLiteral("permission"), cell.permission}});
            text += QStringLiteral("%1 %2  %3\n")
                        .arg(QString(Cw::nameOf(entity) + QLatin1Char('.') + Cw::nameOf(operation)), -24)
                        .arg(enabled ? QStringLiteral("on ") : QStringLiteral("off"), cell.permission);
        }
    }
    const QStringList paths = Cw::SyncMatrix::permissionPathsFor(connector.config());
    text += tr("Permissions the systems check probes: %1").arg(paths.join(QLatin1String(", ")));
    context.print(text,
                  QJsonObject {{QStringLiteral("instance"), connector.instance().name},
                               {QStringLiteral("options"), array},
                               {QStringLiteral("permissionPaths"), QJsonArray::fromStringList(paths)}});
    return Success;
}

} // namespace Cli
