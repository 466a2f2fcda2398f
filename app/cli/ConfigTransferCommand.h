#pragma once

#include "app/cli/Command.h"

namespace Cli {

// export NAME [-o FILE]: a connector's configuration as versioned JSON, never its keys.
class ExportCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString usage() const override { return QStringLiteral("cwconnector-cli export NAME [-o FILE]"); }
    int run(CliContext& context, const QStringList& args) override;
};

// import FILE [--as NAME]: a new draft connector from an export; ConnectWise ids are looked up again by
// name in the target ConnectWise (which the keys given here open), and what cannot be found is listed.
class ImportCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    QString name() const override { return QStringLiteral("import"); }
    QString usage() const override
    {
        return QStringLiteral("cwconnector-cli import FILE [--as NAME] [--company ID] [--region R | --site URL]\n"
                              "                             [--keys-from-stdin]");
    }
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
