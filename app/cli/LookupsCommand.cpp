#include "app/cli/LookupsCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SavedConnector.h"
#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/LookupTables.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

namespace {

void store(Cw::ConnectorConfig* config, const Cw::LookupValue& value)
{
    for (Cw::LookupValue& v : config->lookups) {
        if (v.lookup == value.lookup && v.localValue == value.localValue) {
            v = value;
            return;
        }
    }
    config->lookups.append(value);
}

} // namespace

int LookupsCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption autoMap(QStringLiteral("auto"));
    const QCommandLineOption set(QStringLiteral("set"), QString(), QStringLiteral("LOOKUP:LOCAL=REMOTE"));
    parser.addOptions({autoMap, set});
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("lookups needs a connector NAME."));
    }
    struct Setting
    {
        QString lookup;
        QString local;
        QString remote;
    };
    QList<Setting> settings;
    for (const QString& text : parser.values(set)) {
        Setting s;
        QString error;
        if (!Cw::LookupTables::parseSetting(text, &s.lookup, &s.local, &s.remote, &error)) {
            return context.fail(BadUsage, error);
        }
        settings.append(s);
    }
    SavedConnector connector(context);
    if (int code = connector.open(parser.positionalArguments().first()); code != Success) {
        return code;
    }
    if (int code = connector.connect(); code != Success) {
        return code;
    }
    if (int code = connector.fetch(Cw::RemoteLists::lookupKinds()); code != Success) {
        return code;
    }
    Cw::LocalRecordStore local(connector.database());
    QList<Cw::LookupValue> changes;
    QList<QPair<QString, QString>> newLocalValues;
    for (const Setting& s : settings) {
        Cw::RemoteItem item;
        QString error;
        if (!Cw::LookupTables::resolve(s.lookup, s.remote, connector.lists(), &item, &error)) {
            return context.fail(BadUsage, error);
        }
        const Cw::LookupValue value {s.lookup, s.local, item.id, item.name};
        store(&connector.config(), value);
        changes.append(value);
        newLocalValues.append({s.lookup, s.local});
    }
    Cw::StoreError error;
    QJsonArray tables;
    QString text;
    int unmapped = 0;
    for (const QString& lookup : Cw::ConfigNames::lookups()) {
        QList<Cw::LookupRow> rows = Cw::LookupTables::rows(lookup, local.values(lookup, &error), connector.config());
        if (parser.isSet(autoMap)) {
            rows = Cw::LookupTables::autoMap(lookup, rows, connector.lists());
            for (const Cw::LookupRow& row : rows) {
                if (row.mapped() && row.confidence >= 0) {
                    const Cw::LookupValue value {lookup, row.localValue, row.remoteId, row.remoteName};
                    store(&connector.config(), value);
                    changes.append(value);
                }
            }
        }
        QJsonArray array;
        text += Cw::LookupTables::title(lookup) + QLatin1Char('\n');
        for (const Cw::LookupRow& row : rows) {
            QJsonObject o {{QStringLiteral("local"), row.localValue},
                           {QStringLiteral("id"), row.remoteId},
                           {QStringLiteral("name"), row.remoteName}};
            if (row.confidence >= 0) {
                o.insert(QStringLiteral("confidence"), row.confidence);
            }
            if (row.ambiguous) {
                o.insert(QStringLiteral("ambiguous"), true);
            }
            array.append(o);
            unmapped += row.mapped() ? 0 : 1;
            text +=
                QStringLiteral("  %1 -> %2\n")
                    .arg(row.localValue, -20)
                    .arg(row.mapped() ? QString(row.remoteName + QStringLiteral(" (") + row.remoteId + QLatin1Char(')'))
                                      : tr("UNMAPPED (records with this value are skipped)"));
        }
        QJsonObject table {{QStringLiteral("lookup"), lookup}, {QStringLiteral("values"), array}};
        const QString fix = Cw::LookupTables::emptyListFix(lookup, connector.lists());
        if (!fix.isEmpty()) {
            table.insert(QStringLiteral("emptyListFix"), fix);
            text += QStringLiteral("  ") + fix + QLatin1Char('\n');
        }
        tables.append(table);
    }
    if (!changes.isEmpty()) {
        Cw::ConnectorConfigRepository repository(connector.database());
        Cw::WriteTransaction transaction(connector.database());
        bool ok = transaction.begin(&error);
        for (const auto& [lookup, value] : newLocalValues) {
            if (ok && !local.values(lookup, &error).contains(value)) {
                ok = local.addValue(lookup, value, &error);
            }
        }
        for (const Cw::LookupValue& value : changes) {
            ok = ok && repository.setLookup(connector.instance().id, value, &error);
        }
        if (!ok || !transaction.commit(&error)) {
            return context.fail(OperationFailed, error.message);
        }
    }
    text += tr("%n value(s) unmapped.", nullptr, unmapped);
    context.print(text,
                  QJsonObject {{QStringLiteral("instance"), connector.instance().name},
                               {QStringLiteral("lookups"), tables},
                               {QStringLiteral("unmapped"), unmapped}});
    return Success;
}

} // namespace Cli
