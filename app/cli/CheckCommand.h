#pragma once

#include "app/cli/Command.h"

namespace Cw {
class ConnectorSession;
struct ConnectorConfig;
} // namespace Cw

namespace Cli {

// check NAME | check --company ID (--region R | --site URL) [...]: the layered systems check of a saved
// connector or of a connection that is not saved. Exit 0 when healthy (warnings allowed), 1 when a
// layer failed, 4 when ConnectWise cannot be reached (DNS, TCP, TLS).
class CheckCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)

public:
    QString name() const override { return QStringLiteral("check"); }
    QString usage() const override;
    int run(CliContext& context, const QStringList& args) override;

private:
    int checkSaved(CliContext& context, const QString& name);
    // config: the saved connector's configuration; its sync options choose the endpoints to probe and
    // its server variables are checked against ConnectWise. Null for an ad-hoc check.
    int checkConnection(CliContext& context, const Cw::ConnectorSession& session, const Cw::ConnectorConfig* config,
                        bool* passed);
};

} // namespace Cli
