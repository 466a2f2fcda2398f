#pragma once

// Runs a program again and again, each run killed with SIGKILL at a random point unless it ended before: the
// kill-and-resume tests of the command-line tool.

#include "tests/support/SyncFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringList>

#include <optional>

namespace CwTest {

// The command-line tool's data directory (made; connector ids random, see SyncFixture::randomizeInstanceIds) with
// a connector "Sim" for the simulator at simUrl, added by the tool (with extraArgs, e.g. --ca-file); nullopt and
// *error when that failed.
inline std::optional<Cw::DatabaseLocation> cliDataWithSim(const QString& dataDir, const QUrl& simUrl, QString* error,
                                                          const QStringList& extraArgs = {})
{
    const auto location =
        QDir().mkpath(dataDir) ? Cw::DatabaseLocation::resolve(QString(), dataDir, error) : std::nullopt;
    if (!location || !SyncFixture::randomizeInstanceIds(*location, error)) {
        return std::nullopt;
    }
    const ProcessResult r = runProcess(
        QStringLiteral(CW_CLI_EXECUTABLE),
        QStringList {QStringLiteral("--data-dir"), dataDir, QStringLiteral("instance"), QStringLiteral("add"),
                     QStringLiteral("Sim"), QStringLiteral("--company"), QStringLiteral("cwsim"),
                     QStringLiteral("--site"), simUrl.toString(), QStringLiteral("--keys-from-stdin")} +
            extraArgs,
        QByteArrayLiteral("demopublickey0001\ndemoprivatekey0001\n"),
        {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")});
    if (r.exitCode != 0) {
        *error = QString::fromUtf8(r.err);
        return std::nullopt;
    }
    return location;
}

// cliDataWithSim() for f's simulator, then f attached to that database and its connector "Sim" (f.instanceId) and
// configured (SyncFixture::configure): the set-up of the kill-and-resume tests. nullopt and *error when it failed.
inline std::optional<Cw::DatabaseLocation> cliConnectorFor(SyncFixture& f, const QString& dataDir, QString* error)
{
    const auto location = cliDataWithSim(dataDir, f.sim.baseUrl(), error);
    if (!location) {
        return std::nullopt;
    }
    if (!f.attach(*location, 0)) {
        *error = f.error;
        return std::nullopt;
    }
    f.instanceId = f.instanceIdByName(QStringLiteral("Sim"));
    if (!f.configure()) {
        *error = f.error;
        return std::nullopt;
    }
    return location;
}

// `rounds` runs of program with arguments, without the CW_*_KEY variables; each killed with SIGKILL once the
// simulator at simUrl has counted minRequests plus a random part of spreadRequests API requests since the run
// started, unless the run ended before. Counted, not timed, so that a fast machine does not finish a run before its
// kill and a slow one does not kill it before its first request. Returns how many runs were killed, or -1 when a
// run did not start, or did not end in time or after its kill.
inline int killAfterRandomRequests(const QString& program, const QStringList& arguments, const QUrl& simUrl, int rounds,
                                   int minRequests, int spreadRequests)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CW_PUBLIC_KEY"));
    environment.remove(QStringLiteral("CW_PRIVATE_KEY"));
    const auto apiRequests = [&simUrl] {
        return simControl(simUrl, QStringLiteral("/_sim/state"))
            .object()
            .value(QLatin1String("apiRequestCount"))
            .toInteger();
    };
    int killed = 0;
    for (int round = 0; round < rounds; ++round) {
        const qint64 killAt =
            apiRequests() + minRequests + static_cast<qint64>(QRandomGenerator::global()->bounded(spreadRequests));
        QProcess p;
        p.setProcessEnvironment(environment);
        p.start(program, arguments);
        if (!p.waitForStarted(30000)) {
            return -1;
        }
        QElapsedTimer running;
        running.start();
        while (!p.waitForFinished(5)) {
            if (running.elapsed() > 120000) {
                p.kill();
                p.waitForFinished(10000);
                return -1;
            }
            if (apiRequests() >= killAt) {
                p.kill(); // SIGKILL
                ++killed;
                if (!p.waitForFinished(60000)) {
                    return -1;
                }
                break;
            }
        }
    }
    return killed;
}

} // namespace CwTest
