#include "app/cli/InstanceAddCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/InstanceCommand.h"
#include "app/cli/KeyInput.h"
#include "core/check/KeyValidation.h"
#include "core/config/ConnectorSession.h"
#include "core/config/InstanceConnection.h"
#include "core/config/InstanceRepository.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/store/Database.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QSslCertificate>

namespace Cli {

namespace {

int keychainFailure(CliContext& context, const Cw::SecretResult& result, const QString& what)
{
    return context.fail(result.keychainUnusable() ? KeychainUnavailable : OperationFailed,
                        what + QLatin1Char(' ') + result.message, Cw::secretStatusName(result.status));
}

} // namespace

int InstanceAddCommand::add(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption company(QStringLiteral("company"), QString(), QStringLiteral("ID"));
    const QCommandLineOption region(QStringLiteral("region"), QString(), QStringLiteral("R"));
    const QCommandLineOption site(QStringLiteral("site"), QString(), QStringLiteral("URL"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QString(), QStringLiteral("ID"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QString(), QStringLiteral("PEM"));
    const QCommandLineOption keysFromStdin(QStringLiteral("keys-from-stdin"));
    const QCommandLineOption maxInFlight(QStringLiteral("max-in-flight"), QString(), QStringLiteral("N"));
    parser.addOptions({company, region, site, clientId, caFile, keysFromStdin, maxInFlight});
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QString usage = InstanceCommand().usage();
    if (!parser.parse(QStringList {QStringLiteral("cwconnector-cli")} + args)) {
        return context.fail(BadUsage, parser.errorText() + QLatin1String("\nUsage: ") + usage);
    }
    if (parser.positionalArguments().size() != 1) {
        return context.fail(BadUsage, tr("instance add needs exactly one NAME.") + QLatin1String("\nUsage: ") + usage);
    }

    Cw::Instance instance;
    instance.name = parser.positionalArguments().first();
    instance.companyId = parser.value(company);
    instance.clientId = parser.value(clientId);
    instance.caFile = parser.isSet(caFile) ? QFileInfo(parser.value(caFile)).absoluteFilePath() : QString();
    instance.proxyMode = Cw::Instance::ProxyMode::System;
    QString error;
    if (parser.isSet(maxInFlight) &&
        !InstanceCommand::parseMaxInFlight(parser.value(maxInFlight), &instance.maxInFlight, &error)) {
        return context.fail(BadUsage, error);
    }
    if (!Cw::InstanceConnection::applySite(&instance, parser.value(region), parser.value(site), &error)) {
        return context.fail(BadUsage, error);
    }
    instance.normalize();
    Cw::StoreError storeError;
    if (!instance.validate(&storeError)) {
        return context.fail(BadUsage, storeError.message);
    }
    if (!instance.caFile.isEmpty() && QSslCertificate::fromPath(instance.caFile, QSsl::Pem).isEmpty()) {
        return context.fail(BadUsage,
                            tr("CA file: %1 holds no PEM certificate. Give the certificate of the "
                               "authority that issued your server's certificate.")
                                .arg(instance.caFile));
    }

    int exitCode = Success;
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::InstanceRepository repository(*database);
    if (!repository.isNameAvailable(instance.name, 0, &storeError)) {
        return context.fail(
            storeError.isError() && storeError.code == Cw::StoreError::Code::Query ? OperationFailed : BadUsage,
            storeError.isError() ? storeError.message : Cw::InstanceRepository::duplicateNameMessage(instance.name));
    }
    const KeyInput::Result keys = context.obtainKeys(parser.isSet(keysFromStdin));
    if (!keys.ok) {
        return context.fail(BadUsage, keys.error);
    }
    if (!repository.create(&instance, &storeError)) {
        return context.fail(storeError.code == Cw::StoreError::Code::Query ? OperationFailed : BadUsage,
                            storeError.message);
    }
    // Keys into the keychain; if that fails nothing stays behind: no instance, no half of a key pair.
    const Cw::SecretResult written = context.saveKeys(Cw::InstanceConnection::secretId(instance), keys.keys);
    if (!written.ok()) {
        repository.removeById(instance.id);
        return keychainFailure(context, written,
                               tr("“%1” was not created: the keys could not be saved.").arg(instance.name));
    }
    QString text = tr("Created “%1” (draft). Check it with: cwconnector-cli check \"%1\"").arg(instance.name);
    if (!context.secrets().isPersistent()) {
        text += QLatin1Char('\n') + context.secrets().storageDescription();
    }
    context.print(text, InstanceCommand::toJson(instance));
    return Success;
}

int InstanceAddCommand::setKeys(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption keysFromStdin(QStringLiteral("keys-from-stdin"));
    parser.addOption(keysFromStdin);
    if (!parser.parse(QStringList {QStringLiteral("cwconnector-cli")} + args) ||
        parser.positionalArguments().size() != 1) {
        return context.fail(BadUsage, tr("Usage: cwconnector-cli instance set-keys NAME [--keys-from-stdin]"));
    }
    int exitCode = Success;
    Cw::Database* database = context.database(&exitCode);
    if (!database) {
        return exitCode;
    }
    Cw::StoreError storeError;
    const auto instance =
        Cw::InstanceRepository(*database).findByName(parser.positionalArguments().first(), &storeError);
    if (!instance) {
        return context.fail(storeError.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed,
                            storeError.message);
    }
    QString error;
    const auto session = Cw::ConnectorSession::open(*instance, {}, context.network(), &error); // keys: the new ones
    if (!session) {
        return context.fail(BadUsage, error);
    }
    const KeyInput::Result keys = context.obtainKeys(parser.isSet(keysFromStdin));
    if (!keys.ok) {
        return context.fail(BadUsage, keys.error);
    }

    QEventLoop loop;
    Cw::ApiError validationError;
    Cw::KeyRotation rotation(context.secrets(), Cw::connectWiseKeyValidator(*session, &loop, &validationError));
    Cw::KeyRotationResult outcome;
    QObject::connect(&rotation, &Cw::KeyRotation::finished, &loop, [&](const Cw::KeyRotationResult& r) {
        outcome = r;
        loop.quit();
    });
    rotation.start(Cw::InstanceConnection::secretId(*instance), keys.keys);
    loop.exec();

    switch (outcome.outcome) {
    case Cw::KeyRotationResult::Outcome::Replaced:
        context.print(tr("The new keys of “%1” work and are saved; the old ones are gone.").arg(instance->name),
                      QJsonObject {{QStringLiteral("name"), instance->name}, {QStringLiteral("replaced"), true}});
        return Success;
    case Cw::KeyRotationResult::Outcome::ValidationFailed: {
        return context.fail(validationError.isUnreachable() ? Unreachable : OperationFailed,
                            tr("The new keys were not saved; the old ones are unchanged. %1").arg(outcome.message),
                            Cw::ApiError::kindName(validationError.kind));
    }
    default:
        return keychainFailure(context, outcome.secretResult, outcome.message);
    }
}

} // namespace Cli
