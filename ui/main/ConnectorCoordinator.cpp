#include "ui/main/ConnectorCoordinator.h"

#include "core/config/ConnectorSession.h"
#include "core/config/InstanceRepository.h"
#include "core/config/SettingsSections.h"
#include "core/setup/InstanceSecrets.h"
#include "core/sync/ConnectorStatus.h"
#include "ui/common/Prompter.h"
#include "ui/main/CheckDialog.h"
#include "ui/main/ConfigTransfer.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/ConnectorStatusView.h"
#include "ui/main/ImportDialog.h"
#include "ui/main/MainWindow.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/sync/SyncDialog.h"
#include "ui/sync/SyncHistoryDialog.h"

namespace Cw {

ConnectorCoordinator::ConnectorCoordinator(Database& database, InstanceSecrets& secrets,
                                           const NetworkAccessFactory& network, Prompter& prompter,
                                           ConnectorListModel& model, MainWindow& window, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_network(network)
    , m_prompter(prompter)
    , m_model(model)
    , m_window(window)
{
    connect(&window, &MainWindow::newConnectorRequested, this, &ConnectorCoordinator::newConnector);
    connect(&window, &MainWindow::settingsRequested, this, [this](const QString& name) { openSettings(name); });
    connect(&window, &MainWindow::settingsSectionRequested, this, &ConnectorCoordinator::openSettings);
    m_transfer = new ConfigTransfer(database, secrets, network, prompter, window, this);
    connect(&window, &MainWindow::importRequested, m_transfer, &ConfigTransfer::importConfiguration);
    connect(&window, &MainWindow::exportRequested, m_transfer, &ConfigTransfer::exportConnector);
    connect(m_transfer, &ConfigTransfer::imported, this, [this](const QString& name) {
        refresh();
        m_window.selectConnector(name);
    });
    connect(&window, &MainWindow::checkRequested, this, &ConnectorCoordinator::runCheck);
    connect(&window, &MainWindow::removeConnectorRequested, this, &ConnectorCoordinator::removeConnector);
    connect(&window, &MainWindow::syncRequested, this, &ConnectorCoordinator::runSync);
    connect(&window, &MainWindow::historyRequested, this, [this](const QString& name) { openHistory(name); });
    connect(&window, &MainWindow::currentConnectorChanged, this, &ConnectorCoordinator::showStatus);
    refresh();
}

ConnectorCoordinator::~ConnectorCoordinator()
{
    delete m_wizard;
    delete m_settings;
    delete m_checkDialog;
    delete m_syncDialog;
    delete m_historyDialog;
}

CheckDialog* ConnectorCoordinator::checkDialog() const
{
    return m_checkDialog.data();
}

SettingsDialog* ConnectorCoordinator::settingsDialog() const
{
    return m_settings.data();
}

SyncDialog* ConnectorCoordinator::syncDialog() const
{
    return m_syncDialog.data();
}

SyncHistoryDialog* ConnectorCoordinator::historyDialog() const
{
    return m_historyDialog.data();
}

void ConnectorCoordinator::refresh()
{
    const QString selected = m_window.selectedConnector();
    InstanceRepository repository(m_database);
    StoreError error;
    const QList<Instance> instances = repository.list(&error);
    QVector<ConnectorRow> rows;
    bool sessionOnly = m_secrets.isSessionOnlyForAll();
    for (const Instance& instance : instances) {
        ConnectorRow row;
        row.name = instance.name;
        row.deployment = ConnectorListModel::deploymentLabel(instance.deployment);
        row.ready = instance.state == Instance::State::Ready;
        row.lastCheck = instance.lastCheckAt;
        row.lastCheckPassed = instance.lastCheckPassed.value_or(false);
        row.lastSync = instance.lastSyncAt;
        rows.append(row);
        sessionOnly = sessionOnly || m_secrets.isSessionOnly(instance.id);
    }
    m_model.setConnectors(rows);
    if (!selected.isEmpty()) {
        m_window.selectConnector(selected);
    }
    // Re-selecting the connector (above) showed its state again.
    if (error.isError()) {
        m_window.setNotice(error.message);
    } else if (sessionOnly) {
        m_window.setNotice(m_secrets.session().storageDescription());
    } else {
        m_window.setNotice(QString());
    }
}

void ConnectorCoordinator::showStatus(const QString& name)
{
    const auto instance = name.isEmpty() ? std::nullopt : InstanceRepository(m_database).findByName(name);
    StoreError error;
    const auto status = instance ? ConnectorStatus::load(m_database, instance->id, &error) : std::nullopt;
    if (!status) {
        m_window.statusView()->clear();
        return;
    }
    m_window.statusView()->setStatus(*status);
    // The keychain answers asynchronously; its answer is shown if the same connector is still selected.
    m_secrets.readKeys(*instance, this, [this, status = *status](const SecretResult& result, const ApiKeyPair&) {
        if (!result.ok() && m_window.selectedConnector() == status.instance().name) {
            ConnectorStatus withKeys = status;
            withKeys.addKeysProblem(result.message);
            m_window.statusView()->setStatus(withKeys);
            emit statusShown();
        } else if (result.ok()) {
            emit statusShown();
        }
    });
}

void ConnectorCoordinator::openWizard(SetupController* controller, SetupWizard::Mode mode)
{
    controller->setDemo(m_demo);
    auto* wizard = new SetupWizard(*controller, m_prompter, mode, m_extraPages, &m_window);
    controller->setParent(wizard);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &SetupWizard::connectorChanged, this, &ConnectorCoordinator::refresh);
    connect(wizard, &SetupWizard::syncRequested, this, &ConnectorCoordinator::runSync);
    connect(wizard, &QDialog::finished, this, [this, name = QPointer<SetupWizard>(wizard)](int) {
        refresh();
        if (name) {
            m_window.selectConnector(name->controller().draft().name);
        }
    });
    m_wizard = wizard;
    wizard->open();
    emit wizardOpened(wizard);
}

void ConnectorCoordinator::newConnector()
{
    if (m_wizard) {
        m_wizard->raise();
        return;
    }
    auto* controller = new SetupController(m_database, m_secrets, m_network);
    if (m_demo.isValid()) {
        controller->setDemo(m_demo);
        controller->setDeployment(Deployment::Demo);
        controller->draft().name = tr("Demo");
    }
    openWizard(controller, SetupWizard::Mode::Create);
}

void ConnectorCoordinator::openSettings(const QString& name, SettingsPlace section, const QString& row)
{
    const auto instance = InstanceRepository(m_database).findByName(name);
    if (!instance) {
        refresh();
        return;
    }
    // A closed Settings waits for its deferred delete: reopening then makes a new one, never "raises" the hidden one.
    if (m_settings && m_settings->isVisible() && m_settings->instance().id == instance->id) {
        m_settings->showSection(section, row);
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    delete m_settings;
    auto* dialog = new SettingsDialog(m_database, m_secrets, m_network, m_prompter, *instance, m_localData, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_settings = dialog;
    connect(dialog, &SettingsDialog::sectionApplied, this, &ConnectorCoordinator::refresh);
    connect(dialog, &QDialog::finished, this, &ConnectorCoordinator::refresh);
    dialog->open();
    dialog->showSection(section == SettingsPlace::None ? SettingsPlace::Connection : section, row);
    emit settingsOpened(dialog);
}

void ConnectorCoordinator::runCheck(const QString& name)
{
    const auto instance = InstanceRepository(m_database).findByName(name);
    if (!instance) {
        return;
    }
    delete m_checkDialog;
    auto* dialog = new CheckDialog(m_database, m_prompter, instance->name, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_checkDialog = dialog;
    connect(dialog, &CheckDialog::checkFinished, this, &ConnectorCoordinator::refresh);
    dialog->open();
    const qint64 id = instance->id;
    ConnectorSession::open(
        *instance, m_secrets.storeFor(id), m_network, dialog, [dialog, id](const OpenedSession& opened) {
            if (!opened.keys.ok()) {
                dialog->showProblem(tr("Keys: %1 Open Settings and enter the keys again.").arg(opened.error));
            } else if (!opened.session) {
                dialog->showProblem(opened.error);
            } else {
                dialog->start(*opened.session, id);
            }
        });
}

void ConnectorCoordinator::runSync(const QString& name)
{
    if (m_syncDialog) {
        // This desktop's own sync window (its run, if any, holds the connector): brought forward, never a second one.
        m_syncDialog->setWindowState(m_syncDialog->windowState() & ~Qt::WindowMinimized);
        m_syncDialog->raise();
        m_syncDialog->activateWindow();
        return;
    }
    const auto instance = InstanceRepository(m_database).findByName(name);
    if (!instance) {
        refresh();
        return;
    }
    auto tell = [this](const QString& text) {
        m_prompter.ask(&m_window, tr("Sync now"), text, {tr("OK")}, this, [](int) {});
    };
    if (instance->state != Instance::State::Ready) {
        tell(tr("“%1” is still a draft. Finish the setup first: run Check, or fix what its state lists.")
                 .arg(instance->name));
        return;
    }
    const Instance found = *instance;
    ConnectorSession::open(
        found, m_secrets.storeFor(found.id), m_network, this, [this, found, tell](const OpenedSession& opened) {
            if (!opened.keys.ok()) {
                tell(tr("The keys of “%1” cannot be read, so nothing was synced: %2 Open Settings and enter the keys "
                        "again, or unlock the keychain and try Sync now again.")
                         .arg(found.name, opened.error));
                return;
            }
            if (!opened.session) {
                tell(opened.error);
                return;
            }
            auto* dialog = new SyncDialog(m_database, m_prompter, found, *opened.session, &m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            m_syncDialog = dialog;
            connect(dialog, &SyncDialog::runFinished, this, [this](const SyncSummary& summary) {
                if (!summary.dryRun) {
                    refresh();
                    if (m_historyDialog) {
                        m_historyDialog->reload();
                    }
                }
            });
            connect(dialog, &SyncDialog::historyRequested, this,
                    [this, name = found.name](qint64 runId) { openHistory(name, runId); });
            connect(dialog, &SyncDialog::settingsRequested, this,
                    [this, name = found.name](SettingsPlace place) { openSettings(name, place); });
            dialog->open();
            emit syncDialogOpened(dialog);
        });
}

void ConnectorCoordinator::openHistory(const QString& name, qint64 runId)
{
    const auto instance = InstanceRepository(m_database).findByName(name);
    if (!instance) {
        refresh();
        return;
    }
    if (m_historyDialog && m_historyDialog->instanceId() == instance->id) {
        m_historyDialog->reload();
    } else {
        delete m_historyDialog;
        // Over the sync dialog when it asked (it is window-modal itself), else over the connector window.
        QWidget* parent = m_syncDialog ? static_cast<QWidget*>(m_syncDialog.data()) : &m_window;
        auto* dialog = new SyncHistoryDialog(m_database, m_prompter, *instance, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_historyDialog = dialog;
    }
    if (runId > 0) {
        m_historyDialog->selectRun(runId);
    }
    if (!m_historyDialog->isVisible()) {
        m_historyDialog->open();
    }
    m_historyDialog->raise();
}

void ConnectorCoordinator::removeConnector(const QString& name)
{
    m_prompter.ask(&m_window, tr("Remove connector"),
                   tr("Remove the connector “%1”? Its settings, mappings and the keys in the keychain are deleted. "
                      "Nothing in ConnectWise changes.")
                       .arg(name),
                   {tr("&Remove"), tr("&Keep")}, this, [this, name](int choice) {
                       if (choice != 0) {
                           return;
                       }
                       StoreError error;
                       const auto removed = InstanceRepository(m_database).remove(name, &error);
                       if (!removed) {
                           m_window.setNotice(error.message);
                           emit this->removed(name, false);
                           return;
                       }
                       refresh();
                       m_secrets.removeInstance(*removed, this, [this, name](const SecretResult& result) {
                           if (!result.ok()) {
                               m_window.setNotice(tr("The connector was removed, but its keys could not be "
                                                     "deleted from the keychain: %1")
                                                      .arg(result.message));
                           }
                           emit this->removed(name, result.ok());
                       });
                   });
}

} // namespace Cw
