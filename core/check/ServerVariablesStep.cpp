#include "core/check/ServerVariablesStep.h"

#include "core/check/ConnectionCheck.h"
#include "core/check/SystemsCheck.h"
#include "core/config/ConfigNames.h"
#include "core/config/RemoteListsLoader.h"

namespace Cw {

ServerVariablesStep::ServerVariablesStep(ApiClient* client, ConnectorConfig config, const QStringList& dependsOn,
                                         QObject* parent)
    : CheckStep(stepId(), tr("Server variables"), dependsOn, parent), m_client(client), m_config(std::move(config))
{ }

ServerVariablesStep::~ServerVariablesStep() = default;

ServerVariablesStep* ServerVariablesStep::addTo(ConnectionCheck& check, const ConnectorConfig& config)
{
    auto* step = new ServerVariablesStep(check.client(), config, {QStringLiteral("auth")});
    check.check()->addStep(step);
    return step;
}

void ServerVariablesStep::run()
{
    QStringList kinds;
    for (const ServerVariable& v : m_config.serverVariables) {
        const QString kind = ServerVariables::info(v.key).kind;
        if (!kind.isEmpty() && !kinds.contains(kind)) {
            kinds.append(kind);
        }
    }
    m_loader = new RemoteListsLoader(m_client, this);
    connect(m_loader, &RemoteListsLoader::finished, this, [this](const ApiError& error) {
        m_loader->deleteLater();
        if (!error.isOk()) {
            fail(tr("Could not read the %1 to check the server variables: %2")
                     .arg(RemoteLists::displayName(m_loader->failedKind()), error.message()),
                 error.fix());
            return;
        }
        m_stale = ServerVariables::staleVariables(m_config, m_loader->lists());
        if (m_stale.isEmpty()) {
            pass(tr("%n stored server variable(s) exist and are active in ConnectWise.", nullptr,
                    static_cast<int>(m_config.serverVariables.size())));
            return;
        }
        QStringList reasons;
        QStringList fixes;
        for (const StaleVariable& s : m_stale) {
            QStringList blocked;
            for (const auto& [entity, operation] : ServerVariables::usedBy(s.key)) {
                blocked.append(nameOf(entity) + QLatin1Char('.') + nameOf(operation));
            }
            reasons.append(tr("%1 (%2); blocks %3").arg(s.reason, s.key, blocked.join(QLatin1String(", "))));
            fixes.append(s.fix);
        }
        fail(reasons.join(QLatin1Char('\n')), fixes.join(QLatin1Char('\n')), QString(),
             QStringLiteral("staleVariable"));
    });
    m_loader->start(kinds);
}

void ServerVariablesStep::abort()
{
    if (m_loader) {
        m_loader->cancel();
    }
}

} // namespace Cw
