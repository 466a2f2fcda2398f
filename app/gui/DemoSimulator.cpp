#include "app/gui/DemoSimulator.h"

#include "core/setup/SetupLog.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace Cw {

DemoSimulator::DemoSimulator(QObject* parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoSimulator::onOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (!isReady()) {
            emit failed(tr("The ConnectWise simulator could not be started: %1").arg(m_process.errorString()));
        }
    });
}

DemoSimulator::~DemoSimulator()
{
    stop();
}

QString DemoSimulator::companyId()
{
    return QStringLiteral("cwsim");
}

ApiKeyPair DemoSimulator::keys()
{
    return ApiKeyPair {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")};
}

QString DemoSimulator::findExecutable(const QString& applicationDir)
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("cwconnector-sim.exe");
#else
    const QString name = QStringLiteral("cwconnector-sim");
#endif
    const QDir dir(applicationDir);
    const QStringList candidates {dir.filePath(QStringLiteral("../sim/") + name), dir.filePath(name)};
    for (const QString& candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable()) {
            return info.canonicalFilePath();
        }
    }
    return QString();
}

void DemoSimulator::start(const QString& executable)
{
    // The demo keys are the simulator's defaults; make sure the environment does not change them.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CWSIM_PUBLIC_KEY"));
    environment.remove(QStringLiteral("CWSIM_PRIVATE_KEY"));
    m_process.setProcessEnvironment(environment);
    m_process.start(executable,
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--company"), companyId()});
}

void DemoSimulator::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

void DemoSimulator::onOutput()
{
    m_buffer += m_process.readAllStandardOutput();
    if (isReady()) {
        return;
    }
    const int at = m_buffer.indexOf("http://127.0.0.1:");
    const int end = m_buffer.indexOf('\n', at);
    if (at < 0 || end < 0) {
        return;
    }
    m_settings.url = QUrl(QString::fromUtf8(m_buffer.mid(at, end - at)).trimmed());
    m_settings.companyId = companyId();
    m_settings.keys = keys();
    qCInfo(lcSetup) << "demo simulator listening on" << m_settings.url.toString();
    emit ready(m_settings);
}

} // namespace Cw
