#include "CurlReference.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Bench {

namespace {

constexpr int kCurlTimeoutMs = 10 * 60 * 1000;

// A value for a curl config file: double-quoted, with the config file's escapes.
QByteArray quoted(const QByteArray& value)
{
    QByteArray out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + '"';
}

} // namespace

QString CurlReference::findCurl()
{
    return QStandardPaths::findExecutable(QStringLiteral("curl"));
}

CurlReference::CurlReference(QString curl, QString caFile, Headers headers)
    : m_curl(std::move(curl)), m_caFile(std::move(caFile)), m_headers(std::move(headers))
{ }

QString CurlReference::withoutQueryItem(const QString& target, const QString& name)
{
    const qsizetype question = target.indexOf(QLatin1Char('?'));
    if (question < 0) {
        return target;
    }
    QStringList kept;
    const QStringList items = target.mid(question + 1).split(QLatin1Char('&'));
    for (const QString& item : items) {
        if (item.section(QLatin1Char('='), 0, 0).compare(name, Qt::CaseInsensitive) != 0) {
            kept << item;
        }
    }
    QString out = target.left(question);
    if (!kept.isEmpty()) {
        out += QLatin1Char('?') + kept.join(QLatin1Char('&'));
    }
    return out;
}

CurlRun CurlReference::fetch(const QStringList& urls, bool countRecords) const
{
    CurlRun run;
    QTemporaryDir dir; // 0700
    if (!dir.isValid()) {
        run.error = QStringLiteral("no temporary directory: %1").arg(dir.errorString());
        return run;
    }
    // The config holds the Authorization header: created empty with owner-only permissions, then written.
    QFile config(dir.filePath(QStringLiteral("curl.conf")));
    if (!config.open(QIODevice::WriteOnly) ||
        !config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        run.error = QStringLiteral("cannot write the curl config: %1").arg(config.errorString());
        return run;
    }
    QByteArray text = "silent\nshow-error\ngloboff\n"
                      "cacert = " +
        quoted(m_caFile.toUtf8()) +
        "\n"
        // One line per transfer on stderr: status, new connections, body bytes.
        "write-out = \"%{stderr}%{http_code} %{num_connects} %{size_download}\\n\"\n";
    for (const auto& [name, value] : m_headers) {
        text += "header = " + quoted(name + ": " + value) + '\n';
    }
    for (const QString& url : urls) {
        text += "url = " + quoted(url.toUtf8()) + '\n';
    }
    if (config.write(text) != text.size() || !config.flush()) {
        run.error = QStringLiteral("cannot write the curl config: %1").arg(config.errorString());
        return run;
    }
    config.close();

    QProcess curl;
    curl.setProcessChannelMode(QProcess::SeparateChannels);
    if (!countRecords) {
        curl.setStandardOutputFile(QProcess::nullDevice());
    }
    JsonElementCounter counter;
    QElapsedTimer timer;
    timer.start();
    curl.start(m_curl, {QStringLiteral("--config"), config.fileName()});
    if (!curl.waitForStarted(30000)) {
        run.error = QStringLiteral("curl did not start: %1").arg(curl.errorString());
        return run;
    }
    if (countRecords) {
        while (curl.waitForReadyRead(kCurlTimeoutMs)) {
            counter.feed(curl.readAllStandardOutput());
        }
    }
    const bool finished = curl.state() == QProcess::NotRunning || curl.waitForFinished(kCurlTimeoutMs);
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (countRecords) {
        counter.feed(curl.readAllStandardOutput());
        run.records = counter.balanced() ? counter.count() : -1;
    }
    if (!finished) {
        curl.kill();
        curl.waitForFinished(5000);
        run.error = QStringLiteral("curl did not finish in time");
        return run;
    }
    const QList<QByteArray> lines = curl.readAllStandardError().split('\n');
    QByteArray firstProblem;
    for (const QByteArray& line : lines) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() != 3) {
            if (!line.trimmed().isEmpty() && firstProblem.isEmpty()) {
                firstProblem = line.trimmed(); // curl's own error message
            }
            continue;
        }
        ++run.transfers;
        run.connections += parts.at(1).toInt();
        run.bytes += parts.at(2).toLongLong();
        if (parts.at(0) != "200" && firstProblem.isEmpty()) {
            firstProblem = "HTTP " + parts.at(0) + " on transfer " + QByteArray::number(run.transfers);
        }
    }
    if (curl.exitStatus() != QProcess::NormalExit || curl.exitCode() != 0) {
        run.error = QStringLiteral("curl exited with %1: %2").arg(curl.exitCode()).arg(QString::fromUtf8(firstProblem));
    } else if (!firstProblem.isEmpty()) {
        run.error = QString::fromUtf8(firstProblem);
    } else if (run.transfers != urls.size()) {
        run.error = QStringLiteral("curl reported %1 transfers for %2 URLs").arg(run.transfers).arg(urls.size());
    } else if (countRecords && run.records < 0) {
        run.error = QStringLiteral("the bodies were not complete JSON arrays");
    }
    return run;
}

void JsonElementCounter::feed(const QByteArray& bytes)
{
    for (const char c : bytes) {
        if (m_inString) {
            if (m_escape) {
                m_escape = false;
            } else if (c == '\\') {
                m_escape = true;
            } else if (c == '"') {
                m_inString = false;
            }
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        }
        if (m_expectElement && m_depth == 1 && c != ']') {
            ++m_count;
        }
        m_expectElement = false;
        switch (c) {
        case '"':
            m_inString = true;
            break;
        case '[':
        case '{':
            ++m_depth;
            m_expectElement = c == '[' && m_depth == 1;
            break;
        case ']':
        case '}':
            --m_depth;
            break;
        case ',':
            m_expectElement = m_depth == 1;
            break;
        default:
            break;
        }
    }
}

} // namespace Bench
