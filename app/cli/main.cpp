// cwconnector-cli: composes the command-line front end; all behaviour lives in CliApp and core.
#include "app/cli/CliApp.h"
#include "core/CwVersion.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/i18n/Translations.h"
#include "core/secrets/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(Cw::kApplicationName));
    QCoreApplication::setOrganizationName(QString::fromLatin1(Cw::kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Cw::kVersion));

    Cw::installTranslations(&app);

    // The library's progress logs are for developers; CWCONNECTOR_VERBOSE=1 shows them.
    if (qEnvironmentVariableIsEmpty("CWCONNECTOR_VERBOSE") && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("cwconnector.*.info=false"));
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile input;
    input.open(stdin, QIODevice::ReadOnly);

    const Cw::NetworkAccessFactory network;
    Cli::CliServices services;
    services.input = &input;
    services.network = &network;
    services.makeSecretStore = [] { return std::make_unique<Cw::KeychainSecretStore>(); };
    Cli::CliApp cli(out, err, std::move(services));
    return cli.run(QCoreApplication::arguments());
}
