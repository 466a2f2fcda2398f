#pragma once

#include "app/cli/Command.h"

namespace Cli {

// sync NAME [--entities LIST] [--pull | --push] [--dry-run] [--full] [--csv FILE]: a manual sync of a saved
// connector. Progress on stderr; with --json one summary document on stdout. Exit 0 when every record went
// through (skips with reasons allowed), 1 when a record failed, the run stopped, an entity it was asked to run
// could not start (a missing permission, a stale variable, options off for an entity named in --entities) or
// another sync of the connector holds it (refused at once, naming the holder), 3 keychain unavailable,
// 4 ConnectWise unreachable.
class SyncCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    QString name() const override { return QStringLiteral("sync"); }
    QString usage() const override;
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
