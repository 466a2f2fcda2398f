#include "app/cli/HistoryCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "core/config/InstanceRepository.h"
#include "core/store/Database.h"
#include "core/sync/SyncHistory.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Cli {

QString HistoryCommand::usage() const
{
    return QStringLiteral("cwconnector-cli history NAME [--run ID]");
}

int HistoryCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption runOption(QStringLiteral("run"), QString(), QStringLiteral("ID"));
    parser.addOption(runOption);
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("history needs exactly one connector NAME."));
    }
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
    Cw::SyncHistory history(*database);
    const QList<Cw::SyncRunRecord> runs = history.runs(instance->id, 50, &storeError);
    if (!storeError.message.isEmpty()) {
        return context.fail(OperationFailed, storeError.message);
    }
    if (parser.isSet(runOption)) {
        const qint64 id = parser.value(runOption).toLongLong();
        const bool known =
            std::any_of(runs.cbegin(), runs.cend(), [id](const Cw::SyncRunRecord& r) { return r.id == id; });
        if (!known) {
            return context.fail(BadUsage,
                                tr("connector \"%1\" has no recent sync run %2.").arg(instance->name).arg(id));
        }
        QJsonArray rows;
        QString text;
        for (const Cw::SyncOutcome& o : history.outcomes(id, &storeError)) {
            const QString action = Cw::SyncOutcome::actionName(o.action);
            rows.append(QJsonObject {{QStringLiteral("direction"), Cw::nameOf(o.direction)},
                                     {QStringLiteral("entity"), Cw::nameOf(o.entity)},
                                     {QStringLiteral("localId"), o.localId},
                                     {QStringLiteral("remoteId"), o.remoteId},
                                     {QStringLiteral("action"), action},
                                     {QStringLiteral("reason"), o.reason},
                                     {QStringLiteral("conflicts"),
                                      QJsonDocument::fromJson(Cw::SyncHistory::conflictsJson(o.conflicts)).array()}});
            text += QStringLiteral("%1 %2 %3 -> %4: %5 %6\n")
                        .arg(Cw::nameOf(o.direction), Cw::nameOf(o.entity), o.localId, QString::number(o.remoteId),
                             action, o.reason);
        }
        context.print(text.trimmed(), QJsonObject {{QStringLiteral("run"), id}, {QStringLiteral("outcomes"), rows}});
        return Success;
    }
    QJsonArray rows;
    QString text;
    for (const Cw::SyncRunRecord& r : runs) {
        const QJsonObject counts {
            {QStringLiteral("created"), r.counts.created},     {QStringLiteral("updated"), r.counts.updated},
            {QStringLiteral("unchanged"), r.counts.unchanged}, {QStringLiteral("skipped"), r.counts.skipped},
            {QStringLiteral("failed"), r.counts.failed},       {QStringLiteral("conflict"), r.counts.conflict}};
        rows.append(QJsonObject {
            {QStringLiteral("id"), r.id},
            {QStringLiteral("started"), r.startedAt.toString(Qt::ISODate)},
            {QStringLiteral("finished"), r.finishedAt.isValid() ? r.finishedAt.toString(Qt::ISODate) : QString()},
            {QStringLiteral("direction"), Cw::nameOf(r.direction)},
            {QStringLiteral("dryRun"), r.dryRun},
            {QStringLiteral("entities"), QJsonArray::fromStringList(Cw::namesOf(r.entities))},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("message"), r.message}});
        text += tr("#%1 %2 %3 %4: %5 created, %6 updated, %7 unchanged, %8 skipped, %9 failed")
                    .arg(QString::number(r.id), r.startedAt.toString(Qt::ISODate), Cw::nameOf(r.direction), r.status)
                    .arg(r.counts.created)
                    .arg(r.counts.updated)
                    .arg(r.counts.unchanged)
                    .arg(r.counts.skipped)
                    .arg(r.counts.failed) +
            (r.counts.conflict > 0 ? tr(", %1 conflicts").arg(r.counts.conflict) : QString()) + QLatin1Char('\n');
    }
    if (runs.isEmpty()) {
        text = tr("No sync has run for \"%1\" yet.").arg(instance->name);
    }
    context.print(text.trimmed(), QJsonObject {{QStringLiteral("runs"), rows}});
    return Success;
}

} // namespace Cli
