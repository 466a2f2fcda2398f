#pragma once

#include "core/config/ConfigExport.h"
#include "core/secrets/SecretKey.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace Cw {

class Database;
class ImportDialog;
class InstanceSecrets;
class NetworkAccessFactory;
class Prompter;

// The connector window's Import / Export configuration, like the CLI's `export` and `import` (ConfigExport): the
// export never holds a secret; an import asks for the new name, the target ConnectWise and its keys
// (ImportDialog), re-resolves every ConnectWise id by name against the live lists, creates a draft connector,
// saves the keys in the keychain, and lists what could not be found.
class ConfigTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigTransfer)

public:
    ConfigTransfer(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                   Prompter& prompter, QWidget& window, QObject* parent = nullptr);

    void exportConnector(const QString& name); // asks where to save
    void importConfiguration(); // asks for the file
    void importFile(const QString& path); // the file chosen: the import dialog
    ImportDialog* importDialog() const { return m_dialog; }

signals:
    void exported(const QString& path, bool ok, const QString& message);
    // The connector was created (a draft); unresolved: what the target ConnectWise does not have.
    void imported(const QString& name, const QList<Cw::UnresolvedReference>& unresolved);
    void importFailed(const QString& message);

private:
    void runImport(const QByteArray& json);
    // The keys and the proxy login of the imported connector; a failure removes the connector again.
    void saveSecrets(const ImportResult& result, const ApiKeyPair& keys, const QString& proxyUser,
                     const QString& proxyPassword);
    void tell(const QString& title, const QString& text);

    Database& m_database;
    InstanceSecrets& m_secrets;
    const NetworkAccessFactory& m_network;
    Prompter& m_prompter;
    QWidget& m_window;
    QPointer<ImportDialog> m_dialog;
};

} // namespace Cw
