#include "CwRestReference.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <cstdio>

namespace Bench {

namespace {

constexpr int kInstallTimeoutMs = 5 * 60 * 1000;
constexpr int kRunTimeoutMs = 10 * 60 * 1000;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Copies from -> to unless to already holds the same bytes. Returns false on a write error.
bool syncFile(const QString& from, const QString& to, bool* changed)
{
    const QByteArray bytes = readAll(from);
    if (QFile::exists(to) && readAll(to) == bytes) {
        return true;
    }
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size()) {
        return false;
    }
    *changed = true;
    return true;
}

} // namespace

CwRestReference::CwRestReference(CwRestSetup setup) : m_setup(std::move(setup)) { }

QString CwRestReference::prepare() const
{
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    const QDir source(m_setup.sourceDir);
    const QDir work(m_setup.workDir);
    if (!QDir().mkpath(work.path())) {
        return QStringLiteral("cannot create %1").arg(work.path());
    }
    bool lockChanged = false;
    bool ignored = false;
    for (const char* name : {"package.json", "package-lock.json", "cwrest-pull.mjs"}) {
        const QString file = QLatin1String(name);
        if (!source.exists(file)) {
            if (file == QLatin1String("package-lock.json")) {
                continue; // npm writes one on the first install
            }
            return QStringLiteral("%1 is missing").arg(source.filePath(file));
        }
        if (!syncFile(source.filePath(file), work.filePath(file),
                      file == QLatin1String("cwrest-pull.mjs") ? &ignored : &lockChanged)) {
            return QStringLiteral("cannot copy %1 to %2").arg(file, work.path());
        }
    }
    if (!lockChanged && work.exists(QStringLiteral("node_modules/connectwise-rest/package.json"))) {
        return QString();
    }
    fprintf(stderr, "installing connectwise-rest in %s (npm install)...\n", qPrintable(work.path()));
    QProcess install;
    install.setWorkingDirectory(work.path());
    install.setProcessChannelMode(QProcess::MergedChannels);
    install.start(npm, {QStringLiteral("install"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")});
    const bool finished = install.waitForStarted(30000) && install.waitForFinished(kInstallTimeoutMs);
    fprintf(stderr, "%s", install.readAll().constData());
    if (!finished || install.exitStatus() != QProcess::NormalExit || install.exitCode() != 0) {
        install.kill();
        install.waitForFinished(5000);
        return QStringLiteral("npm install failed in %1").arg(work.path());
    }
    return QString();
}

CwRestRun CwRestReference::run() const
{
    CwRestRun result;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (node.isEmpty() || npm.isEmpty()) {
        result.skipped = true;
        result.error = QStringLiteral("node and npm are needed for the connectwise-rest reference (Debian: apt-get "
                                      "install nodejs npm); not found on PATH");
        return result;
    }
    result.error = prepare();
    if (!result.error.isEmpty()) {
        return result;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CWREST_COMPANY_URL"),
               QStringLiteral("%1:%2").arg(m_setup.server.host()).arg(m_setup.server.port()));
    env.insert(QStringLiteral("CWREST_COMPANY_ID"), m_setup.companyId);
    env.insert(QStringLiteral("CWREST_PUBLIC_KEY"), m_setup.publicKey);
    env.insert(QStringLiteral("CWREST_PRIVATE_KEY"), m_setup.privateKey);
    env.insert(QStringLiteral("CWREST_CLIENT_ID"), m_setup.clientId);
    env.insert(QStringLiteral("CWREST_PAGE_SIZE"), QString::number(m_setup.pageSize));
    env.remove(QStringLiteral("CWREST_ENTRY_POINT")); // asked from companyinfo, as a client would
    env.insert(QStringLiteral("NODE_EXTRA_CA_CERTS"), m_setup.caFile);
    QProcess script;
    script.setProcessEnvironment(env);
    script.setWorkingDirectory(m_setup.workDir);
    script.setProcessChannelMode(QProcess::SeparateChannels);
    script.start(node, {QStringLiteral("cwrest-pull.mjs")});
    const bool finished = script.waitForStarted(30000) && script.waitForFinished(kRunTimeoutMs);
    const QByteArray err = script.readAllStandardError().trimmed();
    if (!finished || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
        script.kill();
        script.waitForFinished(5000);
        result.error = QStringLiteral("cwrest-pull.mjs failed: %1").arg(QString::fromUtf8(err));
        return result;
    }
    const QList<QByteArray> lines = script.readAllStandardOutput().trimmed().split('\n');
    QJsonParseError parseError;
    const QJsonObject line = QJsonDocument::fromJson(lines.last(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !line.contains(QLatin1String("records"))) {
        result.error =
            QStringLiteral("cwrest-pull.mjs printed no result line: %1").arg(QString::fromUtf8(lines.last()));
        return result;
    }
    result.records = line.value(QLatin1String("records")).toInteger(-1);
    result.seconds = line.value(QLatin1String("seconds")).toDouble();
    result.maxRssKiB = line.value(QLatin1String("maxRssKiB")).toInteger(-1);
    result.version = line.value(QLatin1String("version")).toString();
    result.entryPoint = line.value(QLatin1String("entryPoint")).toString();
    return result;
}

} // namespace Bench
