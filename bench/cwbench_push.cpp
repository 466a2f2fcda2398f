// cwbench_push: pushes N new local accounts to cwconnector-sim over a modelled link (--delay-ms, --link-mbps)
// through the sync engine, once for each number of requests in flight (default 1, then 4), each into a new
// SQLite database against the same simulator, and prints the seconds, the ratio to one at a time and the link's
// floor (N / in flight round trips).
//
//   cwbench_push [--accounts 1000] [--delay-ms 150] [--link-mbps 100] [--in-flight 1,4]
#include "BenchSupport.h"

#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/connectwise/RateGovernor.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {

// One push of `accounts` new accounts (ids prefix + n) with at most inFlight requests at once; seconds, or -1.
double pushOnce(const QUrl& simUrl, const QString& caFile, int inFlight, int accounts, const QString& prefix,
                QTextStream& out)
{
    QTemporaryDir dir;
    Cw::Database database(Cw::DatabaseLocation::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))));
    Cw::StoreError error;
    Cw::Instance instance;
    instance.name = QStringLiteral("Bench");
    instance.deployment = QStringLiteral("onpremise");
    instance.site = simUrl.toString();
    instance.companyId = QStringLiteral("cwsim");
    if (!database.open(&error) || !Cw::InstanceRepository(database).create(&instance, &error)) {
        out << "FAILED: " << error.message << Qt::endl;
        return -1;
    }
    Cw::Connection connection = Bench::simConnection(simUrl, caFile);
    connection.maxInFlight = inFlight;
    const Cw::NetworkAccessFactory network;
    Cw::ApiClient client(network, connection);
    Cw::ConnectorConfig config;
    config.syncOptions = {{Cw::Entity::Accounts, Cw::Operation::PushCreate, true},
                          {Cw::Entity::Accounts, Cw::Operation::PushUpdate, true}};
    const QJsonArray statuses = Bench::list(client, QStringLiteral("company/companies/statuses"));
    config.serverVariables.append({QStringLiteral("import_account_status"),
                                   QString::number(statuses.first().toObject().value(QLatin1String("id")).toInteger()),
                                   QString()});
    for (const auto& [lookup, path] :
         {std::pair {"account_type", "company/companies/types"}, std::pair {"currency", "finance/currencies"}}) {
        int n = 0;
        for (const QJsonValue& v : Bench::list(client, QLatin1String(path))) {
            config.lookups.append({QLatin1String(lookup), QStringLiteral("V%1").arg(n++),
                                   QString::number(v.toObject().value(QStringLiteral("id")).toInteger()), QString()});
        }
    }
    QList<Cw::LocalRecord> records;
    for (int i = 0; i < accounts; ++i) {
        const QString id = prefix + QString::number(i);
        records.append({id,
                        {{QStringLiteral("id"), id},
                         {QStringLiteral("name"), QStringLiteral("Bench Account %1").arg(id)},
                         {QStringLiteral("account_type"), QStringLiteral("V0")},
                         {QStringLiteral("currency"), QStringLiteral("V0")},
                         {QStringLiteral("city"), QStringLiteral("Town %1").arg(i)}}});
    }
    Cw::LocalRecordStore::Counts counts;
    if (!Cw::ConnectorConfigRepository(database).replace(instance.id, config, &error) ||
        !Cw::LocalRecordStore(database).upsert(Cw::LocalSchema::entity(Cw::Entity::Accounts), records, &counts,
                                               &error)) {
        out << "FAILED: " << error.message << Qt::endl;
        return -1;
    }
    Cw::SyncEngine engine(database, &client);
    Cw::SyncRequest request;
    request.instanceId = instance.id;
    request.pull = false;
    request.entities = {Cw::Entity::Accounts};
    QElapsedTimer timer;
    timer.start();
    const Cw::SyncSummary summary = engine.run(request);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const Cw::SyncCounts c = summary.totals();
    out << "push, " << inFlight << " in flight: created=" << c.created << " failed=" << c.failed
        << " seconds=" << QString::number(seconds, 'f', 2) << " peak_in_flight=" << client.governor()->peakInFlight()
        << Qt::endl;
    if (!summary.ok() || c.created != accounts) {
        out << "FAILED: " << summary.fatalError << Qt::endl;
        return -1;
    }
    return seconds;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Push new accounts to cwconnector-sim over a modelled link."));
    parser.addHelpOption();
    const QCommandLineOption accountsOption(QStringLiteral("accounts"), QStringLiteral("Accounts pushed per run."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"), QStringLiteral("Latency per reply."),
                                         QStringLiteral("MS"), QStringLiteral("150"));
    const QCommandLineOption linkOption(QStringLiteral("link-mbps"), QStringLiteral("Bandwidth of the link."),
                                        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption inFlightOption(QStringLiteral("in-flight"),
                                            QStringLiteral("Requests in flight, one run each (comma-separated)."),
                                            QStringLiteral("LIST"), QStringLiteral("1,4"));
    parser.addOptions({accountsOption, delayOption, linkOption, inFlightOption});
    parser.process(app);

    const Bench::Link link {parser.value(delayOption).toInt(), parser.value(linkOption).toInt()};
    const QString tls = QStringLiteral(CW_TEST_DATA_DIR "/tls/");
    QProcess sim;
    const QUrl simUrl = Bench::startSim(sim,
                                        QStringList {QStringLiteral("--port"), QStringLiteral("0"),
                                                     QStringLiteral("--records"), QStringLiteral("10"),
                                                     QStringLiteral("--tls-cert"), tls + QStringLiteral("server.pem"),
                                                     QStringLiteral("--tls-key"), tls + QStringLiteral("server.key")} +
                                            link.simArgs());
    if (simUrl.isEmpty()) {
        return 2;
    }
    QTextStream out(stdout);
    const int accounts = parser.value(accountsOption).toInt();
    QList<QPair<int, double>> runs;
    for (const QString& n : parser.value(inFlightOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int inFlight = n.toInt();
        const double seconds =
            pushOnce(simUrl, tls + QStringLiteral("ca.pem"), inFlight, accounts, QStringLiteral("F%1-").arg(n), out);
        if (seconds < 0) {
            return 1;
        }
        runs.append({inFlight, seconds});
    }
    out << Qt::endl
        << "summary (accounts=" << accounts << ", delay_ms=" << link.delayMs << ", mbps=" << link.mbps
        << "):" << Qt::endl;
    for (const auto& [inFlight, seconds] : runs) {
        const double floor = std::ceil(double(accounts) / inFlight) * link.delayMs / 1000.0;
        out << "  in_flight=" << inFlight << " seconds=" << QString::number(seconds, 'f', 2)
            << " floor_seconds=" << QString::number(floor, 'f', 2)
            << " ratio_vs_first=" << QString::number(seconds / runs.first().second, 'f', 2) << Qt::endl;
    }
    out << "  target: 4 in flight <= 0.3 x one at a time" << Qt::endl;
    sim.terminate();
    sim.waitForFinished(5000);
    return 0;
}
