// cwconnector: the desktop app. main() only composes: it creates the long-lived services and passes
// them to the window; no class reaches for a global.
#include "core/CwVersion.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
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
    parser.addOption(quitAfter);
    parser.process(app);

    QNetworkAccessManager network;
    Cw::ConnectorListModel connectors;
    Cw::MainWindow window(&connectors);
    window.show();

    if (parser.isSet(quitAfter)) {
        QTimer::singleShot(parser.value(quitAfter).toInt(), &app, &QCoreApplication::quit);
    }
    return app.exec();
}
