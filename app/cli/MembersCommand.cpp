#include "app/cli/MembersCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SavedConnector.h"
#include "core/config/RemoteResolver.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Cli {

int MembersCommand::run(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    int exitCode = Success;
    if (!parse(context, parser, args, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(context, tr("members needs a connector NAME."));
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
    const QList<Cw::RemoteItem> members = connector.lists().mappableMembers();
    const int leftOut = static_cast<int>(connector.lists().members().size() - members.size());
    QJsonArray array;
    QString text;
    for (const Cw::RemoteItem& m : members) {
        array.append(QJsonObject {{QStringLiteral("id"), m.id.toInt()},
                                  {QStringLiteral("identifier"), m.member.identifier},
                                  {QStringLiteral("name"), m.name},
                                  {QStringLiteral("email"), m.member.email}});
        text +=
            QStringLiteral("%1  %2  %3  %4\n").arg(m.id, -6).arg(m.member.identifier, -15).arg(m.name, m.member.email);
    }
    text += tr("%n member(s); %1 API or inactive member(s) left out.", nullptr, static_cast<int>(members.size()))
                .arg(leftOut);
    context.print(text,
                  QJsonObject {{QStringLiteral("instance"), connector.instance().name},
                               {QStringLiteral("members"), array},
                               {QStringLiteral("leftOut"), leftOut}});
    return Success;
}

} // namespace Cli
