#pragma once

#include "core/check/CheckResult.h"
#include "core/config/ServerVariables.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QList>

namespace Cw {

class Database;

// One thing the last systems check of a connector found wrong: a layer that failed or warned, or a stored server
// variable that ConnectWise no longer has (variable set, stepId "server_variables").
struct CheckFinding
{
    QString stepId; // CheckResult::id
    QString status; // CheckResult::statusName: failed | warning
    QString title; // translated when it was recorded
    QString diagnosis;
    QString fix;
    QString variable; // a stale server variable's key, else empty
};

// What each connector's last systems check found (table check_findings): replaced by every check that ran to
// its end, read by the connector window (ConnectorStatus) without asking ConnectWise again.
class CheckFindings final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CheckFindings)

public:
    explicit CheckFindings(Database& database);

    // Replaces the connector's findings with the summary's failed and warning layers and the stale variables.
    bool record(qint64 instanceId, const CheckSummary& summary, const QList<StaleVariable>& stale,
                StoreError* error = nullptr);
    QList<CheckFinding> load(qint64 instanceId, StoreError* error = nullptr) const;

    // The findings of a summary, in order (what record() writes).
    static QList<CheckFinding> from(const CheckSummary& summary, const QList<StaleVariable>& stale);

private:
    Database& m_database;
};

} // namespace Cw
