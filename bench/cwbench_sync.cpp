// cwbench_sync: pulls every company from cwconnector-sim over HTTPS into a new SQLite database through the
// sync engine (Cw::SyncEngine: forward-only pages of 1000, one transaction per page with its links and the
// resume point), then pulls again incrementally. Reports seconds, records/s and peak RSS.
//
//   cwbench_sync [--records 100000] [--page-size 1000] [--http] [--keep DIR]
#include "BenchSupport.h"

#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/store/Database.h"
#include "core/sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {

QJsonArray list(Cw::ApiClient& client, const QString& path)
{
    Cw::ApiRequest request = Cw::ApiRequest::get(path);
    request.addQuery(QStringLiteral("pageSize"), QStringLiteral("1000"));
    QEventLoop loop;
    QJsonArray out;
    QObject::connect(client.send(request), &Cw::ApiCall::finished, &loop, [&](const Cw::ApiResult& r) {
        out = r.array();
        loop.quit();
    });
    loop.exec();
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pull all companies from cwconnector-sim through Cw::SyncEngine."));
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"), QStringLiteral("Companies in the simulator."),
                                           QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption pageSizeOption(QStringLiteral("page-size"), QStringLiteral("Records per page."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption httpOption(QStringLiteral("http"), QStringLiteral("Plain http instead of HTTPS."));
    parser.addOptions({recordsOption, pageSizeOption, httpOption});
    parser.process(app);

    QStringList simArgs {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--records"),
                         parser.value(recordsOption)};
    const QString tls = QStringLiteral(CW_TEST_DATA_DIR "/tls/");
    if (!parser.isSet(httpOption)) {
        simArgs << QStringLiteral("--tls-cert") << tls + QStringLiteral("server.pem") << QStringLiteral("--tls-key")
                << tls + QStringLiteral("server.key");
    }
    QProcess sim;
    const QUrl simUrl = Bench::startSim(sim, simArgs);
    if (simUrl.isEmpty()) {
        return 2;
    }
    QTemporaryDir dir;
    Cw::Database database(Cw::DatabaseLocation::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))));
    Cw::StoreError error;
    if (!database.open(&error)) {
        fprintf(stderr, "%s\n", qPrintable(error.message));
        return 2;
    }
    Cw::Instance instance;
    instance.name = QStringLiteral("Bench");
    instance.deployment = QStringLiteral("onpremise");
    instance.site = simUrl.toString();
    instance.companyId = QStringLiteral("cwsim");
    if (!Cw::InstanceRepository(database).create(&instance, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error.message));
        return 2;
    }

    Cw::Connection connection;
    connection.site = *Cw::Site::parse(simUrl.toString()).site;
    connection.companyId = QStringLiteral("cwsim");
    connection.clientId = QStringLiteral("9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    connection.publicKey = QStringLiteral("demopublickey0001");
    connection.privateKey = QStringLiteral("demoprivatekey0001");
    connection.proxy.mode = Cw::ProxySettings::Mode::None;
    connection.caFile = parser.isSet(httpOption) ? QString() : tls + QStringLiteral("ca.pem");
    QNetworkAccessManager* nam = Cw::NetworkAccessFactory::create(connection.proxy, &app);
    Cw::ApiClient client(nam, connection);

    // Every company type and currency mapped, so that no record is skipped.
    Cw::ConnectorConfig config;
    config.syncOptions = {{QStringLiteral("accounts"), QStringLiteral("pull_create"), true},
                          {QStringLiteral("accounts"), QStringLiteral("pull_update"), true}};
    for (const auto& [lookup, path] :
         {std::pair {"account_type", "company/companies/types"}, std::pair {"currency", "finance/currencies"}}) {
        int n = 0;
        for (const QJsonValue& v : list(client, QLatin1String(path))) {
            config.lookups.append({QLatin1String(lookup), QStringLiteral("V%1").arg(n++),
                                   QString::number(v.toObject().value(QStringLiteral("id")).toInteger()), QString()});
        }
    }
    if (!Cw::ConnectorConfigRepository(database).replace(instance.id, config, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error.message));
        return 2;
    }

    QTextStream out(stdout);
    const qint64 rssBefore = Bench::procStatusKb("VmRSS");
    Cw::SyncEngine engine(database, &client);
    engine.setPageSize(parser.value(pageSizeOption).toInt());
    Cw::SyncRequest request;
    request.instanceId = instance.id;
    request.push = false;
    request.entities = {QStringLiteral("accounts")};
    int exitCode = 0;
    for (const char* label : {"full pull", "incremental rerun"}) {
        QElapsedTimer timer;
        timer.start();
        const Cw::SyncSummary summary = engine.run(request);
        const double seconds = double(timer.elapsed()) / 1000.0;
        const Cw::SyncCounts c = summary.totals();
        if (!summary.ok()) {
            out << label << " failed: " << summary.fatalError << Qt::endl;
            exitCode = 1;
            break;
        }
        out << label << ": tls=" << (parser.isSet(httpOption) ? "no" : "yes") << " created=" << c.created
            << " updated=" << c.updated << " unchanged=" << c.unchanged << " skipped=" << c.skipped
            << " seconds=" << QString::number(seconds, 'f', 2)
            << " records/s=" << QString::number(double(c.total()) / std::max(seconds, 0.001), 'f', 0)
            << " peakRssMiB(VmHWM)=" << QString::number(double(Bench::procStatusKb("VmHWM")) / 1024.0, 'f', 1)
            << " rssBeforeMiB=" << QString::number(double(rssBefore) / 1024.0, 'f', 1) << Qt::endl;
    }
    QSqlQuery q(database.connection());
    if (database.exec(QStringLiteral("SELECT COUNT(*), (SELECT COUNT(*) FROM sync_links) FROM accounts"), {}, nullptr,
                      &q) &&
        q.next()) {
        out << "accounts=" << q.value(0).toLongLong() << " links=" << q.value(1).toLongLong() << Qt::endl;
    }
    sim.terminate();
    sim.waitForFinished(5000);
    return exitCode;
}
