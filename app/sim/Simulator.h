#pragma once

#include "app/sim/ApiRouter.h"
#include "app/sim/Auth.h"
#include "app/sim/ControlApi.h"
#include "app/sim/Dataset.h"
#include "app/sim/FaultInjector.h"
#include "app/sim/HttpMessage.h"
#include "app/sim/ModelTable.h"
#include "app/sim/RequestLog.h"
#include "app/sim/SimConfig.h"
#include "app/sim/ViolationLog.h"

#include <QJsonObject>

namespace Sim {

// The simulated ConnectWise service: maps a request to the reply the real service would give.
// Transport-free, so it can be tested and reused behind any server. Order for an API request:
// codebase (404) -> faults (429/drop/5xx) -> auth (400/401) -> security role (403) -> endpoint;
// then delay/truncation, and one request-log line.
class Simulator final
{
public:
    explicit Simulator(SimConfig config);

    HttpResponse handle(const HttpRequest& request);

    const SimConfig& config() const { return m_config; }
    Dataset& dataset() { return m_dataset; }
    FaultInjector& faults() { return m_faults; }
    RequestLog& requestLog() { return m_log; }
    ViolationLog& violations() { return m_violations; }
    const ModelTable& models() const { return m_models; }
    QJsonObject state();
    void setTls(bool tls) { m_config.tls = tls; } // Link URLs then use https

private:
    HttpResponse dispatch(const HttpRequest& request);
    HttpResponse companyInfo(const HttpRequest& request, const QString& companyId) const;
    HttpResponse api(const HttpRequest& request, const QString& path);

    SimConfig m_config;
    QString m_originalCodebase;
    Dataset m_dataset;
    Auth m_auth;
    FaultInjector m_faults;
    RequestLog m_log;
    ModelTable m_models;
    ViolationLog m_violations;
    ApiRouter m_router;
    ControlApi m_control;
    qint64 m_authenticated = 0;
    qint64 m_requests = 0;
};

} // namespace Sim
