#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/ConnectorSession.h"
#include "core/config/Instance.h"
#include "core/config/RemoteLists.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace Cw {
class ApiClient;
class Database;
} // namespace Cw

namespace Cli {

class CliContext;

// A saved connector as the commands that name one use it (check, sync, members, users, variables, options,
// lookups): found by name, its configuration, and — when ConnectWise is needed — opened as a Cw::ConnectorSession
// (its keys from the keychain), a client of that session and the live lists. Every method returns an exit code
// (ExitCode.h) and has printed why.
class SavedConnector final
{
    Q_DECLARE_TR_FUNCTIONS(SavedConnector)

public:
    explicit SavedConnector(CliContext& context);
    ~SavedConnector();
    SavedConnector(const SavedConnector&) = delete;
    SavedConnector& operator=(const SavedConnector&) = delete;

    int find(const QString& name); // the instance
    int loadConfig(); // its configuration (after find())
    int open(const QString& name); // find() and loadConfig()
    int connect(); // its keys: the session (after find() or open())
    int fetch(const QStringList& kinds); // live lists (after connect())

    Cw::Database& database() { return *m_database; }
    const Cw::Instance& instance() const { return m_instance; }
    Cw::ConnectorConfig& config() { return m_config; }
    const Cw::RemoteLists& lists() const { return m_lists; }
    const Cw::ConnectorSession& session() const { return *m_session; } // after connect()
    Cw::ApiClient* client(); // the session's client for this command, made on first use

private:
    CliContext& m_context;
    Cw::Database* m_database = nullptr;
    Cw::Instance m_instance;
    Cw::ConnectorConfig m_config;
    Cw::RemoteLists m_lists;
    std::optional<Cw::ConnectorSession> m_session;
    std::unique_ptr<Cw::ApiClient> m_client;
};

} // namespace Cli
