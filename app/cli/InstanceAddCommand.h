#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Cli {

class CliContext;

// instance add and instance set-keys: the two subcommands that take API keys.
class InstanceAddCommand final
{
    Q_DECLARE_TR_FUNCTIONS(InstanceAddCommand)

public:
    int add(CliContext& context, const QStringList& args);
    int setKeys(CliContext& context, const QStringList& args);
};

} // namespace Cli
