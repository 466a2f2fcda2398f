#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace Cli {

class CliContext;

// One top-level command of cwconnector-cli ("instance", "check", "import-csv", ...).
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    // The usage lines shown in errors and in --help.
    virtual QString usage() const = 0;
    // args are the words after the command name. Returns the exit code (ExitCode.h).
    virtual int run(CliContext& context, const QStringList& args) = 0;

protected:
    // Parses args with parser; on a parse error prints it with the usage and sets *exitCode to BadUsage.
    bool parse(CliContext& context, QCommandLineParser& parser, const QStringList& args, int* exitCode) const;
    int usageError(CliContext& context, const QString& message) const;
};

} // namespace Cli
