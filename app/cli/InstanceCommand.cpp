#include "app/cli/InstanceCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/InstanceAddCommand.h"
#include "core/config/InstanceConnection.h"
#include "core/config/InstanceRepository.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

QString InstanceCommand::usage() const
{
    return QStringLiteral(
        "cwconnector-cli instance add NAME --company ID (--region na|eu|au|aus|za|staging | --site URL)\n"
        "                         [--client-id ID] [--ca-file PEM] [--keys-from-stdin] [--max-in-flight N]\n"
        "       cwconnector-cli instance list | show NAME | remove NAME | rename OLD NEW\n"
        "       cwconnector-cli instance set NAME --max-in-flight N\n"
        "       cwconnector-cli instance set-keys NAME [--keys-from-stdin]");
}

QString InstanceCommand::deploymentName(const QString& deployment)
{
    const auto kind = Cw::parseName<Cw::Deployment>(deployment);
    if (kind == Cw::Deployment::OnPremise) {
        return tr("On-premise");
    }
    if (kind == Cw::Deployment::Staging) {
        return tr("ConnectWise staging");
    }
    if (kind == Cw::Deployment::Demo) {
        return tr("Demo (simulated ConnectWise)");
    }
    return tr("ConnectWise Cloud (%1)").arg(deployment);
}

QJsonObject InstanceCommand::toJson(const Cw::Instance& i)
{
    QJsonObject o {
        {QStringLiteral("id"), i.id},
        {QStringLiteral("keychainId"), i.keyId},
        {QStringLiteral("name"), i.name},
        {QStringLiteral("deployment"), i.deployment},
        {QStringLiteral("site"), i.site},
        {QStringLiteral("companyId"), i.companyId},
        {QStringLiteral("clientId"), i.clientId},
        {QStringLiteral("codebaseOverride"), i.codebaseOverride},
        {QStringLiteral("caFile"), i.caFile},
        {QStringLiteral("proxyMode"), Cw::Instance::proxyModeName(i.proxyMode)},
        {QStringLiteral("maxInFlight"), i.maxInFlight},
        {QStringLiteral("state"), Cw::Instance::stateName(i.state)},
        {QStringLiteral("createdAt"), i.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("updatedAt"), i.updatedAt.toString(Qt::ISODate)},
    };
    if (i.proxyMode == Cw::Instance::ProxyMode::Manual) {
        o.insert(QStringLiteral("proxy"), QString(i.proxyHost + QLatin1Char(':') + QString::number(i.proxyPort)));
    }
    if (i.lastCheckAt.isValid()) {
        o.insert(QStringLiteral("lastCheckAt"), i.lastCheckAt.toString(Qt::ISODate));
        o.insert(QStringLiteral("lastCheckPassed"), i.lastCheckPassed.value_or(false));
    }
    if (i.lastSyncAt.isValid()) {
        o.insert(QStringLiteral("lastSyncAt"), i.lastSyncAt.toString(Qt::ISODate));
    }
    return o;
}

QString InstanceCommand::describe(const Cw::Instance& i)
{
    QStringList lines;
    lines << tr("Name:        %1").arg(i.name) << tr("State:       %1").arg(Cw::Instance::stateName(i.state))
          << tr("Deployment:  %1").arg(deploymentName(i.deployment));
    if (!i.site.isEmpty()) {
        lines << tr("Site:        %1").arg(i.site);
    }
    lines << tr("Company ID:  %1").arg(i.companyId);
    if (!i.clientId.isEmpty()) {
        lines << tr("Client ID:   %1").arg(i.clientId);
    }
    if (!i.codebaseOverride.isEmpty()) {
        lines << tr("Codebase:    %1 (override)").arg(i.codebaseOverride);
    }
    if (!i.caFile.isEmpty()) {
        lines << tr("CA file:     %1").arg(i.caFile);
    }
    lines << tr("Proxy:       %1")
                 .arg(i.proxyMode == Cw::Instance::ProxyMode::Manual
                          ? i.proxyHost + QLatin1Char(':') + QString::number(i.proxyPort)
                          : Cw::Instance::proxyModeName(i.proxyMode));
    lines << tr("Requests:    at most %1 at once").arg(i.maxInFlight);
    lines << tr("Last check:  %1")
                 .arg(i.lastCheckAt.isValid() ? i.lastCheckAt.toString(Qt::ISODate) + QLatin1Char(' ') +
                              (i.lastCheckPassed.value_or(false) ? tr("(passed)") : tr("(failed)"))
                                              : tr("never"));
    lines << tr("Last sync:   %1").arg(i.lastSyncAt.isValid() ? i.lastSyncAt.toString(Qt::ISODate) : tr("never"));
    return lines.join(QLatin1Char('\n'));
}

int InstanceCommand::run(CliContext& context, const QStringList& args)
{
    if (args.isEmpty()) {
        return usageError(context, tr("instance needs a subcommand."));
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list")) {
        return list(context, rest);
    }
    if (sub == QLatin1String("show")) {
        return show(context, rest);
    }
    if (sub == QLatin1String("rename")) {
        return rename(context, rest);
    }
    if (sub == QLatin1String("remove")) {
        return remove(context, rest);
    }
    if (sub == QLatin1String("set")) {
        return set(context, rest);
    }
    if (sub == QLatin1String("add")) {
        return InstanceAddCommand().add(context, rest);
    }
    if (sub == QLatin1String("set-keys")) {
        return InstanceAddCommand().setKeys(context, rest);
    }
    return usageError(context, tr("unknown instance subcommand '%1'.").arg(sub));
}

int InstanceCommand::list(CliContext& context, const QStringList& args)
{
    if (!args.isEmpty()) {
        return usageError(context, tr("instance list takes no arguments."));
    }
    int exitCode = Success;
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::StoreError error;
    const QList<Cw::Instance> instances = Cw::InstanceRepository(*database).list(&error);
    if (error.isError()) {
        return context.fail(OperationFailed, error.message);
    }
    QJsonArray array;
    QStringList lines;
    for (const Cw::Instance& i : instances) {
        array.append(toJson(i));
        lines.append(QStringLiteral("%1\t%2\t%3\t%4")
                         .arg(i.name, Cw::Instance::stateName(i.state), i.companyId, deploymentName(i.deployment)));
    }
    context.print(lines.isEmpty() ? tr("No connectors yet. Create one with: cwconnector-cli instance add NAME ...")
                                  : lines.join(QLatin1Char('\n')),
                  QJsonObject {{QStringLiteral("instances"), array}});
    return Success;
}

int InstanceCommand::show(CliContext& context, const QStringList& args)
{
    if (args.size() != 1) {
        return usageError(context, tr("instance show needs a name."));
    }
    int exitCode = Success;
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::StoreError error;
    const auto instance = Cw::InstanceRepository(*database).findByName(args.first(), &error);
    if (!instance) {
        return context.fail(error.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed, error.message);
    }
    context.print(describe(*instance), toJson(*instance));
    return Success;
}

int InstanceCommand::rename(CliContext& context, const QStringList& args)
{
    if (args.size() != 2) {
        return usageError(context, tr("instance rename needs the old and the new name."));
    }
    int exitCode = Success;
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::StoreError error;
    if (!Cw::InstanceRepository(*database).rename(args.at(0), args.at(1), &error)) {
        return context.fail(error.code == Cw::StoreError::Code::Query ? OperationFailed : BadUsage, error.message);
    }
    const QString newName = Cw::Instance::normalizedName(args.at(1));
    context.print(tr("Renamed “%1” to “%2”.").arg(args.at(0), newName),
                  QJsonObject {{QStringLiteral("renamed"), args.at(0)}, {QStringLiteral("name"), newName}});
    return Success;
}

bool InstanceCommand::parseMaxInFlight(const QString& text, int* value, QString* error)
{
    bool ok = false;
    *value = text.trimmed().toInt(&ok);
    if (!ok) {
        *error = tr("--max-in-flight: “%1” is not a number; use a number from 1 to %2 (1 sends one request at a "
                    "time).")
                     .arg(text)
                     .arg(Cw::Instance::maxMaxInFlight);
    }
    return ok;
}

int InstanceCommand::set(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption maxInFlight(QStringLiteral("max-in-flight"), QString(), QStringLiteral("N"));
    parser.addOption(maxInFlight);
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("instance set needs exactly one NAME."));
    }
    if (!parser.isSet(maxInFlight)) {
        return usageError(context, tr("instance set needs a setting to change, e.g. --max-in-flight 2."));
    }
    QString message;
    int value = 0;
    if (!parseMaxInFlight(parser.value(maxInFlight), &value, &message)) {
        return context.fail(BadUsage, message);
    }
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::InstanceRepository repository(*database);
    Cw::StoreError error;
    auto instance = repository.findByName(parser.positionalArguments().first(), &error);
    if (!instance) {
        return context.fail(error.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed, error.message);
    }
    instance->maxInFlight = value;
    if (!repository.update(&*instance, &error)) {
        return context.fail(error.code == Cw::StoreError::Code::Query ? OperationFailed : BadUsage, error.message);
    }
    context.print(tr("“%1” now sends at most %2 requests to ConnectWise at once.").arg(instance->name).arg(value),
                  toJson(*instance));
    return Success;
}

int InstanceCommand::remove(CliContext& context, const QStringList& args)
{
    if (args.size() != 1) {
        return usageError(context, tr("instance remove needs a name."));
    }
    int exitCode = Success;
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::InstanceRepository repository(*database);
    Cw::StoreError error;
    const auto instance = repository.findByName(args.first(), &error);
    if (!instance) {
        return context.fail(error.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed, error.message);
    }
    // Keys first: if the keychain cannot be used, nothing is removed and the admin can retry.
    const Cw::SecretResult keys =
        Cw::SecretStoreSync::removeInstance(context.secrets(), Cw::InstanceConnection::secretId(*instance));
    if (!keys.ok()) {
        return context.fail(
            keys.keychainUnusable() ? KeychainUnavailable : OperationFailed,
            tr("“%1” was not removed: its keys could not be deleted. %2").arg(instance->name, keys.message));
    }
    if (!repository.removeById(instance->id, &error)) {
        return context.fail(OperationFailed, error.message);
    }
    context.print(tr("Removed “%1”, its settings, its data and its keys.").arg(instance->name),
                  QJsonObject {{QStringLiteral("removed"), instance->name}});
    return Success;
}

} // namespace Cli
