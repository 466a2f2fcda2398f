#include "ui/main/ConfigTransfer.h"

#include "core/config/ConfigDocument.h"
#include "core/config/ConnectorSession.h"
#include "core/config/RemoteListFetcher.h"
#include "core/connectwise/ApiClient.h"
#include "core/setup/InstanceSecrets.h"
#include "ui/common/Prompter.h"
#include "ui/main/ImportDialog.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QWidget>

namespace Cw {

ConfigTransfer::ConfigTransfer(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                               Prompter& prompter, QWidget& window, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_network(network)
    , m_prompter(prompter)
    , m_window(window)
{ }

void ConfigTransfer::tell(const QString& title, const QString& text)
{
    m_prompter.ask(&m_window, title, text, {tr("OK")}, this, [](int) {});
}

void ConfigTransfer::exportConnector(const QString& name)
{
    const QString suggested = QDir::home().filePath(tr("%1.cwconnector.json").arg(name));
    m_prompter.chooseSaveFile(
        &m_window, tr("Export configuration"), suggested, tr("Connector configuration (*.json)"), this,
        [this, name](const QString& path) {
            if (path.isEmpty()) {
                return;
            }
            StoreError error;
            const auto json = ConfigExport(m_database).exportJson(name, &error);
            QSaveFile file(path);
            QString message;
            if (!json) {
                message = error.message;
            } else if (!file.open(QIODevice::WriteOnly) || file.write(*json) != json->size() || !file.commit()) {
                message = tr("Export: cannot write %1 (%2); choose another folder.")
                              .arg(QDir::toNativeSeparators(path), file.errorString());
            }
            const bool ok = message.isEmpty();
            tell(tr("Export configuration"),
                 ok ? tr("The settings of “%1” are saved in %2, without its keys or any other secret.")
                          .arg(name, QDir::toNativeSeparators(path))
                    : message);
            emit exported(path, ok, message);
        });
}

void ConfigTransfer::importConfiguration()
{
    m_prompter.chooseOpenFile(&m_window, tr("Import configuration"), QDir::homePath(),
                              tr("Connector configuration (*.json);;All files (*)"), this, [this](const QString& path) {
                                  if (!path.isEmpty()) {
                                      importFile(path);
                                  }
                              });
}

void ConfigTransfer::importFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString message = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        tell(tr("Import configuration"), message);
        emit importFailed(message);
        return;
    }
    const QByteArray json = file.readAll();
    StoreError error;
    const auto document = ConfigDocument::parse(json, &error);
    if (!document) {
        tell(tr("Import configuration"), error.message);
        emit importFailed(error.message);
        return;
    }
    delete m_dialog;
    m_dialog = new ImportDialog(document->instance, &m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, json] { runImport(json); });
    m_dialog->open();
}

void ConfigTransfer::runImport(const QByteArray& json)
{
    const Instance target = m_dialog->target();
    const ApiKeyPair keys = m_dialog->keys();
    const QString proxyUser = m_dialog->proxyUser();
    const QString proxyPassword = m_dialog->proxyPassword();
    auto fail = [this](const QString& message) {
        tell(tr("Import configuration"), tr("Nothing was imported: %1").arg(message));
        emit importFailed(message);
    };
    StoreError error;
    if (!InstanceRepository(m_database).isNameAvailable(target.name, 0, &error)) {
        fail(error.isError() ? error.message : InstanceRepository::duplicateNameMessage(target.name));
        return;
    }
    QString connectionError;
    auto session = ConnectorSession::open(target, keys, m_network, &connectionError);
    if (!session) {
        fail(connectionError);
        return;
    }
    session = session->withProxyLogin(proxyUser, proxyPassword);
    // The lists the file refers to, from the target ConnectWise; then the import with the ids found by name.
    auto* holder = new QObject(this);
    auto* client = session->newClient(holder);
    auto* fetcher = new RemoteListFetcher(client, holder);
    const auto document = ConfigDocument::parse(json);
    const auto names = document->namesToResolve();
    QStringList kinds;
    for (const auto& pair : names) {
        kinds.append(pair.first);
    }
    const QByteArray retargeted = ConfigExport::retarget(json, target);
    connect(
        fetcher, &RemoteListFetcher::finished, this,
        [this, holder, fetcher, retargeted, target, keys, proxyUser, proxyPassword, fail](const ApiError& fetchError) {
            holder->deleteLater();
            if (!fetchError.isOk()) {
                fail(tr("the target ConnectWise could not be read. %1 %2").arg(fetchError.message(), fetchError.fix()));
                return;
            }
            StoreError storeError;
            const auto result =
                ConfigExport(m_database).importJson(retargeted, target.name, fetcher->resolver(), &storeError);
            if (!result) {
                fail(storeError.message);
                return;
            }
            saveSecrets(*result, keys, proxyUser, proxyPassword);
        });
    fetcher->start(kinds, names);
}

void ConfigTransfer::saveSecrets(const ImportResult& result, const ApiKeyPair& keys, const QString& proxyUser,
                                 const QString& proxyPassword)
{
    auto done = [this, result](const SecretResult& written) {
        if (!written.ok()) {
            InstanceRepository(m_database).removeById(result.instance.id);
            tell(tr("Import configuration"),
                 tr("Nothing was imported: the keys could not be saved. %1").arg(written.message));
            emit importFailed(written.message);
            return;
        }
        QStringList lines {tr("Imported “%1” as a draft connector. Run Check to finish it.").arg(result.instance.name)};
        for (const UnresolvedReference& u : result.unresolved) {
            lines.append(tr("Not found in the target ConnectWise: %1 “%2” (used by %3 %4); set it again in Settings.")
                             .arg(u.kind, u.name, u.section, u.item));
        }
        if (result.unresolved.isEmpty()) {
            lines.append(tr("Every ConnectWise reference was found by name."));
        }
        tell(tr("Import configuration"), lines.join(QLatin1Char('\n')));
        emit imported(result.instance.name, result.unresolved);
    };
    InstanceSecrets::writeAll(m_secrets.storeFor(result.instance.id), result.instance, keys, proxyUser, proxyPassword,
                              this, done);
}

} // namespace Cw
