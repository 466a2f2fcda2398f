#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace Cli {

// Parses the global options and dispatches to a command. Everything it needs (output streams,
// and later the network manager, database and secret store) is passed in by main().
class CliApp final
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    CliApp(QTextStream& out, QTextStream& err);

    // Returns the process exit code (see ExitCode.h).
    int run(const QStringList& arguments);

private:
    QString helpText() const;

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace Cli
