// cwconnector-cli: composes the command-line front end; all behaviour lives in CliApp and core.
#include "app/cli/CliApp.h"
#include "core/CwVersion.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(Cw::kApplicationName));
    QCoreApplication::setOrganizationName(QString::fromLatin1(Cw::kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Cw::kVersion));

    QTextStream out(stdout);
    QTextStream err(stderr);
    Cli::CliApp cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
