#include "app/cli/CliApp.h"

#include "app/cli/ExitCode.h"
#include "core/CwVersion.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace Cli {

CliApp::CliApp(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) { }

QString CliApp::helpText() const
{
    return tr(
        "Usage: cwconnector-cli [--data-dir DIR] [--database URL] [--json] COMMAND\n"
        "\n"
        "Connects this system to ConnectWise Manage (PSA).\n"
        "\n"
        "Global options:\n"
        "  --data-dir DIR     where settings and data live (or CWCONNECTOR_DATA_DIR)\n"
        "  --database URL     postgresql://user@host:port/db instead of the SQLite file (or CWCONNECTOR_DATABASE)\n"
        "  --json             print one JSON document on stdout; progress goes to stderr\n"
        "  -h, --help         show this help\n"
        "  -v, --version      show the version\n"
        "\n"
        "Keys are never taken from arguments: use --keys-from-stdin, CW_PUBLIC_KEY / CW_PRIVATE_KEY,\n"
        "or answer the prompt.\n"
        "\n"
        "Exit codes: 0 success, 1 the operation failed, 2 bad usage or input, 3 keychain unavailable,\n"
        "4 ConnectWise unreachable.\n");
}

int CliApp::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOption(QStringList {QStringLiteral("v"), QStringLiteral("version")});
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption databaseOption(QStringLiteral("database"), QString(), QStringLiteral("URL"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOptions({helpOption, versionOption, dataDirOption, databaseOption, jsonOption});

    if (!parser.parse(arguments)) {
        m_err << tr("cwconnector-cli: %1").arg(parser.errorText()) << '\n'
              << tr("Run 'cwconnector-cli --help' for the commands and options.") << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(helpOption)) {
        m_out << helpText() << Qt::flush;
        return Success;
    }
    if (parser.isSet(versionOption)) {
        m_out << "cwconnector-cli " << Cw::kVersion << Qt::endl;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        m_err << tr("cwconnector-cli: no command given.") << '\n'
              << tr("Run 'cwconnector-cli --help' for the commands and options.") << Qt::endl;
        return BadUsage;
    }
    m_err << tr("cwconnector-cli: unknown command '%1'.").arg(positional.first()) << '\n'
          << tr("Run 'cwconnector-cli --help' for the commands and options.") << Qt::endl;
    return BadUsage;
}

} // namespace Cli
