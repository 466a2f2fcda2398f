#include "app/cli/SyncCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/InterruptWatcher.h"
#include "app/cli/SavedConnector.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncHistory.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace Cli {

namespace {

QJsonObject countsJson(const Cw::SyncCounts& c)
{
    return QJsonObject {{QStringLiteral("created"), c.created},     {QStringLiteral("updated"), c.updated},
                        {QStringLiteral("unchanged"), c.unchanged}, {QStringLiteral("skipped"), c.skipped},
                        {QStringLiteral("failed"), c.failed},       {QStringLiteral("conflict"), c.conflict}};
}

QJsonArray conflictsJson(const QList<Cw::FieldConflict>& conflicts)
{
    return QJsonDocument::fromJson(Cw::SyncHistory::conflictsJson(conflicts)).array();
}

// Why a slot did not start, with the command that fixes it (NAME is the connector's name, quoted when needed).
QString blockedText(const Cw::SyncSummary& s, const Cw::SyncSlot& slot, const QString& name)
{
    const Cw::SyncFix fix = s.fixes.value(slot);
    if (!fix.isValid()) {
        return s.blocked.value(slot);
    }
    const QString quoted = name.contains(QLatin1Char(' ')) ? QLatin1Char('"') + name + QLatin1Char('"') : name;
    return s.blocked.value(slot) + QStringLiteral("; ") +
        QString(fix.commandLine).replace(QLatin1String("NAME"), quoted);
}

QJsonObject summaryJson(const Cw::SyncSummary& s, const QString& name)
{
    QJsonObject push;
    for (auto it = s.pushCounts.cbegin(); it != s.pushCounts.cend(); ++it) {
        push.insert(Cw::nameOf(it.key()), countsJson(it.value()));
    }
    QJsonObject pull;
    for (auto it = s.pullCounts.cbegin(); it != s.pullCounts.cend(); ++it) {
        pull.insert(Cw::nameOf(it.key()), countsJson(it.value()));
    }
    QJsonObject blocked;
    for (auto it = s.blocked.cbegin(); it != s.blocked.cend(); ++it) {
        blocked.insert(it.key().label(), blockedText(s, it.key(), name));
    }
    QJsonArray outcomes;
    for (const Cw::SyncOutcome& o : s.outcomes) {
        QJsonObject j {{QStringLiteral("direction"), Cw::nameOf(o.direction)},
                       {QStringLiteral("entity"), Cw::nameOf(o.entity)},
                       {QStringLiteral("localId"), o.localId},
                       {QStringLiteral("action"), Cw::SyncOutcome::actionName(o.action)}};
        if (o.remoteId > 0) {
            j.insert(QStringLiteral("remoteId"), o.remoteId);
        }
        if (!o.reason.isEmpty()) {
            j.insert(QStringLiteral("reason"), o.reason);
        }
        if (!o.conflicts.isEmpty()) {
            j.insert(QStringLiteral("conflicts"), conflictsJson(o.conflicts));
        }
        outcomes.append(j);
    }
    QJsonObject out {{QStringLiteral("dryRun"), s.dryRun},
                     {QStringLiteral("ok"), s.ok()},
                     {Cw::nameOf(Cw::Direction::Push), push},
                     {Cw::nameOf(Cw::Direction::Pull), pull},
                     {QStringLiteral("totals"), countsJson(s.totals())},
                     {QStringLiteral("blocked"), blocked},
                     {QStringLiteral("outcomes"), outcomes}};
    if (s.runId > 0) {
        out.insert(QStringLiteral("runId"), s.runId);
    }
    QJsonArray failedToStart;
    for (const Cw::SyncSlot& slot : s.failedToStart) {
        failedToStart.append(slot.label());
    }
    out.insert(QStringLiteral("failedToStart"), failedToStart);
    if (s.busy.isValid()) {
        out.insert(QStringLiteral("busy"),
                   QJsonObject {{QStringLiteral("program"), s.busy.program},
                                {QStringLiteral("processId"), s.busy.processId},
                                {QStringLiteral("host"), s.busy.host},
                                {QStringLiteral("startedAt"), s.busy.startedAt.toString(Qt::ISODateWithMs)},
                                {QStringLiteral("heartbeatAt"), s.busy.heartbeatAt.toString(Qt::ISODateWithMs)}});
    }
    if (!s.fatalError.isEmpty()) {
        out.insert(QStringLiteral("error"), s.fatalError);
    }
    return out;
}

QMap<QString, Cw::SyncCounts> byName(const QMap<Cw::Entity, Cw::SyncCounts>& counts)
{
    QMap<QString, Cw::SyncCounts> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        out.insert(Cw::nameOf(it.key()), it.value());
    }
    return out;
}

QString countsText(const Cw::SyncCounts& c)
{
    QString text = SyncCommand::tr("%1 created, %2 updated, %3 unchanged, %4 skipped, %5 failed")
                       .arg(c.created)
                       .arg(c.updated)
                       .arg(c.unchanged)
                       .arg(c.skipped)
                       .arg(c.failed);
    if (c.conflict > 0) { // the line is unchanged when there is none
        text += SyncCommand::tr(", %1 conflicts").arg(c.conflict);
    }
    return text;
}

} // namespace

QString SyncCommand::usage() const
{
    return QStringLiteral("cwconnector-cli sync NAME [--entities LIST] [--pull | --push] [--dry-run] [--full]"
                          " [--csv FILE]");
}

int SyncCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption entities(QStringLiteral("entities"), QString(), QStringLiteral("LIST"));
    const QCommandLineOption pull(QStringLiteral("pull"));
    const QCommandLineOption push(QStringLiteral("push"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const QCommandLineOption full(QStringLiteral("full"));
    const QCommandLineOption csv(QStringLiteral("csv"), QString(), QStringLiteral("FILE"));
    QCommandLineOption pageSize(QStringLiteral("page-size"), QString(), QStringLiteral("N"));
    pageSize.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({entities, pull, push, dryRun, full, csv, pageSize});
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return usageError(context, tr("sync needs exactly one connector NAME."));
    }
    if (parser.isSet(pull) && parser.isSet(push)) {
        return usageError(context, tr("give --pull or --push, not both (neither syncs both ways)."));
    }
    Cw::SyncRequest request;
    request.pull = !parser.isSet(push);
    request.push = !parser.isSet(pull);
    request.dryRun = parser.isSet(dryRun);
    request.full = parser.isSet(full);
    if (parser.isSet(entities)) {
        const QList<Cw::Entity> known = Cw::SyncDescriptors::entities();
        for (const QString& e : parser.value(entities).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = e.trimmed().toLower();
            const auto entity = Cw::parseName<Cw::Entity>(name);
            if (!entity || !known.contains(*entity)) {
                return usageError(
                    context,
                    tr("unknown entity \"%1\"; use %2.").arg(name, Cw::namesOf(known).join(QStringLiteral(", "))));
            }
            request.entities.append(*entity);
        }
    }
    if (parser.isSet(csv) && !request.dryRun) {
        return usageError(context, tr("--csv saves a dry run's preview; add --dry-run."));
    }

    SavedConnector connector(context);
    if (const int code = connector.find(positional.first()); code != Success) {
        return code;
    }
    request.instanceId = connector.instance().id;
    if (const int code = connector.connect(); code != Success) {
        return code;
    }
    Cw::SyncEngine engine(connector.database(), connector.client());
    if (parser.isSet(pageSize)) {
        engine.setPageSize(qBound(1, parser.value(pageSize).toInt(), 1000));
    }
    QTextStream& progress = context.err();
    QObject::connect(&engine, &Cw::SyncEngine::progress, &engine,
                     [&progress](Cw::Direction direction, Cw::Entity entity, int processed, int total) {
                         if (processed == 0 && total != 0) {
                             return; // the entity starts; its first count line follows
                         }
                         const QString d = Cw::nameOf(direction);
                         const QString e = Cw::nameOf(entity);
                         progress << (total < 0 ? tr("%1 %2: %3 records").arg(d, e).arg(processed)
                                                : tr("%1 %2: %3 of %4 records").arg(d, e).arg(processed).arg(total))
                                  << '\n';
                         progress.flush();
                     });
    // Ctrl+C / SIGTERM: stop cleanly (the page in progress is rolled back; the run is recorded), exit 1.
    const InterruptWatcher interrupt([&engine, &progress] {
        progress << tr("Interrupted: stopping the sync...") << '\n';
        progress.flush();
        engine.cancel();
    });
    const Cw::SyncSummary summary = engine.run(request);

    if (parser.isSet(csv)) {
        QFile file(parser.value(csv));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(Cw::SyncEngine::toCsv(summary.outcomes)) < 0) {
            return context.fail(OperationFailed, tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
        }
    }
    QString text;
    for (auto it = summary.blocked.cbegin(); it != summary.blocked.cend(); ++it) {
        text += tr("%1: not started: %2").arg(it.key().label(), blockedText(summary, it.key(), positional.first())) +
            QLatin1Char('\n');
    }
    // By name, as this output has always been ordered.
    const QMap<QString, Cw::SyncCounts> pushed = byName(summary.pushCounts);
    for (auto it = pushed.cbegin(); it != pushed.cend(); ++it) {
        text += tr("push %1: %2").arg(it.key(), countsText(it.value())) + QLatin1Char('\n');
    }
    const QMap<QString, Cw::SyncCounts> pulled = byName(summary.pullCounts);
    for (auto it = pulled.cbegin(); it != pulled.cend(); ++it) {
        text += tr("pull %1: %2").arg(it.key(), countsText(it.value())) + QLatin1Char('\n');
    }
    for (const Cw::SyncOutcome& o : summary.outcomes) {
        if (o.action == Cw::SyncOutcome::Action::Skipped || o.action == Cw::SyncOutcome::Action::Failed ||
            o.action == Cw::SyncOutcome::Action::Conflict) {
            text += QStringLiteral("  %1 %2 %3: %4 (%5)\n")
                        .arg(Cw::nameOf(o.direction), Cw::nameOf(o.entity), o.localId,
                             Cw::SyncOutcome::actionName(o.action), o.reason);
        }
    }
    if (!summary.failedToStart.isEmpty()) {
        QStringList labels;
        for (const Cw::SyncSlot& slot : summary.failedToStart) {
            labels.append(slot.label());
        }
        text += tr("failed: could not start: %1").arg(labels.join(QStringLiteral(", "))) + QLatin1Char('\n');
    }
    if (summary.busy.isValid()) {
        text += summary.fatalError + QLatin1Char('\n'); // refused: another sync of the connector runs
    } else if (!summary.fatalError.isEmpty()) {
        text += tr("stopped: %1").arg(summary.fatalError) + QLatin1Char('\n');
    }
    if (summary.dryRun) {
        text += tr("dry run: nothing was written.") + QLatin1Char('\n');
    }
    context.print(text.trimmed(), summaryJson(summary, positional.first()));
    if (summary.unreachable) {
        return Unreachable;
    }
    return summary.ok() ? Success : OperationFailed;
}

} // namespace Cli
