#include "app/cli/Command.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"

#include <QCommandLineParser>

namespace Cli {

bool Command::parse(CliContext& context, QCommandLineParser& parser, const QStringList& args, int* exitCode) const
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList {QStringLiteral("cwconnector-cli")} + args)) {
        *exitCode = usageError(context, parser.errorText());
        return false;
    }
    return true;
}

int Command::usageError(CliContext& context, const QString& message) const
{
    return context.fail(BadUsage,
                        message + QLatin1Char('\n') + QCoreApplication::translate("Cli", "Usage: ") + usage());
}

} // namespace Cli
