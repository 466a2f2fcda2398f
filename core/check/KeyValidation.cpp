#include "core/check/KeyValidation.h"

#include "core/connectwise/ApiCall.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/NetworkAccessFactory.h"

#include <QPointer>

namespace Cw {

KeyValidator connectWiseKeyValidator(const Connection& connection, QObject* context, ApiError* lastError)
{
    QPointer<QObject> guard(context);
    return
        [connection, guard, lastError](const ApiKeyPair& candidate, std::function<void(bool, const QString&)> report) {
            if (!guard) {
                report(false, QString());
                return;
            }
            Connection c = connection;
            c.publicKey = candidate.publicKey;
            c.privateKey = candidate.privateKey;
            auto* holder = new QObject(guard);
            auto* network = NetworkAccessFactory::create(c.proxy, holder);
            auto* client = new ApiClient(network, c, holder);
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
