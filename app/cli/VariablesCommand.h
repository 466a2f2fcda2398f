#pragma once

#include "app/cli/Command.h"

namespace Cli {

// variables NAME [--set KEY=ID ...]: the server variables, checked against the live ConnectWise lists.
// --set values are validated first and saved together (nothing is saved when one is wrong: exit 2).
// Exit 1 when a stored id is stale (deleted or inactive in ConnectWise).
class VariablesCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(VariablesCommand)

public:
    QString name() const override { return QStringLiteral("variables"); }
    QString usage() const override { return QStringLiteral("cwconnector-cli variables NAME [--set KEY=ID ...]"); }
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
