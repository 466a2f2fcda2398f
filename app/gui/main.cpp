// cwconnector: the desktop app. main() only composes: it creates the long-lived services (database,
// secret stores, the network factory, the demo simulator and its tour) and passes them to the window; no class
// reaches for a global.
#include "app/gui/DemoSimulator.h"
#include "app/gui/DemoTour.h"
#include "app/gui/DesktopWindow.h"
#include "core/CwVersion.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/i18n/Translations.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/store/Database.h"
#include "core/store/DatabaseLocation.h"
#include "ui/common/Prompter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    Cw::installTranslations(&app);
    QApplication::setApplicationName(QString::fromLatin1(Cw::kApplicationName));
    QApplication::setOrganizationName(QString::fromLatin1(Cw::kOrganizationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(Cw::kOrganizationDomain));
    QApplication::setApplicationVersion(QString::fromLatin1(Cw::kVersion));
    QApplication::setApplicationDisplayName(QStringLiteral("cwconnector"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Connect this system to ConnectWise Manage."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QApplication::translate("main", "Quit after MS milliseconds (smoke tests)."),
                                       QStringLiteral("MS"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QApplication::translate("main",
                                "Keep the connector database in DIR (default: CWCONNECTOR_DATA_DIR, else "
                                "the platform's app-data folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QApplication::translate("main",
                                                              "Use this database (postgresql://...) instead "
                                                              "of the SQLite file in the data folder."),
                                      QStringLiteral("URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main",
                                                          "Start a simulated ConnectWise and offer a Demo "
                                                          "deployment, to try every page without a tenant."));
    parser.addOption(quitAfter);
    parser.addOption(dataDir);
    parser.addOption(database);
    parser.addOption(demo);
    parser.process(app);

    QString dir = parser.value(dataDir);
    if (dir.isEmpty()) {
        dir = qEnvironmentVariable("CWCONNECTOR_DATA_DIR");
    }
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    QDir().mkpath(dir);
    QString locationError;
    const auto location = Cw::DatabaseLocation::resolve(parser.value(database), dir, &locationError);
    if (!location) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "cwconnector"), locationError);
        return 2;
    }
    Cw::Database db(*location);
    Cw::StoreError dbError;
    if (!db.open(&dbError)) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "cwconnector"),
            QApplication::translate("main", "The connector database cannot be opened: %1").arg(dbError.message));
        return 1;
    }

    Cw::KeychainSecretStore keychain;
    Cw::InstanceSecrets secrets(keychain);
    const Cw::NetworkAccessFactory network;
    Cw::DialogPrompter prompter;
    Cw::DesktopWindow desktop(db, secrets, network, prompter);
    Cw::MainWindow& window = desktop.window();
    Cw::ConnectorCoordinator& coordinator = desktop.coordinator();
    window.show();

    // Treat a missing or locked keyring as a normal state: keys for this run only, said plainly.
    keychain.checkAvailable(&window, [&secrets, &coordinator, &window](const Cw::SecretResult& result) {
        if (result.keychainUnusable()) {
            secrets.useSessionOnlyForAll();
            coordinator.refresh();
            window.setNotice(result.message + QLatin1Char(' ') + secrets.session().storageDescription());
        }
    });

    Cw::DemoSimulator simulator;
    Cw::DemoTour tour(db);
    if (parser.isSet(demo)) {
        const QString executable = Cw::DemoSimulator::findExecutable(QCoreApplication::applicationDirPath());
        if (executable.isEmpty()) {
            window.setNotice(QApplication::translate("main",
                                                     "Demo: cwconnector-sim was not found next to cwconnector "
                                                     "(%1); reinstall cwconnector.")
                                 .arg(QCoreApplication::applicationDirPath()));
        } else {
            QObject::connect(&simulator, &Cw::DemoSimulator::ready, &coordinator,
                             [&coordinator, &window, &tour](const Cw::DemoSettings& settings) {
                                 QString error;
                                 if (!tour.seedLocalData(&error)) {
                                     window.setNotice(error);
                                 }
                                 coordinator.setDemo(tour.withStarter(settings));
                                 window.setWindowTitle(QApplication::translate("main", "cwconnector — demo"));
                             });
            QObject::connect(&simulator, &Cw::DemoSimulator::failed, &window, &Cw::MainWindow::setNotice);
            simulator.start(executable);
        }
    }

    if (parser.isSet(quitAfter)) {
        QTimer::singleShot(parser.value(quitAfter).toInt(), &app, &QCoreApplication::quit);
    }
    const int code = app.exec();
    simulator.stop();
    return code;
}
