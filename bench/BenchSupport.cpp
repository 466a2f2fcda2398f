#include "BenchSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>

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

} // namespace Bench
