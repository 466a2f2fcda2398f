#include "app/cli/CliContext.h"

#include "app/cli/ExitCode.h"
#include "core/secrets/SecretStore.h"
#include "core/secrets/SecretStoreSync.h"
#include "core/store/Database.h"
#include "core/store/DatabaseLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTextStream>

namespace Cli {

CliContext::CliContext(QTextStream& out, QTextStream& err, CliServices services)
    : m_out(out), m_err(err), m_services(std::move(services))
{ }

CliContext::~CliContext() = default;

QString CliContext::dataDir() const
{
    if (!dataDirOption.isEmpty()) {
        return QDir(dataDirOption).absolutePath();
    }
    const QString fromEnvironment = m_services.environment.value(QStringLiteral("CWCONNECTOR_DATA_DIR"));
    if (!fromEnvironment.isEmpty()) {
        return QDir(fromEnvironment).absolutePath();
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Cw::Database* CliContext::database(int* exitCode)
{
    if (m_database) {
        return m_database.get();
    }
    QString option = databaseOption;
    if (option.isEmpty()) {
        option = m_services.environment.value(QString::fromLatin1(Cw::DatabaseLocation::environmentVariable));
    }
    const QString dir = dataDir();
    QString error;
    const auto location = Cw::DatabaseLocation::resolve(option, dir, &error);
    if (!location) {
        *exitCode = fail(BadUsage, error);
        return nullptr;
    }
    if (location->kind == Cw::DatabaseLocation::Kind::Sqlite &&
        !QDir().mkpath(QFileInfo(location->filePath).absolutePath())) {
        *exitCode = fail(OperationFailed,
                         tr("Cannot create the data directory %1. Choose another with --data-dir.")
                             .arg(QFileInfo(location->filePath).absolutePath()));
        return nullptr;
    }
    auto database = std::make_unique<Cw::Database>(*location);
    Cw::StoreError storeError;
    if (!database->open(&storeError)) {
        *exitCode = fail(OperationFailed, storeError.message);
        return nullptr;
    }
    m_database = std::move(database);
    return m_database.get();
}

Cw::SecretStore& CliContext::secrets()
{
    if (!m_secrets) {
        m_secrets = m_services.makeSecretStore();
    }
    return *m_secrets;
}

KeyInput::Result CliContext::obtainKeys(bool fromStdin)
{
    KeyInput::Io io;
    io.input = m_services.input;
    io.environment = m_services.environment;
    io.inputIsTerminal = KeyInput::stdinIsTerminal();
    io.promptHidden = &KeyInput::readHiddenLine;
    return KeyInput::obtain(fromStdin, io);
}

Cw::SecretResult CliContext::saveKeys(const QString& instanceId, const Cw::ApiKeyPair& keys)
{
    Cw::SecretResult written =
        Cw::SecretStoreSync::write(secrets(), Cw::SecretKey {instanceId, Cw::SecretNames::publicKey()}, keys.publicKey);
    if (written.ok()) {
        written = Cw::SecretStoreSync::write(secrets(), Cw::SecretKey {instanceId, Cw::SecretNames::privateKey()},
                                             keys.privateKey);
    }
    if (!written.ok()) {
        Cw::SecretStoreSync::removeInstance(secrets(), instanceId);
    }
    return written;
}

void CliContext::print(const QString& text, const QJsonObject& json)
{
    if (this->json) {
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented) << Qt::flush;
    } else if (!text.isEmpty()) {
        m_out << text << (text.endsWith(QLatin1Char('\n')) ? "" : "\n") << Qt::flush;
    }
}

int CliContext::fail(int code, const QString& message, const QString& kind)
{
    if (json) {
        QJsonObject error {{QStringLiteral("message"), message}, {QStringLiteral("exitCode"), code}};
        if (!kind.isEmpty()) {
            error.insert(QStringLiteral("kind"), kind);
        }
        m_out << QJsonDocument(QJsonObject {{QStringLiteral("error"), error}}).toJson(QJsonDocument::Indented)
              << Qt::flush;
    }
    m_err << "cwconnector-cli: " << message << Qt::endl;
    return code;
}

} // namespace Cli
