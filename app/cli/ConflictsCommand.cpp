#include "app/cli/ConflictsCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SavedConnector.h"
#include "core/store/Database.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncHistory.h"
#include "core/sync/SyncLinkStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Cli {

namespace {

struct Pick
{
    Cw::Entity entity = Cw::Entity::Accounts;
    QString localId;
    Cw::KeepSide keep = Cw::KeepSide::None;
};

// ENTITY:LOCAL_ID=local|connectwise|none; false (with *error) when it is not that.
bool parsePick(const QString& text, Pick* pick, QString* error)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const qsizetype equals = text.lastIndexOf(QLatin1Char('='));
    bool ok = colon > 0 && equals > colon + 1;
    if (ok) {
        const QString entityName = text.left(colon).trimmed();
        const QString keepName = text.mid(equals + 1).trimmed();
        pick->localId = text.mid(colon + 1, equals - colon - 1).trimmed();
        ok = !pick->localId.isEmpty() && Cw::nameTable<Cw::KeepSide>().names().contains(keepName);
        for (Cw::Entity entity : Cw::SyncDescriptors::entities()) {
            if (Cw::nameOf(entity) == entityName) {
                pick->entity = entity;
                pick->keep = Cw::parseName<Cw::KeepSide>(keepName).value_or(Cw::KeepSide::None);
                if (ok) {
                    return true;
                }
            }
        }
    }
    *error = ConflictsCommand::tr("--keep %1: give ENTITY:LOCAL_ID=SIDE, e.g. accounts:A-1=local; ENTITY is one "
                                  "of %2, SIDE one of %3.")
                 .arg(text, Cw::namesOf(Cw::SyncDescriptors::entities()).join(QStringLiteral(", ")),
                      Cw::nameTable<Cw::KeepSide>().names().join(QStringLiteral(", ")));
    return false;
}

} // namespace

int ConflictsCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption keepOption(QStringLiteral("keep"), QString(), QStringLiteral("ENTITY:LOCAL_ID=SIDE"));
    parser.addOption(keepOption);
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("conflicts needs exactly one connector NAME."));
    }
    QList<Pick> picks;
    for (const QString& value : parser.values(keepOption)) {
        QString error;
        Pick pick;
        if (!parsePick(value, &pick, &error)) {
            return context.fail(BadUsage, error);
        }
        picks.append(pick);
    }
    SavedConnector session(context);
    if (int code = session.open(parser.positionalArguments().first()); code != Success) {
        return code;
    }
    Cw::SyncLinkStore links(session.database(), session.instance().id);
    Cw::StoreError error;
    if (!picks.isEmpty()) {
        Cw::WriteTransaction transaction(session.database());
        bool ok = transaction.begin(&error);
        for (const Pick& p : picks) {
            ok = ok && links.setKeep(p.entity, p.localId, p.keep, &error);
        }
        if (!ok || !transaction.commit(&error)) {
            return context.fail(error.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed,
                                error.message);
        }
    }
    // The conflicts of the last run that wrote (a dry run records nothing).
    Cw::SyncHistory history(session.database());
    const QList<Cw::SyncRunRecord> runs = history.runs(session.instance().id, 1, &error);
    QList<Cw::SyncOutcome> conflicts;
    if (!runs.isEmpty()) {
        for (const Cw::SyncOutcome& o : history.outcomes(runs.first().id, &error)) {
            if (o.action == Cw::SyncOutcome::Action::Conflict) {
                conflicts.append(o);
            }
        }
    }
    if (error.isError()) {
        return context.fail(OperationFailed, error.message);
    }
    QJsonArray rows;
    QString text;
    for (const Cw::SyncOutcome& o : conflicts) {
        const Cw::KeepSide keep = links.linksOf(o.entity, {o.localId}, &error).value(o.localId).keep;
        rows.append(QJsonObject {{QStringLiteral("entity"), Cw::nameOf(o.entity)},
                                 {QStringLiteral("localId"), o.localId},
                                 {QStringLiteral("remoteId"), o.remoteId},
                                 {QStringLiteral("keep"), Cw::nameOf(keep)},
                                 {QStringLiteral("conflicts"),
                                  QJsonDocument::fromJson(Cw::SyncHistory::conflictsJson(o.conflicts)).array()}});
        text += tr("%1 %2 (ConnectWise %3), keep: %4")
                    .arg(Cw::nameOf(o.entity), o.localId)
                    .arg(o.remoteId)
                    .arg(Cw::nameOf(keep)) +
            QLatin1Char('\n');
        for (const Cw::FieldConflict& f : o.conflicts) {
            text += tr("  %1: local \"%2\", ConnectWise \"%3\"").arg(f.field, f.localValue, f.remoteValue) +
                QLatin1Char('\n');
        }
    }
    if (conflicts.isEmpty()) {
        text = tr("The last sync of \"%1\" reported no conflicts.").arg(session.instance().name);
    }
    QJsonObject json {{QStringLiteral("instance"), session.instance().name}, {QStringLiteral("conflicts"), rows}};
    if (!runs.isEmpty()) {
        json.insert(QStringLiteral("run"), runs.first().id);
    }
    context.print(text.trimmed(), json);
    return Success;
}

} // namespace Cli
