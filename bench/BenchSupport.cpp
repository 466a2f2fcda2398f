#include "BenchSupport.h"

#include "core/connectwise/ApiClient.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unistd.h>
#include <vector>

namespace Bench {

qint64 procStatusKb(const char* key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = QByteArray(key) + ':';
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

QList<ThreadCpu> threadCpu(qint64 pid)
{
    QList<ThreadCpu> threads;
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    const QStringList tids = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& tid : tids) {
        QFile stat(taskDir + QLatin1Char('/') + tid + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray line = stat.readAll();
        // "tid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            continue;
        }
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 13 || ticksPerSecond <= 0) {
            continue;
        }
        // After the comm: state(0) ... utime(11) stime(12).
        const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
        threads.append(
            {tid.toLongLong(), QString::fromUtf8(line.mid(open + 1, close - open - 1)), ticks * 1000 / ticksPerSecond});
    }
    return threads;
}

QString threadCpuDelta(const QList<ThreadCpu>& before, const QList<ThreadCpu>& after)
{
    QMap<qint64, qint64> start;
    for (const ThreadCpu& t : before) {
        start.insert(t.tid, t.ms);
    }
    QMap<QString, QPair<qint64, int>> byName; // name -> (ms, threads)
    for (const ThreadCpu& t : after) {
        const qint64 ms = t.ms - start.value(t.tid, 0);
        if (ms > 0) {
            auto& entry = byName[t.name];
            entry.first += ms;
            entry.second += 1;
        }
    }
    QList<QPair<qint64, QString>> rows;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        const QString name = QString(it.key()).replace(QLatin1Char(' '), QLatin1Char('_'));
        rows.append({it.value().first,
                     it.value().second > 1 ? QStringLiteral("%1x%2").arg(name).arg(it.value().second) : name});
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList parts;
    for (const auto& [ms, name] : rows) {
        parts << QStringLiteral("%1=%2").arg(name).arg(ms);
    }
    return parts.join(QLatin1Char(' '));
}

QUrl startSim(QProcess& sim, const QStringList& args)
{
    sim.setProcessChannelMode(QProcess::SeparateChannels);
    sim.start(QStringLiteral(CW_SIM_EXECUTABLE), args);
    if (!sim.waitForStarted(10000)) {
        return QUrl();
    }
    static const QRegularExpression listening(QStringLiteral("listening on (https?://127\\.0\\.0\\.1:\\d+)"));
    QString output;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) {
        sim.waitForReadyRead(200);
        output += QString::fromUtf8(sim.readAllStandardOutput());
        const QRegularExpressionMatch match = listening.match(output);
        if (match.hasMatch()) {
            return QUrl(match.captured(1));
        }
        if (sim.state() != QProcess::Running) {
            break;
        }
    }
    fprintf(stderr, "simulator did not start: %s\n", qPrintable(QString::fromUtf8(sim.readAllStandardError())));
    return QUrl();
}

Cw::Connection simConnection(const QUrl& simUrl, const QString& caFile)
{
    Cw::Connection connection;
    connection.site = *Cw::Site::parse(simUrl.toString()).site;
    connection.companyId = QStringLiteral("cwsim");
    connection.clientId = QStringLiteral("9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    connection.publicKey = QStringLiteral("demopublickey0001");
    connection.privateKey = QStringLiteral("demoprivatekey0001");
    connection.proxy.mode = Cw::ProxySettings::Mode::None;
    connection.caFile = caFile;
    return connection;
}

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

QStringList Link::simArgs() const
{
    QStringList args;
    if (delayMs > 0) {
        args << QStringLiteral("--delay-ms") << QString::number(delayMs);
    }
    if (mbps > 0) {
        args << QStringLiteral("--link-mbps") << QString::number(mbps);
    }
    return args;
}

LinkUse LinkUse::of(const QJsonArray& log, qsizetype from, const Link& link)
{
    LinkUse use;
    QSet<int> connections;
    std::vector<std::pair<qint64, int>> events; // (ms, +1 arrival / -1 end of the delay), ends first at a tie
    for (qsizetype i = from; i < log.size(); ++i) {
        const QJsonObject entry = log.at(i).toObject();
        ++use.requests;
        use.bytes += entry.value(QLatin1String("bytes")).toInteger();
        connections.insert(entry.value(QLatin1String("connection")).toInt());
        // "time" is when the reply was built; "ms" the building time plus the delay.
        const qint64 built =
            QDateTime::fromString(entry.value(QLatin1String("time")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        const qint64 ms = entry.value(QLatin1String("ms")).toInteger();
        events.emplace_back(built - std::max<qint64>(0, ms - link.delayMs), 1);
        events.emplace_back(built + std::min<qint64>(ms, link.delayMs), -1);
    }
    std::sort(events.begin(), events.end());
    int inFlight = 0;
    for (const auto& event : events) {
        inFlight += event.second;
        use.peakInFlight = std::max(use.peakInFlight, inFlight);
    }
    use.connections = static_cast<int>(connections.size());
    return use;
}

double LinkUse::floorSeconds(const Link& link, int lanes) const
{
    const double roundTrips = lanes > 0 ? std::ceil(double(requests) / lanes) : 0;
    const double transfer = link.mbps > 0 ? double(bytes) * 8.0 / (double(link.mbps) * 1e6) : 0;
    return roundTrips * link.delayMs / 1000.0 + transfer;
}

double LinkUse::floorSeconds(const Link& link) const
{
    return floorSeconds(link, peakInFlight > 0 ? std::min(connections, peakInFlight) : connections);
}

double LinkUse::floorByConnectionsSeconds(const Link& link) const
{
    return floorSeconds(link, connections);
}

QString LinkUse::text(const Link& link) const
{
    return QStringLiteral("requests=%1 connections=%2 peak_in_flight=%3 MiB_sent=%4 floor_seconds=%5 "
                          "floor_seconds_by_connections=%6")
        .arg(requests)
        .arg(connections)
        .arg(peakInFlight)
        .arg(QString::number(double(bytes) / 1048576.0, 'f', 1), QString::number(floorSeconds(link), 'f', 2),
             QString::number(floorByConnectionsSeconds(link), 'f', 2));
}

} // namespace Bench
