#include "app/cli/ConnectorSession.h"

#include "app/cli/CliContext.h"
#include "app/cli/ExitCode.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceConnection.h"
#include "core/config/InstanceRepository.h"
#include "core/config/RemoteListsLoader.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/store/Database.h"

#include <QEventLoop>

namespace Cli {

ConnectorSession::ConnectorSession(CliContext& context) : m_context(context) { }

ConnectorSession::~ConnectorSession() = default;

int ConnectorSession::open(const QString& name)
{
    int exitCode = Success;
    m_database = m_context.database(&exitCode);
    if (!m_database) {
        return exitCode;
    }
    Cw::InstanceRepository instances(*m_database);
    Cw::StoreError error;
    const auto instance = instances.findByName(name, &error);
    if (!instance) {
        return m_context.fail(error.code == Cw::StoreError::Code::NotFound ? BadUsage : OperationFailed, error.message);
    }
    m_instance = *instance;
    const auto config = Cw::ConnectorConfigRepository(*m_database).load(m_instance.id, &error);
    if (!config) {
        return m_context.fail(OperationFailed, error.message);
    }
    m_config = *config;
    return Success;
}

int ConnectorSession::connect()
{
    Cw::ApiKeyPair keys;
    const Cw::SecretResult read =
        Cw::SecretStoreSync::readKeys(m_context.secrets(), Cw::InstanceConnection::secretId(m_instance), &keys);
    if (!read.ok()) {
        const QString fix = read.status == Cw::SecretStatus::NotFound
            ? tr(" Save them with: cwconnector-cli instance set-keys \"%1\"").arg(m_instance.name)
            : QString();
        return m_context.fail(read.keychainUnusable() ? KeychainUnavailable : OperationFailed, read.message + fix,
                              Cw::secretStatusName(read.status));
    }
    QString error;
    const auto connection = Cw::InstanceConnection::connectionFor(m_instance, keys, &error);
    if (!connection) {
        return m_context.fail(BadUsage, error);
    }
    m_owner = std::make_unique<QObject>();
    QNetworkAccessManager* manager = Cw::NetworkAccessFactory::create(connection->proxy, m_owner.get());
    m_client = new Cw::ApiClient(manager, *connection, m_owner.get());
    return Success;
}

int ConnectorSession::fetch(const QStringList& kinds)
{
    Cw::RemoteListsLoader loader(m_client);
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
