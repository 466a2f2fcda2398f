#pragma once

#include "app/cli/KeyInput.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <memory>

class QIODevice;
class QTextStream;

namespace Cw {
class Database;
class NetworkAccessFactory;
class SecretStore;
struct ApiKeyPair;
struct SecretResult;
} // namespace Cw

namespace Cli {

// What main() hands to the command-line front end: the services, created there and passed in (no
// singletons). The secret store is made on first use, so commands that never touch keys never talk to
// the keychain. Network managers come from `network`, one per client (Cw::ConnectorSession builds them), as
// proxies are per manager in Qt.
struct CliServices
{
    std::function<std::unique_ptr<Cw::SecretStore>()> makeSecretStore;
    const Cw::NetworkAccessFactory* network = nullptr; // outlives the CliApp
    QIODevice* input = nullptr; // stdin, for --keys-from-stdin
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// One run of the command-line tool: the global options, the output streams and the services.
class CliContext final
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    CliContext(QTextStream& out, QTextStream& err, CliServices services);
    ~CliContext();
    CliContext(const CliContext&) = delete;
    CliContext& operator=(const CliContext&) = delete;

    bool json = false;
    QString dataDirOption;
    QString databaseOption;

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    const CliServices& services() const { return m_services; }

    // The data directory: --data-dir, else CWCONNECTOR_DATA_DIR, else the platform's app-data folder.
    QString dataDir() const;
    // Opens the database on first use. On failure prints the reason and returns null; *exitCode is set.
    Cw::Database* database(int* exitCode);
    Cw::SecretStore& secrets();
    const Cw::NetworkAccessFactory& network() const { return *m_services.network; }

    // The API keys: --keys-from-stdin, else CW_PUBLIC_KEY / CW_PRIVATE_KEY, else a no-echo prompt.
    KeyInput::Result obtainKeys(bool fromStdin);
    // Saves both keys of an instance; when either write fails, neither key stays behind.
    Cw::SecretResult saveKeys(const QString& instanceId, const Cw::ApiKeyPair& keys);

    // Output: one JSON document on stdout with --json, else the text. Errors go to stderr.
    void print(const QString& text, const QJsonObject& json);
    // Prints "cwconnector-cli: message" (or a JSON error document with --json) and returns code.
    int fail(int code, const QString& message, const QString& kind = QString());

private:
    QTextStream& m_out;
    QTextStream& m_err;
    CliServices m_services;
    std::unique_ptr<Cw::Database> m_database;
    std::unique_ptr<Cw::SecretStore> m_secrets;
};

} // namespace Cli
