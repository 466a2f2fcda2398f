#pragma once

#include "app/sim/HttpMessage.h"
#include "app/sim/SimConfig.h"

namespace Sim {

// The simulated ConnectWise service: maps a request to the reply the real service would give.
// Transport-free, so it can be tested and reused behind any server.
class Simulator final
{
public:
    explicit Simulator(SimConfig config);

    HttpResponse handle(const HttpRequest& request);

    const SimConfig& config() const { return m_config; }

private:
    HttpResponse companyInfo(const HttpRequest& request, const QString& companyId) const;

    SimConfig m_config;
};

} // namespace Sim
