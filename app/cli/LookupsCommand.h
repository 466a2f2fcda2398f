#pragma once

#include "app/cli/Command.h"

namespace Cli {

// lookups NAME [--auto] [--set LOOKUP:LOCAL=REMOTE ...]: the seven lookup tables. --auto maps unmapped
// values by name (LookupMatcher); --set maps one local value (added to the local list if new) to a
// ConnectWise id or name, validated against the live list. Unmapped values are allowed and listed.
class LookupsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(LookupsCommand)

public:
    QString name() const override { return QStringLiteral("lookups"); }
    QString usage() const override
    {
        return QStringLiteral("cwconnector-cli lookups NAME [--auto] [--set LOOKUP:LOCAL=REMOTE ...]");
    }
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
