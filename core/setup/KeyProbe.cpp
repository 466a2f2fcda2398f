#include "core/setup/KeyProbe.h"

#include "core/connectwise/ApiCall.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Endpoints.h"

namespace Cw {

KeyProbe::KeyProbe(QObject* parent) : QObject(parent) { }

void KeyProbe::start(ApiClient* client)
{
    if (m_client) {
        m_client->disconnect(this);
        m_client->deleteLater();
    }
    m_client = client;
    client->setParent(this);
    m_running = true;
    ApiCall* call = client->send(ApiRequest::get(Endpoints::systemInfo()));
    connect(call, &ApiCall::finished, this, [this, client](const ApiResult& result) {
        if (client != m_client) {
            return; // an earlier probe
        }
        m_running = false;
        m_error = result.error;
        m_message = result.ok() ? QString() : result.error.message() + QLatin1Char(' ') + result.error.fix();
        m_client->deleteLater();
        emit finished(result.ok(), m_message);
    });
}

} // namespace Cw
