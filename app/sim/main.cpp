// cwconnector-sim: ConnectWise Manage on loopback, for tests, benchmarks and the GUI's --demo mode.
#include "app/sim/HttpServer.h"
#include "app/sim/Simulator.h"
#include "core/CwVersion.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cwconnector-sim"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Cw::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A ConnectWise Manage (PSA) simulator on loopback."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("TCP port (0 picks a free one)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption companyOption(QStringLiteral("company"), QStringLiteral("The login company id."),
                                           QStringLiteral("ID"), QStringLiteral("cwsim"));
    parser.addOptions({portOption, companyOption});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "cwconnector-sim: --port must be a number from 0 to 65535\n";
        return 2;
    }

    Sim::SimConfig config;
    config.companyId = parser.value(companyOption);
    Sim::Simulator simulator(config);
    Sim::HttpServer server([&simulator](const Sim::HttpRequest& request) { return simulator.handle(request); });
    if (!server.listen(QHostAddress::LocalHost, static_cast<quint16>(port))) {
        err << "cwconnector-sim: cannot listen on 127.0.0.1:" << port << ": " << server.errorString() << '\n';
        return 1;
    }
    QTextStream out(stdout);
    out << "cwconnector-sim listening on " << (server.isTls() ? "https" : "http") << "://127.0.0.1:" << server.port()
        << Qt::endl;
    return app.exec();
}
