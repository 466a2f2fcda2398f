// cwconnector-sim: ConnectWise Manage on loopback, for tests, benchmarks and the GUI's --demo mode.
#include "app/sim/HttpServer.h"
#include "app/sim/SimOptions.h"
#include "app/sim/Simulator.h"
#include "core/CwVersion.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cwconnector-sim"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Cw::kVersion));

    Sim::SimOptions options;
    options.parser().process(app);
    QTextStream err(stderr);
    Sim::SimConfig config;
    QString error;
    if (!options.toConfig(QProcessEnvironment::systemEnvironment(), &config, &error)) {
        err << "cwconnector-sim: " << error << '\n';
        return 2;
    }

    Sim::Simulator simulator(config);
    if (!simulator.models().isValid()) {
        err << "cwconnector-sim: " << simulator.models().error() << '\n';
        return 1;
    }
    Sim::HttpServer server([&simulator](const Sim::HttpRequest& request) { return simulator.handle(request); });
    server.setLinkRate([&simulator] { return simulator.faults().settings().linkMbps; });
    if (!config.tlsCertFile.isEmpty()) {
        if (!server.loadTls(config.tlsCertFile, config.tlsKeyFile, config.tlsChainFile, &error)) {
            err << "cwconnector-sim: " << error << '\n';
            return 2;
        }
    }
    if (!config.requestLogFile.isEmpty() && !simulator.requestLog().open(config.requestLogFile, &error)) {
        err << "cwconnector-sim: "
            << QCoreApplication::translate("cwconnector-sim", "cannot open the request log %1: %2")
                   .arg(config.requestLogFile, error)
            << '\n';
        return 2;
    }
    simulator.setTls(server.isTls());
    simulator.dataset().warmUp();
    if (!server.listen(QHostAddress::LocalHost, options.port())) {
        err << "cwconnector-sim: "
            << QCoreApplication::translate("cwconnector-sim", "cannot listen on 127.0.0.1:%1: %2")
                   .arg(options.port())
                   .arg(server.errorString())
            << '\n';
        return 1;
    }
    QTextStream out(stdout);
    out << "cwconnector-sim listening on " << (server.isTls() ? "https" : "http") << "://127.0.0.1:" << server.port()
        << Qt::endl;
    return app.exec();
}
