#pragma once

#include "app/cli/Command.h"

namespace Cli {

// import-csv ENTITY FILE [--encoding NAME] [--skip-bad-rows]: local records from a CSV file, all or nothing (or the
// good rows only), read in the encoding named; a file that is not text in it is refused naming its first bad line.
class ImportCsvCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ImportCsvCommand)

public:
    QString name() const override { return QStringLiteral("import-csv"); }
    QString usage() const override;
    int run(CliContext& context, const QStringList& args) override;
};

} // namespace Cli
