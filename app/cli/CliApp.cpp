#include "app/cli/CliApp.h"

#include "app/cli/CheckCommand.h"
#include "app/cli/ConfigTransferCommand.h"
#include "app/cli/ConflictsCommand.h"
#include "app/cli/ExitCode.h"
#include "app/cli/HistoryCommand.h"
#include "app/cli/ImportCsvCommand.h"
#include "app/cli/InstanceCommand.h"
#include "app/cli/LookupsCommand.h"
#include "app/cli/MembersCommand.h"
#include "app/cli/OptionsCommand.h"
#include "app/cli/SyncCommand.h"
#include "app/cli/UsersCommand.h"
#include "app/cli/VariablesCommand.h"
#include "core/CwVersion.h"

#include <QTextStream>

namespace Cli {

CliApp::CliApp(QTextStream& out, QTextStream& err, CliServices services) : m_context(out, err, std::move(services))
{
    m_commands.push_back(std::make_unique<InstanceCommand>());
    m_commands.push_back(std::make_unique<CheckCommand>());
    m_commands.push_back(std::make_unique<ImportCsvCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<MembersCommand>());
    m_commands.push_back(std::make_unique<UsersCommand>());
    m_commands.push_back(std::make_unique<VariablesCommand>());
    m_commands.push_back(std::make_unique<OptionsCommand>());
    m_commands.push_back(std::make_unique<LookupsCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
    m_commands.push_back(std::make_unique<HistoryCommand>());
    m_commands.push_back(std::make_unique<ConflictsCommand>());
}

CliApp::~CliApp() = default;

Command* CliApp::find(const QString& name) const
{
    for (const auto& c : m_commands) {
        if (c->name() == name) {
            return c.get();
        }
    }
    return nullptr;
}

QString CliApp::helpText() const
{
    QString commands;
    for (const auto& c : m_commands) {
        commands += QLatin1String("  ") +
            c->usage()
                .replace(QLatin1String("\n       cwconnector-cli "), QLatin1String("\n  "))
                .remove(QLatin1String("cwconnector-cli ")) +
            QLatin1Char('\n');
    }
    return tr("Usage: cwconnector-cli [--data-dir DIR] [--database URL] [--json] COMMAND\n"
              "\n"
              "Connects this system to ConnectWise Manage (PSA).\n"
              "\n"
              "Commands:\n"
              "%1"
              "\n"
              "Global options:\n"
              "  --data-dir DIR     where settings and data live (or CWCONNECTOR_DATA_DIR)\n"
              "  --database URL     postgresql://user@host:port/db instead of the SQLite file (or "
              "CWCONNECTOR_DATABASE)\n"
              "  --json             print one JSON document on stdout; progress goes to stderr\n"
              "  -h, --help         show this help\n"
              "  -v, --version      show the version\n"
              "\n"
              "Keys are never taken from arguments: use --keys-from-stdin, CW_PUBLIC_KEY / CW_PRIVATE_KEY,\n"
              "or answer the prompt.\n"
              "\n"
              "Exit codes: 0 success, 1 the operation failed, 2 bad usage or input, 3 keychain unavailable,\n"
              "4 ConnectWise unreachable.\n")
        .arg(commands);
}

int CliApp::run(const QStringList& arguments)
{
    // Global options may stand before or after the command; take them out first.
    QStringList rest;
    bool help = false;
    bool version = false;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        auto valueOf = [&](const QString& option, QString* target) {
            if (a == option) {
                if (i + 1 >= arguments.size()) {
                    return false;
                }
                *target = arguments.at(++i);
                return true;
            }
            if (a.startsWith(option + QLatin1Char('='))) {
                *target = a.mid(option.size() + 1);
                return true;
            }
            return false;
        };
        if (a == QLatin1String("--json")) {
            m_context.json = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            help = true;
        } else if (a == QLatin1String("--version") || a == QLatin1String("-v")) {
            version = true;
        } else if (valueOf(QStringLiteral("--data-dir"), &m_context.dataDirOption) ||
                   valueOf(QStringLiteral("--database"), &m_context.databaseOption)) {
            continue;
        } else if (a == QLatin1String("--data-dir") || a == QLatin1String("--database")) {
            return m_context.fail(BadUsage, tr("%1 needs a value.").arg(a));
        } else {
            rest.append(a);
        }
    }
    if (help) {
        m_context.out() << helpText() << Qt::flush;
        return Success;
    }
    if (version) {
        m_context.out() << "cwconnector-cli " << Cw::kVersion << Qt::endl;
        return Success;
    }
    if (rest.isEmpty()) {
        return m_context.fail(BadUsage,
                              tr("no command given.") + QLatin1Char('\n') +
                                  tr("Run 'cwconnector-cli --help' for the commands and options."));
    }
    Command* command = find(rest.first());
    if (!command) {
        const QString message = rest.first().startsWith(QLatin1Char('-'))
            ? tr("unknown option '%1'.").arg(rest.first())
            : tr("unknown command '%1'.").arg(rest.first());
        return m_context.fail(
            BadUsage, message + QLatin1Char('\n') + tr("Run 'cwconnector-cli --help' for the commands and options."));
    }
    return command->run(m_context, rest.mid(1));
}

} // namespace Cli
