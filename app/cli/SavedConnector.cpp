#include "app/cli/SavedConnector.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/config/RemoteListsLoader.h"
#include "core/connectwise/ApiClient.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/store/Database.h"

#include <QEventLoop>

namespace Cli {

SavedConnector::SavedConnector(CliContext& context) : m_context(context) { }

SavedConnector::~SavedConnector() = default;

int SavedConnector::find(const QString& name)
{
    int exitCode = Success;
    m_database = m_context.database(&exitCode);
    if (!m_database) {
        return exitCode;
    }
    Cw::StoreError error;
    const auto instance = Cw::InstanceRepository(*m_database).findByName(name, &error);
    if (!instance) {
        return m_context.fail(error.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed, error.message);
    }
    m_instance = *instance;
    return Success;
}

int SavedConnector::open(const QString& name)
{
    const int code = find(name);
    return code == Success ? loadConfig() : code;
}

int SavedConnector::loadConfig()
{
    Cw::StoreError error;
    const auto config = Cw::ConnectorConfigRepository(*m_database).load(m_instance.id, &error);
    if (!config) {
        return m_context.fail(OperationFailed, error.message);
    }
    m_config = *config;
    return Success;
}

int SavedConnector::connect()
{
    Cw::OpenedSession opened;
    const Cw::SecretResult keys = Cw::SecretStoreSync::wait(
        [&](QObject* waitContext, Cw::SecretStore::Done done) {
            Cw::ConnectorSession::open(m_instance, m_context.secrets(), m_context.network(), waitContext,
                                       [&opened, done](const Cw::OpenedSession& result) {
                                           opened = result;
                                           done(result.keys);
                                       });
        },
        Cw::SecretStoreSync::kDefaultMaxWaitMs);
    if (!keys.ok()) {
        const QString fix = keys.status == Cw::SecretStatus::NotFound
            ? tr(" Save them with: cwconnector-cli instance set-keys \"%1\"").arg(m_instance.name)
            : QString();
        return m_context.fail(keys.keychainUnusable() ? KeychainUnavailable : OperationFailed, keys.message + fix,
                              Cw::secretStatusName(keys.status));
    }
    if (!opened.session) {
        return m_context.fail(BadUsage, opened.error);
    }
    m_session = opened.session;
    return Success;
}

Cw::ApiClient* SavedConnector::client()
{
    if (!m_client) {
        m_client.reset(m_session->newClient());
    }
    return m_client.get();
}

int SavedConnector::fetch(const QStringList& kinds)
{
    Cw::RemoteListsLoader loader(client());
    QEventLoop loop;
    Cw::ApiError result;
    QObject::connect(&loader, &Cw::RemoteListsLoader::finished, &loop, [&](const Cw::ApiError& error) {
        result = error;
        loop.quit();
    });
    loader.start(kinds);
    loop.exec();
    if (!result.isOk()) {
        const bool unreachable = result.isUnreachable();
        const QString message =
            tr("Could not read the %1 from ConnectWise: %2 %3")
                .arg(Cw::RemoteLists::displayName(loader.failedKind()), result.message(), result.fix());
        return m_context.fail(unreachable ? Unreachable : OperationFailed, message.trimmed());
    }
    m_lists = loader.lists();
    return Success;
}

} // namespace Cli
