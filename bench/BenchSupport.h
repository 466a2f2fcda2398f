#pragma once

#include "core/connectwise/Connection.h"

#include <QJsonArray>
#include <QStringList>
#include <QUrl>

class QProcess;

namespace Cw {
class ApiClient;
}

// What every benchmark needs: peak-memory readings and a simulator to measure against.
namespace Bench {

// A /proc/self/status value in kB ("VmHWM" for the peak, "VmRSS" for now), or -1 off Linux.
qint64 procStatusKb(const char* key);

// CPU time per thread of a process (Linux /proc/PID/task/*/stat, utime + stime; empty elsewhere).
struct ThreadCpu
{
    qint64 tid = 0;
    QString name;
    qint64 ms = 0;
};
QList<ThreadCpu> threadCpu(qint64 pid);
// The CPU each thread used between two readings, by thread name ("name×N" when several share one),
// busiest first, as "name=ms".
QString threadCpuDelta(const QList<ThreadCpu>& before, const QList<ThreadCpu>& after);

// Starts cwconnector-sim with args and returns its address once it listens (empty on failure, with
// the reason on stderr). Generating 100,000 records takes a while: it waits up to two minutes.
QUrl startSim(QProcess& sim, const QStringList& args);

// A connection to that simulator with its demo keys (caFile: the test CA for HTTPS, empty for plain http).
Cw::Connection simConnection(const QUrl& simUrl, const QString& caFile);

// GET path with pageSize 1000 through client, blocking: the records (empty on failure).
QJsonArray list(Cw::ApiClient& client, const QString& path);

// A modelled link: the simulator's --delay-ms and --link-mbps (0: none).
struct Link
{
    int delayMs = 0;
    int mbps = 0;
    bool isModelled() const { return delayMs > 0 || mbps > 0; }
    QStringList simArgs() const;
};

// What a run asked of the link, from the simulator's request log (GET /_sim/requests) from an entry on: requests,
// the connections they used, the most requests the simulator had at once (from a request's arrival to the end of its
// modelled delay), the reply bytes as sent (compressed when gzip).
struct LinkUse
{
    int requests = 0;
    int connections = 0;
    int peakInFlight = 0;
    qint64 bytes = 0;
    static LinkUse of(const QJsonArray& log, qsizetype from, const Link& link);
    // The link's floor: round trips / lanes x delay + bytes / bandwidth, where the lanes are the requests the client
    // had on the wire at once (at most its connections). A client limited to 4 in flight that used 6 connections over
    // the run (one for its first page, then others) has 4 lanes: floorByConnectionsSeconds() divides by all 6.
    double floorSeconds(const Link& link) const;
    double floorByConnectionsSeconds(const Link& link) const;
    QString text(const Link& link) const;

private:
    double floorSeconds(const Link& link, int lanes) const;
};

} // namespace Bench
