#pragma once

#include "core/check/CheckStep.h"
#include "core/config/ConnectorConfig.h"
#include "core/config/ServerVariables.h"

#include <QPointer>

namespace Cw {

class ApiClient;
class ConnectionCheck;
class RemoteListsLoader;

// Systems-check layer "Server variables": fetches the lists behind the stored server variables and fails
// when one of them is stale (deleted or inactive in ConnectWise), naming the variable, the syncs it blocks
// and the fix. Add it after the "auth" step: new ServerVariablesStep(client, config, {"auth"}, parent).
class ServerVariablesStep final : public CheckStep
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerVariablesStep)

public:
    ServerVariablesStep(ApiClient* client, ConnectorConfig config, const QStringList& dependsOn,
                        QObject* parent = nullptr);
    ~ServerVariablesStep() override;

    static QString stepId() { return QStringLiteral("server_variables"); }
    // Adds the layer to a connection's systems check (after authentication), before check.start():
    //   ConnectionCheck check(connection, SyncMatrix::checkPlanFor(config));
    //   ServerVariablesStep::addTo(check, config);
    static ServerVariablesStep* addTo(ConnectionCheck& check, const ConnectorConfig& config);
    QList<StaleVariable> stale() const { return m_stale; }

protected:
    void run() override;
    void abort() override;

private:
    ApiClient* m_client;
    ConnectorConfig m_config;
    QPointer<RemoteListsLoader> m_loader;
    QList<StaleVariable> m_stale;
};

} // namespace Cw
