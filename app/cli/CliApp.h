#pragma once

#include "app/cli/CliContext.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

class QTextStream;

namespace Cli {

class Command;

// Parses the global options (accepted anywhere on the line) and dispatches to a command. Everything
// it needs comes from main(): the output streams and the services (see CliServices).
class CliApp final
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    CliApp(QTextStream& out, QTextStream& err, CliServices services);
    ~CliApp();

    // Returns the process exit code (see ExitCode.h).
    int run(const QStringList& arguments);

private:
    QString helpText() const;
    Command* find(const QString& name) const;

    CliContext m_context;
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace Cli
