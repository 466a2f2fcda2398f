#include "core/setup/CheckRunner.h"

#include "core/check/CheckFindings.h"
#include "core/check/ConnectorCheck.h"
#include "core/check/ServerVariablesStep.h"
#include "core/check/SystemsCheck.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/setup/SetupLog.h"

#include <QFile>
#include <QSaveFile>

namespace Cw {

CheckRunner::CheckRunner(Database* database, QObject* parent) : QObject(parent), m_database(database) { }

CheckRunner::~CheckRunner()
{
    if (m_check) {
        m_check->disconnect(this);
        m_check->cancel();
    }
}

void CheckRunner::start(const ConnectorSession& session, qint64 instanceId)
{
    m_session = session;
    m_instanceId = instanceId;
    retry();
}

void CheckRunner::retry()
{
    if (!m_session) {
        return; // nothing started yet
    }
    if (m_check) {
        m_check->disconnect(this);
        m_check->cancel();
        m_check->deleteLater();
    }
    m_running = true;
    m_members.clear();
    // The same plan as `cwconnector-cli check`: the saved configuration decides which modules are probed.
    std::optional<ConnectorConfig> config;
    if (m_database && m_instanceId != 0) {
        config = ConnectorConfigRepository(*m_database).load(m_instanceId);
    }
    m_check = ConnectorCheck::make(*m_session, config ? &*config : nullptr).release();
    m_check->setParent(this);
    // The stale-variable layer (present with a saved configuration): its findings are kept for the home view.
    m_variables = m_check->findChild<ServerVariablesStep*>();
    connect(m_check->check(), &SystemsCheck::stepFinished, this, &CheckRunner::stepFinished);
    connect(m_check, &ConnectionCheck::finished, this, &CheckRunner::onFinished);
    emit started();
    m_check->start();
}

void CheckRunner::cancel()
{
    if (m_check && m_running) {
        m_check->cancel();
    }
}

void CheckRunner::onFinished(const CheckSummary& summary)
{
    m_running = false;
    m_hasResult = true;
    m_summary = summary;
    m_members = m_check ? m_check->members() : QList<Member>();
    m_report = m_check ? m_check->report().toText() : QString();
    if (m_database && m_instanceId != 0 && !summary.cancelled) {
        InstanceRepository repository(*m_database);
        StoreError error;
        if (!repository.recordCheck(m_instanceId, summary.passed(), &error) ||
            !CheckFindings(*m_database)
                 .record(m_instanceId, summary, m_variables ? m_variables->stale() : QList<StaleVariable>(), &error)) {
            qCWarning(lcSetup) << "could not record the check:" << error.message;
        }
    }
    emit finished(summary);
}

QString CheckRunner::reportText() const
{
    return m_report;
}

bool CheckRunner::saveReport(const QString& filePath, QString* error) const
{
    if (!m_hasResult) {
        *error = tr("Save report: run the check first.");
        return false;
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = tr("Save report: cannot write %1 (%2); choose another folder.").arg(filePath, file.errorString());
        return false;
    }
    file.write(m_report.toUtf8());
    if (!file.commit()) {
        *error = tr("Save report: cannot write %1 (%2); choose another folder.").arg(filePath, file.errorString());
        return false;
    }
    return true;
}

} // namespace Cw
