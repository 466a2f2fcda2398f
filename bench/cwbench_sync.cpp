// cwbench_sync: pulls every company from cwconnector-sim over HTTPS into a new SQLite database through the
// sync engine (Cw::SyncEngine: forward-only pages of 1000, one transaction per page with its links and the
// resume point), then pulls again incrementally. Reports seconds, records/s and peak RSS. In the same run,
// against the same simulator, it times two references (unless --no-references): curl fetching exactly the
// URLs of our full pull (with and without fields=), and the npm client connectwise-rest paging through all
// companies (bench/reference/cwrest-pull.mjs), and prints both ratios.
//
//   cwbench_sync [--records 100000] [--page-size 1000] [--http] [--no-references] [--delay-ms MS] [--link-mbps N]
#include "BenchSupport.h"
#include "CurlReference.h"
#include "CwRestReference.h"

#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/connectwise/RequestBuilder.h"
#include "core/store/Database.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {

// GET /company/companies/count (what every pull must end with).
qint64 remoteCount(Cw::ApiClient& client, const QString& path)
{
    QEventLoop loop;
    qint64 count = -1;
    QObject::connect(client.send(Cw::ApiRequest::get(path + QStringLiteral("/count"))), &Cw::ApiCall::finished, &loop,
                     [&](const Cw::ApiResult& r) {
                         count = r.ok() ? r.object().value(QStringLiteral("count")).toInteger(-1) : -1;
                         loop.quit();
                     });
    loop.exec();
    return count;
}

// The simulator's request log (GET /_sim/requests: method, target, status; no headers, no keys).
QJsonArray simRequests(QNetworkAccessManager* nam, const Cw::RequestBuilder& builder, const QUrl& simUrl)
{
    QUrl url = simUrl;
    url.setPath(QStringLiteral("/_sim/requests"));
    QNetworkReply* reply = nam->get(builder.build(url, false, false));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).array();
}

// The targets ("/v2025_1/apis/3.0/company/companies?pageSize=...") of the successful list GETs in the log
// from entry `from` on: exactly the pages a pull asked for, as it encoded them.
QStringList pageTargets(const QJsonArray& log, qsizetype from, const QString& listPath)
{
    QStringList targets;
    for (qsizetype i = from; i < log.size(); ++i) {
        const QJsonObject entry = log.at(i).toObject();
        const QString target = entry.value(QLatin1String("target")).toString();
        if (entry.value(QLatin1String("method")).toString() == QLatin1String("GET") &&
            entry.value(QLatin1String("status")).toInt() == 200 && target.section(QLatin1Char('?'), 0, 0) == listPath &&
            !target.contains(QLatin1String("orderBy="))) { // not the last id asked before splitting into ranges
            targets << target;
        }
    }
    return targets;
}

// The simulator's own time (building each reply, not sending it) summed over the API requests from `from` on.
// Requests overlap (look-ahead, the count beside the first page), so the sum can exceed the wall time.
qint64 simulatorMs(const QJsonArray& log, qsizetype from)
{
    qint64 ms = 0;
    for (qsizetype i = from; i < log.size(); ++i) {
        const QJsonObject entry = log.at(i).toObject();
        if (entry.value(QLatin1String("target")).toString().contains(QLatin1String("/apis/3.0/"))) {
            ms += entry.value(QLatin1String("ms")).toInteger();
        }
    }
    return ms;
}

QString fixed(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

QString mib(qint64 kib)
{
    return kib < 0 ? QStringLiteral("?") : QString::number(double(kib) / 1024.0, 'f', 1);
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
    const QCommandLineOption noReferencesOption(QStringLiteral("no-references"),
                                                QStringLiteral("Skip the curl and connectwise-rest references."));
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"),
                                         QStringLiteral("The simulator's latency per reply (a modelled link)."),
                                         QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption linkOption(QStringLiteral("link-mbps"),
                                        QStringLiteral("The simulator's bandwidth shared by all connections."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({recordsOption, pageSizeOption, httpOption, noReferencesOption, delayOption, linkOption});
    parser.process(app);

    const Bench::Link link {parser.value(delayOption).toInt(), parser.value(linkOption).toInt()};
    QStringList simArgs {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--records"),
                         parser.value(recordsOption)};
    simArgs << link.simArgs();
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

    const Cw::Connection connection =
        Bench::simConnection(simUrl, parser.isSet(httpOption) ? QString() : tls + QStringLiteral("ca.pem"));
    const Cw::NetworkAccessFactory network;
    Cw::ApiClient client(network, connection);

    // Every company type, currency and country mapped, so that no record is skipped.
    Cw::ConnectorConfig config;
    config.syncOptions = {{Cw::Entity::Accounts, Cw::Operation::PullCreate, true},
                          {Cw::Entity::Accounts, Cw::Operation::PullUpdate, true}};
    for (const auto& [lookup, path] :
         {std::pair {"account_type", "company/companies/types"}, std::pair {"currency", "finance/currencies"},
          std::pair {"country", "company/countries"}}) {
        int n = 0;
        for (const QJsonValue& v : Bench::list(client, QLatin1String(path))) {
            config.lookups.append({QLatin1String(lookup), QStringLiteral("V%1").arg(n++),
                                   QString::number(v.toObject().value(QStringLiteral("id")).toInteger()), QString()});
        }
    }
    if (!Cw::ConnectorConfigRepository(database).replace(instance.id, config, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error.message));
        return 2;
    }

    QTextStream out(stdout);
    const Cw::SyncDescriptor* accounts = Cw::SyncDescriptors::find(Cw::Entity::Accounts);
    const qint64 expected = remoteCount(client, accounts->path);
    const Cw::RequestBuilder builder(connection);
    qsizetype logFrom = simRequests(client.networkAccessManager(), builder, simUrl).size();
    const qint64 rssBefore = Bench::procStatusKb("VmRSS");
    Cw::SyncEngine engine(database, &client);
    engine.setPageSize(parser.value(pageSizeOption).toInt());
    Cw::SyncRequest request;
    request.instanceId = instance.id;
    request.push = false;
    request.entities = {accounts->entity};
    int exitCode = 0;
    double oursSeconds[2] = {0, 0};
    QStringList targets;
    Bench::LinkUse oursUse;
    for (int run = 0; run < 2; ++run) {
        const char* label = run == 0 ? "full pull" : "incremental rerun";
        const QList<Bench::ThreadCpu> oursBefore = Bench::threadCpu(QCoreApplication::applicationPid());
        const QList<Bench::ThreadCpu> simBefore = Bench::threadCpu(sim.processId());
        QElapsedTimer timer;
        timer.start();
        const Cw::SyncSummary summary = engine.run(request);
        oursSeconds[run] = double(timer.nsecsElapsed()) / 1e9;
        const QString oursCpu = Bench::threadCpuDelta(oursBefore, Bench::threadCpu(QCoreApplication::applicationPid()));
        const QString simCpu = Bench::threadCpuDelta(simBefore, Bench::threadCpu(sim.processId()));
        const Cw::SyncCounts c = summary.totals();
        if (!summary.ok()) {
            out << label << " failed: " << summary.fatalError << Qt::endl;
            return 1;
        }
        out << label << ": tls=" << (parser.isSet(httpOption) ? "no" : "yes") << " created=" << c.created
            << " updated=" << c.updated << " unchanged=" << c.unchanged << " skipped=" << c.skipped
            << " seconds=" << fixed(oursSeconds[run])
            << " records/s=" << fixed(double(c.total()) / std::max(oursSeconds[run], 0.001), 0)
            << " peakRssMiB(VmHWM)=" << mib(Bench::procStatusKb("VmHWM")) << " rssBeforeMiB=" << mib(rssBefore);
        const QJsonArray log = simRequests(client.networkAccessManager(), builder, simUrl);
        out << " requests=" << (log.size() - logFrom) << " simulatorMsSum=" << simulatorMs(log, logFrom) << Qt::endl;
        out << "  cpu ms by thread: ours: " << oursCpu << "; simulator: " << simCpu << Qt::endl;
        if (run == 0) {
            // Exactly the pages the full pull asked for, before the rerun adds its own.
            const QString listPath = client.baseUrl().path() + QLatin1Char('/') + accounts->path;
            targets = pageTargets(log, logFrom, listPath);
            oursUse = Bench::LinkUse::of(log, logFrom, link);
            out << "  link use: " << oursUse.text(link) << Qt::endl;
        }
        logFrom = log.size();
    }
    const qint64 peakKib = Bench::procStatusKb("VmHWM"); // ours only: the references run in child processes
    QSqlQuery q(database.connection());
    qint64 stored = -1;
    qint64 links = -1;
    if (database.exec(QStringLiteral("SELECT COUNT(*), (SELECT COUNT(*) FROM sync_links) FROM accounts"), {}, nullptr,
                      &q) &&
        q.next()) {
        stored = q.value(0).toLongLong();
        links = q.value(1).toLongLong();
    }
    out << "accounts=" << stored << " links=" << links << " /count=" << expected << Qt::endl;
    if (stored != expected || links != expected) {
        out << "FAILED: the database does not hold every company exactly once" << Qt::endl;
        exitCode = 1;
    }

    // Both references speak HTTPS only (connectwise-rest has no http), so --http runs without them.
    const bool references = !parser.isSet(noReferencesOption) && !parser.isSet(httpOption);
    if (!parser.isSet(noReferencesOption) && parser.isSet(httpOption)) {
        out << "references skipped: they run over HTTPS only (drop --http)" << Qt::endl;
    }
    Bench::CurlRun curlFields;
    Bench::CurlRun curlFull;
    Bench::CwRestRun cwrest;
    if (references) {
        const QString curl = Bench::CurlReference::findCurl();
        if (curl.isEmpty()) {
            curlFields.error = curlFull.error = QStringLiteral("curl not found on PATH");
        } else {
            const QNetworkRequest sample = builder.build(client.baseUrl(), true, false);
            Bench::CurlReference::Headers headers;
            for (const QByteArray& name : sample.rawHeaderList()) {
                headers.append({name, sample.rawHeader(name)});
            }
            headers.append({QByteArrayLiteral("pagination-type"), QByteArrayLiteral("forward-only")});
            const Bench::CurlReference reference(curl, connection.caFile, headers);
            QStringList withFields;
            QStringList full;
            const QString origin = simUrl.toString(QUrl::RemovePath | QUrl::StripTrailingSlash);
            out << "curl fetches the " << targets.size()
                << " pages of the full pull, the first one: " << targets.value(0) << Qt::endl;
            for (const QString& target : std::as_const(targets)) {
                withFields << origin + target;
                full << origin + Bench::CurlReference::withoutQueryItem(target, QStringLiteral("fields"));
            }
            for (auto [urls, result, name] : {std::tuple {&withFields, &curlFields, "curl, same URLs (fields=)"},
                                              std::tuple {&full, &curlFull, "curl, full records (no fields=)"}}) {
                // First a checking pass (bodies counted, untimed; also warms the simulator), then the timed one.
                const Bench::CurlRun check = reference.fetch(*urls, true);
                if (!check.ok() || check.records != expected) {
                    result->error = check.ok()
                        ? QStringLiteral("%1 records, /count says %2").arg(check.records).arg(expected)
                        : check.error;
                } else {
                    *result = reference.fetch(*urls, false);
                    result->records = check.records;
                }
                out << name << ": pages=" << urls->size() << " records=" << result->records
                    << " MiB=" << mib(result->bytes / 1024) << " connections=" << result->connections
                    << " seconds=" << fixed(result->seconds)
                    << (result->ok() ? QString() : QStringLiteral(" FAILED: ") + result->error) << Qt::endl;
            }
        }
        Bench::CwRestSetup setup;
        setup.sourceDir = QStringLiteral(CW_BENCH_REFERENCE_DIR);
        setup.workDir = QStringLiteral(CW_BENCH_NODE_DIR);
        setup.server = simUrl;
        setup.caFile = connection.caFile;
        setup.companyId = connection.companyId;
        setup.publicKey = connection.publicKey;
        setup.privateKey = connection.privateKey;
        setup.clientId = connection.clientId;
        setup.pageSize = parser.value(pageSizeOption).toInt();
        cwrest = Bench::CwRestReference(setup).run();
        if (cwrest.ok() && cwrest.records != expected) {
            cwrest.error = QStringLiteral("%1 records, /count says %2").arg(cwrest.records).arg(expected);
        }
        if (cwrest.skipped) {
            out << "connectwise-rest: SKIPPED: " << cwrest.error << Qt::endl;
        } else {
            out << "connectwise-rest " << cwrest.version << " (paginate, page=N, full records, entryPoint "
                << cwrest.entryPoint << "): records=" << cwrest.records << " seconds=" << fixed(cwrest.seconds)
                << " peakRssMiB(maxRSS)=" << mib(cwrest.maxRssKiB)
                << (cwrest.ok() ? QString() : QStringLiteral(" FAILED: ") + cwrest.error) << Qt::endl;
        }
        for (const Bench::CurlRun* c : {&curlFields, &curlFull}) {
            if (!c->ok()) {
                exitCode = 1;
            }
        }
        if (!cwrest.ok() && !cwrest.skipped) {
            exitCode = 1;
        }
    }

    // The figures the targets are about, on one line each.
    out << Qt::endl << "summary (records=" << expected << "):" << Qt::endl;
    out << "  ours_seconds=" << fixed(oursSeconds[0]) << " peak_rss_mib=" << mib(peakKib)
        << " incremental_seconds=" << fixed(oursSeconds[1])
        << " incremental_pct=" << fixed(100.0 * oursSeconds[1] / std::max(oursSeconds[0], 0.001), 1) << Qt::endl;
    if (link.isModelled()) {
        const double floor = oursUse.floorSeconds(link);
        const double byConnections = oursUse.floorByConnectionsSeconds(link);
        const auto ratio = [&](double f) { return f > 0 ? fixed(oursSeconds[0] / f) : QStringLiteral("n/a"); };
        out << "  link: delay_ms=" << link.delayMs << " mbps=" << link.mbps << " in_flight=" << oursUse.peakInFlight
            << " connections=" << oursUse.connections << " ours_floor_seconds=" << fixed(floor)
            << " ratio_vs_floor=" << ratio(floor) << " floor_by_connections_seconds=" << fixed(byConnections)
            << " ratio_vs_floor_by_connections=" << ratio(byConnections) << Qt::endl;
    }
    if (references) {
        const auto ratio = [&](double reference) {
            return reference > 0 ? fixed(oursSeconds[0] / reference) : QStringLiteral("n/a");
        };
        out << "  curl_seconds_fields=" << (curlFields.ok() ? fixed(curlFields.seconds) : QStringLiteral("n/a"))
            << " curl_seconds_full=" << (curlFull.ok() ? fixed(curlFull.seconds) : QStringLiteral("n/a"))
            << " connectwise_rest_seconds=" << (cwrest.ok() ? fixed(cwrest.seconds) : QStringLiteral("n/a"))
            << " connectwise_rest_peak_mib=" << (cwrest.ok() ? mib(cwrest.maxRssKiB) : QStringLiteral("n/a"))
            << Qt::endl;
        out << "  ratio_vs_curl=" << ratio(curlFields.ok() ? curlFields.seconds : 0)
            << " ratio_vs_curl_full=" << ratio(curlFull.ok() ? curlFull.seconds : 0)
            << " ratio_vs_connectwise_rest=" << ratio(cwrest.ok() ? cwrest.seconds : 0) << Qt::endl;
        out << "  targets: ratio_vs_curl <= 2.5, ratio_vs_connectwise_rest <= 0.5, peak_rss_mib < 100, "
               "incremental_pct < 5"
            << Qt::endl;
    }
    sim.terminate();
    sim.waitForFinished(5000);
    return exitCode;
}
