#include "tests/support/SimProcess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace CwTest {

SimProcess::~SimProcess()
{
    stop();
}

bool SimProcess::start(const QStringList& arguments, int timeoutMs, const QStringList& extraEnvironment)
{
    stop();
    m_output.clear();
    m_baseUrl.clear();
    QStringList args = arguments;
    if (!args.contains(QStringLiteral("--port"))) {
        args << QStringLiteral("--port") << QStringLiteral("0");
    }
    if (!extraEnvironment.isEmpty()) {
        // On top of an environment a test may have set with process().setProcessEnvironment().
        QProcessEnvironment env = m_process.processEnvironment();
        if (env.isEmpty()) {
            env = QProcessEnvironment::systemEnvironment();
        }
        for (const QString& entry : extraEnvironment) {
            const qsizetype eq = entry.indexOf(QLatin1Char('='));
            env.insert(entry.left(eq), entry.mid(eq + 1));
        }
        m_process.setProcessEnvironment(env);
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral(CW_SIM_EXECUTABLE), args);
    if (!m_process.waitForStarted(timeoutMs)) {
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (https?://127\\.0\\.0\\.1:\\d+)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (!m_process.waitForReadyRead(100) && m_process.state() != QProcess::Running) {
            m_output += QString::fromUtf8(m_process.readAllStandardError());
            return false;
        }
        m_output += QString::fromUtf8(m_process.readAllStandardOutput());
        const QRegularExpressionMatch match = listening.match(m_output);
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    return false;
}

void SimProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

QString SimProcess::hostAndPort() const
{
    return m_baseUrl.host() + QLatin1Char(':') + QString::number(m_baseUrl.port());
}

QJsonArray SimProcess::modelViolations() const
{
    QNetworkAccessManager network;
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/_sim/violations"));
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    reply->ignoreSslErrors(); // the test certificates are self-signed
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->isFinished() ? reply->readAll() : QByteArray();
    delete reply;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray()) {
        // Unreadable counts as a violation, so that a test asserting "none" cannot pass by accident.
        return QJsonArray {QJsonObject {
            {QStringLiteral("message"), QStringLiteral("GET /_sim/violations did not answer a JSON array")}}};
    }
    return document.array();
}

QString SimProcess::describe(const QJsonArray& violations)
{
    QStringList lines;
    for (const QJsonValue& v : violations) {
        const QJsonObject o = v.toObject();
        lines.append(o.value(QLatin1String("method")).toString() + QLatin1Char(' ') +
                     o.value(QLatin1String("path")).toString() + QStringLiteral(": ") +
                     o.value(QLatin1String("message")).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

ProcessResult runProcess(const QString& program, const QStringList& arguments, const QByteArray& input,
                         const QStringList& extraEnvironment, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : extraEnvironment) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq < 0) {
            env.remove(entry);
        } else {
            env.insert(entry.left(eq), entry.mid(eq + 1));
        }
    }
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(timeoutMs)) {
        return result;
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(3000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace CwTest
