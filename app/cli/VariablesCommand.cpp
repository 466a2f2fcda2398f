#include "app/cli/VariablesCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SavedConnector.h"
#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/ServerVariables.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

namespace {

void store(Cw::ConnectorConfig* config, const Cw::ServerVariable& variable)
{
    for (Cw::ServerVariable& v : config->serverVariables) {
        if (v.key == variable.key) {
            v = variable;
            return;
        }
    }
    config->serverVariables.append(variable);
}

} // namespace

int VariablesCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption set(QStringLiteral("set"), QString(), QStringLiteral("KEY=ID"));
    parser.addOption(set);
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("variables needs a connector NAME."));
    }
    QList<QPair<QString, QString>> settings;
    for (const QString& setting : parser.values(set)) {
        const int eq = setting.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return context.fail(BadUsage, tr("\"%1\" is not KEY=ID (e.g. import_account_status=1).").arg(setting));
        }
        settings.append({setting.left(eq).trimmed(), setting.mid(eq + 1).trimmed()});
    }
    SavedConnector connector(context);
    if (int code = connector.open(parser.positionalArguments().first()); code != Success) {
        return code;
    }
    if (int code = connector.connect(); code != Success) {
        return code;
    }
    if (int code = connector.fetch(Cw::RemoteLists::variableKinds()); code != Success) {
        return code;
    }
    // Category first, so a subcategory set in the same call is checked against the new category.
    std::stable_sort(settings.begin(), settings.end(), [](const auto& a, const auto& b) {
        return a.first == QLatin1String("product_category") && b.first != QLatin1String("product_category");
    });
    // The payment-method ids are picked from the local system's own payment methods.
    Cw::StoreError methodsError;
    const QStringList paymentMethods =
        Cw::LocalRecordStore(connector.database()).values(Cw::LocalSchema::paymentMethodList(), &methodsError);
    if (methodsError.isError()) {
        return context.fail(OperationFailed, methodsError.message);
    }
    QList<Cw::ServerVariable> changes;
    for (const auto& [key, id] : settings) {
        Cw::RemoteItem item;
        QString error;
        if (!Cw::ServerVariables::validate(key, id, connector.lists(), connector.config(), paymentMethods, &item,
                                           &error)) {
            return context.fail(BadUsage, error);
        }
        const Cw::ServerVariable variable {key, item.id, item.name};
        store(&connector.config(), variable);
        changes.append(variable);
    }
    if (!changes.isEmpty()) {
        Cw::ConnectorConfigRepository repository(connector.database());
        Cw::WriteTransaction transaction(connector.database());
        Cw::StoreError error;
        bool ok = transaction.begin(&error);
        for (const Cw::ServerVariable& variable : changes) {
            ok = ok && repository.setServerVariable(connector.instance().id, variable, &error);
        }
        if (!ok || !transaction.commit(&error)) {
            return context.fail(OperationFailed, error.message);
        }
    }

    const QList<Cw::StaleVariable> stale = Cw::ServerVariables::staleVariables(connector.config(), connector.lists());
    QJsonArray array;
    QString text;
    for (const Cw::VariableInfo& info : Cw::ServerVariables::all()) {
        QString id;
        QString name;
        if (info.key == QLatin1String("connectwise_url")) {
            id = connector.instance().site.isEmpty() ? connector.instance().deployment : connector.instance().site;
        } else if (info.key == QLatin1String("company_id")) {
            id = connector.instance().companyId;
        } else if (info.key == QLatin1String("client_id")) {
            id = connector.instance().clientId;
        } else if (const auto v = Cw::ServerVariables::stored(connector.config(), info.key)) {
            id = v->remoteId;
            name = v->remoteName;
        }
        QJsonObject o {{QStringLiteral("key"), info.key},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("usedFor"), info.usedFor}};
        QString flag;
        for (const Cw::StaleVariable& s : stale) {
            if (s.key == info.key) {
                o.insert(QStringLiteral("stale"), s.reason);
                o.insert(QStringLiteral("fix"), s.fix);
                flag = tr("  STALE: %1").arg(s.reason);
            }
        }
        array.append(o);
        text +=
            QStringLiteral("%1 %2%3\n")
                .arg(info.key, -24)
                .arg(name.isEmpty() || name == id ? id : QString(id + QStringLiteral(" (") + name + QLatin1Char(')')),
                     flag);
    }
    context.print(text.trimmed(),
                  QJsonObject {{QStringLiteral("instance"), connector.instance().name},
                               {QStringLiteral("variables"), array},
                               {QStringLiteral("staleCount"), static_cast<int>(stale.size())}});
    for (const Cw::StaleVariable& s : stale) {
        context.err() << tr("Fix for %1: %2").arg(s.key, s.fix) << '\n';
    }
    context.err().flush();
    return stale.isEmpty() ? Success : OperationFailed;
}

} // namespace Cli
