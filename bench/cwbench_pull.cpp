// cwbench_pull: pulls every company from cwconnector-sim over HTTPS through Cw::Pager and reports records,
// seconds, records/s and peak RSS, to show that memory stays bounded by about one page whatever the total.
//
//   cwbench_pull [--records 100000] [--page-size 1000] [--mode forward-only|navigable] [--http] [--runs 1]
//                [--ahead 2]
#include "BenchSupport.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/CountQuery.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/connectwise/Pager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pull all companies from cwconnector-sim through Cw::Pager."));
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"), QStringLiteral("Companies in the simulator."),
                                           QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption pageSizeOption(QStringLiteral("page-size"), QStringLiteral("Records per page."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("forward-only or navigable."),
                                        QStringLiteral("MODE"), QStringLiteral("forward-only"));
    const QCommandLineOption httpOption(QStringLiteral("http"), QStringLiteral("Plain http instead of HTTPS."));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Pulls in a row (same process)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption aheadOption(QStringLiteral("ahead"), QStringLiteral("Pager::setPagesAhead (1..4)."),
                                         QStringLiteral("N"), QString::number(Cw::Pager::kDefaultAhead));
    parser.addOptions({recordsOption, pageSizeOption, modeOption, httpOption, runsOption, aheadOption});
    parser.process(app);

    const QString records = parser.value(recordsOption);
    QStringList simArgs {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--records"), records};
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

    const Cw::Connection connection =
        Bench::simConnection(simUrl, parser.isSet(httpOption) ? QString() : tls + QStringLiteral("ca.pem"));
    const Cw::NetworkAccessFactory network;
    Cw::ApiClient client(network, connection);

    Cw::PageQuery query;
    query.path = Cw::Endpoints::companies();
    query.pageSize = parser.value(pageSizeOption).toInt();
    query.mode = parser.value(modeOption) == QLatin1String("navigable") ? Cw::PageQuery::Mode::Navigable
                                                                        : Cw::PageQuery::Mode::ForwardOnly;

    QTextStream out(stdout);
    const qint64 rssBefore = Bench::procStatusKb("VmRSS");
    int exitCode = 0;
    const int runs = std::max(1, parser.value(runsOption).toInt());
    for (int run = 1; run <= runs; ++run) {
        QEventLoop loop;
        qint64 expected = -1;
        Cw::CountQuery* count = Cw::CountQuery::start(&client, query);
        QObject::connect(count, &Cw::CountQuery::finished, &loop, [&](const Cw::CountResult& r) {
            expected = r.count;
            loop.quit();
        });
        loop.exec();

        Cw::Pager pager(&client, query);
        pager.setPagesAhead(parser.value(aheadOption).toInt());
        qint64 idSum = 0;
        qint64 largestPage = 0;
        QObject::connect(&pager, &Cw::Pager::pageReady, &loop, [&](const Cw::Page& page) {
            largestPage = std::max<qint64>(largestPage, page.records.size());
            for (const QJsonValue& v : page.records) {
                idSum += qint64(v.toObject().value(QLatin1String("id")).toDouble()); // touch every record
            }
        });
        Cw::PagerResult result;
        QObject::connect(&pager, &Cw::Pager::finished, &loop, [&](const Cw::PagerResult& r) {
            result = r;
            loop.quit();
        });
        QElapsedTimer timer;
        timer.start();
        pager.start();
        loop.exec();
        const double seconds = double(timer.elapsed()) / 1000.0;
        if (!result.ok()) {
            out << "run " << run << " failed: " << result.error.summary() << Qt::endl;
            exitCode = 1;
            break;
        }
        if (result.records != expected) {
            out << "run " << run << ": pulled " << result.records << " but /count says " << expected << Qt::endl;
            exitCode = 1;
        }
        out << "run " << run << ": mode=" << parser.value(modeOption) << " pageSize=" << query.pageSize
            << " ahead=" << pager.pagesAheadLimit() << " tls=" << (parser.isSet(httpOption) ? "no" : "yes")
            << " records=" << result.records << " pages=" << result.pages
            << " seconds=" << QString::number(seconds, 'f', 2)
            << " records/s=" << QString::number(double(result.records) / std::max(seconds, 0.001), 'f', 0)
            << " peakRssMiB(VmHWM)=" << QString::number(double(Bench::procStatusKb("VmHWM")) / 1024.0, 'f', 1)
            << " rssBeforeMiB=" << QString::number(double(rssBefore) / 1024.0, 'f', 1) << " largestPage=" << largestPage
            << " (checksum " << idSum << ")" << Qt::endl;
    }
    sim.terminate();
    sim.waitForFinished(5000);
    return exitCode;
}
