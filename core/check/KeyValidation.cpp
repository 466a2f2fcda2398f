#include "core/check/KeyValidation.h"

#include "core/config/ConnectorSession.h"
#include "core/connectwise/ApiCall.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Endpoints.h"

#include <QPointer>

namespace Cw {

KeyValidator connectWiseKeyValidator(const ConnectorSession& session, QObject* context, ApiError* lastError)
{
    QPointer<QObject> guard(context);
    return [session, guard, lastError](const ApiKeyPair& candidate, std::function<void(bool, const QString&)> report) {
        if (!guard) {
            report(false, QString());
            return;
        }
        auto* holder = new QObject(guard);
        ApiClient* client = session.withKeys(candidate).newClient(holder);
        ApiCall* call = client->send(ApiRequest::get(Endpoints::systemInfo()));
        QObject::connect(call, &ApiCall::finished, holder, [holder, report, lastError](const ApiResult& result) {
            if (lastError) {
                *lastError = result.error;
            }
            holder->deleteLater();
            if (result.ok()) {
                report(true, QString());
            } else {
                report(false, result.error.message() + QLatin1Char(' ') + result.error.fix());
            }
        });
    };
}

} // namespace Cw
