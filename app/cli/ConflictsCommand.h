#pragma once

#include "app/cli/Command.h"

namespace Cli {

// conflicts NAME [--keep ENTITY:LOCAL_ID=local|connectwise|none ...]: the records the last sync reported as
// conflicts (both values of each field) with the side kept for each, and picks the side the next sync writes.
class ConflictsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ConflictsCommand)

public:
    QString name() const override { return QStringLiteral("conflicts"); }
    QString usage() const override
    {
        return QStringLiteral("cwconnector-cli conflicts NAME [--keep ENTITY:LOCAL_ID=local|connectwise|none ...]");
    }
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
