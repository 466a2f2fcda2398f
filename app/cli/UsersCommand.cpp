#include "app/cli/UsersCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SavedConnector.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/RemoteResolver.h"
#include "core/config/UserMappings.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

int UsersCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption autoMatch(QStringLiteral("auto"));
    const QCommandLineOption set(QStringLiteral("set"), QString(), QStringLiteral("LOCAL_ID=MEMBER_ID"));
    parser.addOptions({autoMatch, set});
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("users needs a connector NAME."));
    }
    QList<QPair<QString, QString>> settings;
    for (const QString& setting : parser.values(set)) {
        const int eq = setting.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == setting.size() - 1) {
            return context.fail(BadUsage, tr("\"%1\" is not LOCAL_ID=MEMBER_ID (e.g. u1=101).").arg(setting));
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
    if (int code = connector.fetch({QLatin1String(Cw::RemoteResolver::member)}); code != Success) {
        return code;
    }
    Cw::StoreError error;
    const QList<Cw::LocalUser> users = Cw::UserMappings::localUsers(connector.database(), &error);
    if (!error.message.isEmpty()) {
        return context.fail(OperationFailed, error.message);
    }
    QList<Cw::UserRow> rows = Cw::UserMappings::rows(users, connector.config(), connector.lists());
    QList<Cw::UserMapping> changes;
    for (const auto& [localId, memberId] : settings) {
        auto row = std::find_if(rows.begin(), rows.end(), [&](const Cw::UserRow& r) { return r.user.id == localId; });
        if (row == rows.end()) {
            return context.fail(BadUsage,
                                tr("There is no local user with id \"%1\". Fix: import it first "
                                   "(cwconnector-cli import-csv users FILE) or use an existing id.")
                                    .arg(localId));
        }
        Cw::RemoteItem member;
        QString message;
        if (!Cw::UserMappings::validateMember(memberId, connector.lists(), &member, &message)) {
            return context.fail(BadUsage, QString(localId + QStringLiteral(": ") + message));
        }
        row->memberId = member.id;
        row->memberLabel = member.label();
        row->matchBy = QStringLiteral("manual");
        row->confidence = 100;
        row->confirmed = true;
        row->note.clear();
        changes.append(Cw::UserMappings::toMapping(*row, connector.lists(), true));
    }
    if (parser.isSet(autoMatch)) {
        const QList<Cw::UserRow> before = rows;
        rows = Cw::UserMappings::autoMatch(rows, connector.lists());
        for (int i = 0; i < rows.size(); ++i) {
            if (rows.at(i).mapped() && !before.at(i).mapped()) {
                changes.append(Cw::UserMappings::toMapping(rows.at(i), connector.lists(), false));
            }
        }
    }
    if (!changes.isEmpty()) {
        Cw::ConnectorConfigRepository repository(connector.database());
        Cw::WriteTransaction transaction(connector.database());
        bool ok = transaction.begin(&error);
        for (const Cw::UserMapping& mapping : changes) {
            ok = ok && repository.setUserMapping(connector.instance().id, mapping, &error);
        }
        if (!ok || !transaction.commit(&error)) {
            return context.fail(OperationFailed, error.message);
        }
    }
    QJsonArray array;
    QString text;
    int unmapped = 0;
    for (const Cw::UserRow& row : rows) {
        QJsonObject o {{QStringLiteral("id"), row.user.id},
                       {QStringLiteral("name"), row.user.name},
                       {QStringLiteral("email"), row.user.email},
                       {QStringLiteral("memberId"), row.memberId},
                       {QStringLiteral("member"), row.memberLabel},
                       {QStringLiteral("matchBy"), row.matchBy},
                       {QStringLiteral("confidence"), row.confidence},
                       {QStringLiteral("confirmed"), row.confirmed},
                       {QStringLiteral("ambiguous"), row.ambiguous},
                       {QStringLiteral("note"), row.note}};
        array.append(o);
        unmapped += row.mapped() ? 0 : 1;
        const QString state = !row.mapped() ? tr("unmapped")
            : row.confirmed                 ? tr("confirmed")
                                            : tr("suggested by %1, %2 %").arg(row.matchBy).arg(row.confidence);
        text += QStringLiteral("%1 %2 -> %3 [%4]%5\n")
                    .arg(row.user.id, -10)
                    .arg(row.user.name, -24)
                    .arg(row.mapped() ? row.memberLabel : QStringLiteral("-"), state,
                         row.note.isEmpty() ? QString() : QString(QStringLiteral("  ") + row.note));
    }
    text += tr("%n user(s) unmapped (allowed: their records sync without a member).", nullptr, unmapped);
    context.print(text,
                  QJsonObject {{QStringLiteral("instance"), connector.instance().name},
                               {QStringLiteral("users"), array},
                               {QStringLiteral("unmapped"), unmapped}});
    return Success;
}

} // namespace Cli
