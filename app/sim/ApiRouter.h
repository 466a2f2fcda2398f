#pragma once

#include "app/sim/Dataset.h"
#include "app/sim/HttpMessage.h"

namespace Sim {

struct SimConfig;
class ModelTable;
class ViolationLog;

// Maps an authenticated request under apis/3.0/ to its endpoint: system/info, each collection's list,
// /count and /{id} (GET, POST, PATCH, PUT, DELETE), and finance/invoices/{id}/payments.
class ApiRouter final
{
public:
    ApiRouter(Dataset& dataset, const SimConfig& config, const ModelTable& models, ViolationLog& violations);

    // apiPath: the path under apis/3.0/ without leading/trailing '/'; linkBase: for Link headers.
    HttpResponse route(const HttpRequest& request, const QString& apiPath, const QByteArray& linkBase);

private:
    HttpResponse systemInfo(const HttpRequest& request) const;
    HttpResponse payments(const HttpRequest& request, const QStringList& segments, const QString& apiPath,
                          const QByteArray& linkBase);
    HttpResponse collection(Collection& collection, const std::vector<const Record*>& records, const QStringList& rest,
                            const HttpRequest& request, const QString& apiPath, const QByteArray& linkBase,
                            const QJsonObject& parentReference = {});

    Dataset& m_dataset;
    const SimConfig& m_config;
    const ModelTable& m_models;
    ViolationLog& m_violations;
};

} // namespace Sim
