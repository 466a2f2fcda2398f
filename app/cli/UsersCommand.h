#pragma once

#include "app/cli/Command.h"

namespace Cli {

// users NAME [--auto] [--set LOCAL_ID=MEMBER_ID ...]: local users and the ConnectWise members they are
// mapped to. --auto stores unconfirmed suggestions (e-mail, then name, then identifier) for unmapped
// users; --set maps (and confirms) one user to an active, non-API member. Unmapped users are allowed.
class UsersCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(UsersCommand)

public:
    QString name() const override { return QStringLiteral("users"); }
    QString usage() const override
    {
        return QStringLiteral("cwconnector-cli users NAME [--auto] [--set LOCAL_ID=MEMBER_ID ...]");
    }
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
