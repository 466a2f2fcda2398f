#pragma once

// Runs a program again and again, each run killed with SIGKILL at a random point unless it ended before: the
// kill-and-resume tests of the command-line tool.

#include "tests/support/SyncFixture.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringList>

#include <optional>

namespace CwTest {

// The command-line tool's data directory (made; connector ids random, see SyncFixture::randomizeInstanceIds) with
// a connector "Sim" for the simulator at simUrl, added by the tool; nullopt and *error when that failed.
inline std::optional<Cw::DatabaseLocation> cliDataWithSim(const QString& dataDir, const QUrl& simUrl, QString* error)
{
    const auto location =
        QDir().mkpath(dataDir) ? Cw::DatabaseLocation::resolve(QString(), dataDir, error) : std::nullopt;
    if (!location || !SyncFixture::randomizeInstanceIds(*location, error)) {
        return std::nullopt;
    }
    const ProcessResult r =
        runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                   {QStringLiteral("--data-dir"), dataDir, QStringLiteral("instance"), QStringLiteral("add"),
                    QStringLiteral("Sim"), QStringLiteral("--company"), QStringLiteral("cwsim"),
                    QStringLiteral("--site"), simUrl.toString(), QStringLiteral("--keys-from-stdin")},
                   QByteArrayLiteral("demopublickey0001\ndemoprivatekey0001\n"),
                   {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")});
    if (r.exitCode != 0) {
        *error = QString::fromUtf8(r.err);
        return std::nullopt;
    }
    return location;
}

// `rounds` runs of program with arguments, without the CW_*_KEY variables; each killed after minMs plus a random
// part of spreadMs. Returns how many were killed, or -1 when a run did not start or did not end after its kill.
inline int killAtRandomPoints(const QString& program, const QStringList& arguments, int rounds, int minMs, int spreadMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CW_PUBLIC_KEY"));
    environment.remove(QStringLiteral("CW_PRIVATE_KEY"));
    int killed = 0;
    for (int round = 0; round < rounds; ++round) {
        QProcess p;
        p.setProcessEnvironment(environment);
        p.start(program, arguments);
        if (!p.waitForStarted(30000)) {
            return -1;
        }
        const int delayMs = minMs + static_cast<int>(QRandomGenerator::global()->bounded(spreadMs));
        if (!p.waitForFinished(delayMs)) {
            p.kill(); // SIGKILL
            ++killed;
            if (!p.waitForFinished(60000)) {
                return -1;
            }
        }
    }
    return killed;
}

} // namespace CwTest
