#pragma once

#include "app/cli/Command.h"

namespace Cli {

// history NAME [--run ID]: the sync runs of a connector, newest first; with --run the per-record outcomes
// of one run. --json prints one document.
class HistoryCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)

public:
    QString name() const override { return QStringLiteral("history"); }
    QString usage() const override;
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
