#include "core/check/CheckFindings.h"

#include "core/check/ServerVariablesStep.h"
#include "core/store/Database.h"

#include <QSqlQuery>

namespace Cw {

CheckFindings::CheckFindings(Database& database) : m_database(database) { }

QList<CheckFinding> CheckFindings::from(const CheckSummary& summary, const QList<StaleVariable>& stale)
{
    QList<CheckFinding> findings;
    for (const CheckResult& result : summary.results) {
        if (result.status != CheckResult::Status::Failed && result.status != CheckResult::Status::Warning) {
            continue;
        }
        if (result.id == ServerVariablesStep::stepId() && !stale.isEmpty()) {
            continue; // one finding per stale variable below, each with its own fix
        }
        findings.append(
            {result.id, CheckResult::statusName(result.status), result.title, result.diagnosis, result.fix, QString()});
    }
    for (const StaleVariable& variable : stale) {
        findings.append({ServerVariablesStep::stepId(), CheckResult::statusName(CheckResult::Status::Failed),
                         ServerVariables::info(variable.key).title, variable.reason, variable.fix, variable.key});
    }
    return findings;
}

bool CheckFindings::record(qint64 instanceId, const CheckSummary& summary, const QList<StaleVariable>& stale,
                           StoreError* error)
{
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error) ||
        !m_database.exec(QStringLiteral("DELETE FROM check_findings WHERE instance_id = ?"), {instanceId}, error)) {
        return false;
    }
    int position = 0;
    for (const CheckFinding& f : from(summary, stale)) {
        if (!m_database.exec(QStringLiteral("INSERT INTO check_findings (instance_id, position, step_id, status, title,"
                                            " diagnosis, fix, variable) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                             {instanceId, position++, f.stepId, f.status, f.title, f.diagnosis, f.fix, f.variable},
                             error)) {
            return false;
        }
    }
    return transaction.commit(error);
}

QList<CheckFinding> CheckFindings::load(qint64 instanceId, StoreError* error) const
{
    QList<CheckFinding> findings;
    QSqlQuery q;
    if (!m_database.exec(QStringLiteral("SELECT step_id, status, title, diagnosis, fix, variable FROM check_findings"
                                        " WHERE instance_id = ? ORDER BY position"),
                         {instanceId}, error, &q)) {
        return findings;
    }
    while (q.next()) {
        findings.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString()});
    }
    return findings;
}

} // namespace Cw
