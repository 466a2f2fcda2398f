#include "core/check/ConnectorCheck.h"

#include "core/check/ServerVariablesStep.h"
#include "core/config/SyncMatrix.h"

namespace Cw {

CheckPlan ConnectorCheck::planFor(const ConnectorConfig* config)
{
    bool anyOption = false;
    for (const SyncOption& option : config ? config->syncOptions : QList<SyncOption>()) {
        anyOption = anyOption || option.enabled;
    }
    return anyOption ? SyncMatrix::checkPlanFor(*config) : CheckPlan::full();
}

std::unique_ptr<ConnectionCheck> ConnectorCheck::make(const ConnectorSession& session, const ConnectorConfig* config)
{
    auto check = std::make_unique<ConnectionCheck>(session, planFor(config));
    if (config) {
        ServerVariablesStep::addTo(*check, *config);
    }
    return check;
}

} // namespace Cw
