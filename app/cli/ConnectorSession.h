#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/Instance.h"
#include "core/config/RemoteLists.h"

#include <QCoreApplication>

#include <memory>

class QNetworkAccessManager;

namespace Cw {
class ApiClient;
class Database;
} // namespace Cw

namespace Cli {

class CliContext;

// What the configuration commands (members, users, variables, options, lookups) share: the saved
// connector by name, its configuration, and (when ConnectWise is needed) its keys from the keychain,
// an API client and the live lists. Every method returns an exit code (ExitCode.h) and has printed why.
class ConnectorSession final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorSession)

public:
    explicit ConnectorSession(CliContext& context);
    ~ConnectorSession();
    ConnectorSession(const ConnectorSession&) = delete;
    ConnectorSession& operator=(const ConnectorSession&) = delete;

    int open(const QString& name); // instance + configuration
    int connect(); // keys + API client
    int fetch(const QStringList& kinds); // live lists (after connect())

    Cw::Database& database() { return *m_database; }
    const Cw::Instance& instance() const { return m_instance; }
    Cw::ConnectorConfig& config() { return m_config; }
    const Cw::RemoteLists& lists() const { return m_lists; }

private:
    CliContext& m_context;
    Cw::Database* m_database = nullptr;
    Cw::Instance m_instance;
    Cw::ConnectorConfig m_config;
    Cw::RemoteLists m_lists;
    std::unique_ptr<QObject> m_owner; // parent of the network manager and the client
    Cw::ApiClient* m_client = nullptr;
};

} // namespace Cli
