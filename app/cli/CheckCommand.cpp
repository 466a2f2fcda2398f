#include "app/cli/CheckCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/KeyInput.h"
#include "app/cli/SavedConnector.h"
#include "core/check/ConnectionCheck.h"
#include "core/check/ConnectorCheck.h"
#include "core/check/SystemsCheck.h"
#include "core/config/InstanceConnection.h"
#include "core/config/InstanceRepository.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>

namespace Cli {

namespace {

QString statusMark(Cw::CheckResult::Status status)
{
    switch (status) {
    case Cw::CheckResult::Status::Passed:
        return QStringLiteral("ok  ");
    case Cw::CheckResult::Status::Warning:
        return QStringLiteral("warn");
    case Cw::CheckResult::Status::Failed:
        return QStringLiteral("FAIL");
    case Cw::CheckResult::Status::Skipped:
        return QStringLiteral("skip");
    default:
        return QStringLiteral("... ");
    }
}

} // namespace

QString CheckCommand::usage() const
{
    return QStringLiteral("cwconnector-cli check NAME\n"
                          "       cwconnector-cli check --company ID (--region R | --site URL) [--client-id ID]\n"
                          "                             [--ca-file PEM] [--keys-from-stdin]");
}

int CheckCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption company(QStringLiteral("company"), QString(), QStringLiteral("ID"));
    const QCommandLineOption region(QStringLiteral("region"), QString(), QStringLiteral("R"));
    const QCommandLineOption site(QStringLiteral("site"), QString(), QStringLiteral("URL"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QString(), QStringLiteral("ID"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QString(), QStringLiteral("PEM"));
    const QCommandLineOption keysFromStdin(QStringLiteral("keys-from-stdin"));
    parser.addOptions({company, region, site, clientId, caFile, keysFromStdin});
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(company)) {
        if (positional.size() != 1) {
            return usageError(context, tr("check needs a connector NAME, or --company with --region or --site."));
        }
        return checkSaved(context, positional.first());
    }
    if (!positional.isEmpty()) {
        return usageError(context, tr("give either a connector NAME or --company, not both."));
    }

    Cw::Instance instance;
    instance.name = QStringLiteral("ad-hoc");
    instance.companyId = parser.value(company);
    instance.clientId = parser.value(clientId);
    instance.caFile = parser.isSet(caFile) ? QFileInfo(parser.value(caFile)).absoluteFilePath() : QString();
    QString error;
    if (!Cw::InstanceConnection::applySite(&instance, parser.value(region), parser.value(site), &error)) {
        return context.fail(BadUsage, error);
    }
    instance.normalize();
    Cw::StoreError storeError;
    if (!instance.validate(&storeError)) {
        return context.fail(BadUsage, storeError.message);
    }
    const KeyInput::Result keys = context.obtainKeys(parser.isSet(keysFromStdin));
    if (!keys.ok) {
        return context.fail(BadUsage, keys.error);
    }
    const auto session = Cw::ConnectorSession::open(instance, keys.keys, context.network(), &error);
    if (!session) {
        return context.fail(BadUsage, error);
    }
    bool passed = false;
    return checkConnection(context, *session, nullptr, &passed);
}

int CheckCommand::checkSaved(CliContext& context, const QString& name)
{
    SavedConnector connector(context);
    if (const int code = connector.find(name); code != Success) {
        return code;
    }
    if (const int code = connector.connect(); code != Success) {
        return code;
    }
    if (const int code = connector.loadConfig(); code != Success) {
        return code;
    }
    bool passed = false;
    const int code = checkConnection(context, connector.session(), &connector.config(), &passed);
    Cw::InstanceRepository repository(connector.database());
    repository.recordCheck(connector.instance().id, passed);
    if (passed && connector.instance().state == Cw::Instance::State::Draft) {
        repository.markReady(connector.instance().id);
    }
    return code;
}

int CheckCommand::checkConnection(CliContext& context, const Cw::ConnectorSession& session,
                                  const Cw::ConnectorConfig* config, bool* passed)
{
    const std::unique_ptr<Cw::ConnectionCheck> made = Cw::ConnectorCheck::make(session, config);
    Cw::ConnectionCheck& check = *made;
    QEventLoop loop;
    // Progress: one line per layer as it finishes (stderr with --json, so stdout stays one document).
    QTextStream& progress = context.json ? context.err() : context.out();
    QObject::connect(check.check(), &Cw::SystemsCheck::stepFinished, &loop, [&](const Cw::CheckResult& r) {
        progress << '[' << statusMark(r.status) << "] " << r.title << ": "
                 << (r.status == Cw::CheckResult::Status::Passed ? r.summary : r.diagnosis) << '\n';
        if (!r.fix.isEmpty() && r.status != Cw::CheckResult::Status::Passed) {
            progress << "       " << tr("Fix: %1").arg(r.fix) << '\n';
        }
        progress.flush();
    });
    QObject::connect(&check, &Cw::ConnectionCheck::finished, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();

    const Cw::CheckSummary summary = check.check()->summary();
    *passed = summary.passed();
    const Cw::CheckReport report = check.report();
    if (context.json) {
        context.print(QString(), report.toJson());
    } else {
        context.out() << (summary.passed() ? tr("Check passed.") : tr("Check failed.")) << Qt::endl;
    }
    if (summary.passed()) {
        return Success;
    }
    return summary.unreachable() ? Unreachable : OperationFailed;
}

} // namespace Cli
