#pragma once

#include "app/cli/Command.h"

namespace Cli {

// options NAME [--set ENTITY.OPERATION=on|off ...] [--set conflicts=report|connectwise|local]: the sync matrix (only
// supported cells can be set) and the conflict policy.
class OptionsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(OptionsCommand)

public:
    QString name() const override { return QStringLiteral("options"); }
    QString usage() const override
    {
        return QStringLiteral("cwconnector-cli options NAME [--set ENTITY.OPERATION=on|off ...]"
                              " [--set conflicts=report|connectwise|local]");
    }
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
