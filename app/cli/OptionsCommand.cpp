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
    std::optional<Cw::ConflictPolicy> policy;
    const QString conflictsKey = QStringLiteral("conflicts=");
    for (const QString& setting : parser.values(set)) {
        if (setting.trimmed().startsWith(conflictsKey)) {
            policy = Cw::parseName<Cw::ConflictPolicy>(setting.trimmed().mid(conflictsKey.size()).trimmed());
            if (!policy) {
                return context.fail(
                    BadUsage,
                    tr("--set %1: the conflict policy is one of %2.")
                        .arg(setting, Cw::nameTable<Cw::ConflictPolicy>().names().join(QStringLiteral(", "))));
            }
            continue;
        }
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
    if (!changes.isEmpty() || policy) {
        Cw::ConnectorConfigRepository repository(connector.database());
        Cw::WriteTransaction transaction(connector.database());
        Cw::StoreError error;
        bool ok = transaction.begin(&error);
        for (const Cw::SyncOption& option : changes) {
            ok = ok && repository.setSyncOption(connector.instance().id, option, &error);
            Cw::SyncMatrix::setEnabled(&connector.config(), option.entity, option.operation, option.enabled);
        }
        if (policy) {
            ok = ok && repository.setConflictPolicy(connector.instance().id, *policy, &error);
            connector.config().conflictPolicy = *policy;
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
    const QString conflicts = Cw::nameOf(connector.config().conflictPolicy);
    text += QStringLiteral("%1 %2\n").arg(QStringLiteral("conflicts"), -24).arg(conflicts);
    text += tr("Permissions the systems check probes: %1").arg(paths.join(QLatin1String(", ")));
    context.print(text,
                  QJsonObject {{QStringLiteral("instance"), connector.instance().name},
                               {QStringLiteral("options"), array},
                               {QStringLiteral("conflictPolicy"), conflicts},
                               {QStringLiteral("permissionPaths"), QJsonArray::fromStringList(paths)}});
    return Success;
}

} // namespace Cli
