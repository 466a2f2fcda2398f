#pragma once

#include "core/check/CheckResult.h"
#include "core/check/ConnectionCheck.h"
#include "core/config/ConnectorSession.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

namespace Cw {

class Database;
class ServerVariablesStep;

// Step 16 and the connector window's Check: runs the layered systems check of an open connector (the plan of
// ConnectorCheck, the same as the CLI's `check`), records its outcome on the instance, keeps the pulled members,
// and writes the redacted support report to a file. Retry starts a fresh run; cancel stops the running one.
class CheckRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckRunner)

public:
    // database may be null (nothing recorded); instanceId 0 = an unsaved connection.
    explicit CheckRunner(Database* database = nullptr, QObject* parent = nullptr);
    ~CheckRunner() override;

    // Retry runs again in the same session (its governor and company info).
    void start(const ConnectorSession& session, qint64 instanceId = 0);
    void retry();
    void cancel();
    bool isRunning() const { return m_running; }
    bool hasResult() const { return m_hasResult; }
    CheckSummary summary() const { return m_summary; }
    QList<Member> members() const { return m_members; }

    // Writes CheckReport::toText() of the last run; false with *error (translated) when it cannot.
    bool saveReport(const QString& filePath, QString* error) const;
    QString reportText() const;

signals:
    void started();
    void stepFinished(const Cw::CheckResult& result);
    void finished(const Cw::CheckSummary& summary);

private:
    void onFinished(const CheckSummary& summary);

    Database* m_database;
    std::optional<ConnectorSession> m_session;
    qint64 m_instanceId = 0;
    QPointer<ConnectionCheck> m_check;
    QPointer<ServerVariablesStep> m_variables;
    CheckSummary m_summary;
    QString m_report;
    QList<Member> m_members;
    bool m_running = false;
    bool m_hasResult = false;
};

} // namespace Cw
