#include "core/setup/DemoStarter.h"

#include "core/config/ConnectorConfigRepository.h"
#include "core/config/RemoteListsLoader.h"
#include "core/connectwise/ApiClient.h"
#include "core/setup/SetupLog.h"

namespace Cw::DemoStarter {

bool isUntouched(Database& database, qint64 instanceId)
{
    const auto stored = ConnectorConfigRepository(database).load(instanceId);
    return stored && stored->syncOptions.isEmpty() && stored->serverVariables.isEmpty();
}

void apply(Database& database, qint64 instanceId, const Starter& starter, ApiClient* client, std::function<void()> done)
{
    auto* loader = new RemoteListsLoader(client, client);
    QObject::connect(
        loader, &RemoteListsLoader::finished, client,
        [&database, instanceId, starter, client, loader, done](const ApiError& apiError) {
            if (apiError.isOk()) {
                StoreError storeError;
                if (!ConnectorConfigRepository(database).replace(instanceId, starter(loader->lists()), &storeError)) {
                    qCWarning(lcSetup) << "demo configuration not written:" << storeError.message;
                }
            } else {
                qCWarning(lcSetup) << "demo configuration skipped, lists not loaded:" << apiError.message();
            }
            client->deleteLater();
            done();
        });
    loader->start(RemoteLists::variableKinds() + RemoteLists::lookupKinds());
}

} // namespace Cw::DemoStarter
