#include "core/connectwise/CountQuery.h"

#include "core/connectwise/ApiClient.h"

namespace Cw {

CountQuery::CountQuery(ApiClient* client) : QObject(client) { }

CountQuery* CountQuery::start(ApiClient* client, const PageQuery& query)
{
    auto* job = new CountQuery(client);
    job->m_call = client->send(query.countRequest());
    connect(job->m_call, &ApiCall::finished, job, &CountQuery::onFinished);
    return job;
}

void CountQuery::onFinished(const ApiResult& call)
{
    CountResult result;
    result.error = call.error;
    if (call.ok()) {
        const QJsonValue count = call.json.object().value(QLatin1String("count"));
        if (count.isDouble()) {
            result.count = qint64(count.toDouble());
        } else {
            result.error.kind = ApiError::Kind::MalformedResponse;
            result.error.endpoint = call.url.path();
            result.error.host = call.url.host();
            result.error.detail = ApiError::tr("The count answer has no number \"count\".");
        }
    }
    emit finished(result);
    deleteLater();
}

void CountQuery::cancel()
{
    if (m_call) {
        m_call->cancel();
    }
}

} // namespace Cw
