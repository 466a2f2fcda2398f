#pragma once

#include "app/cli/Command.h"

namespace Cli {

// members NAME: the ConnectWise members a local user can be mapped to (API and inactive members left out).
class MembersCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(MembersCommand)

public:
    QString name() const override { return QStringLiteral("members"); }
    QString usage() const override { return QStringLiteral("cwconnector-cli members NAME"); }
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
