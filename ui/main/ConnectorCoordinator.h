#pragma once

#include "core/setup/SetupController.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/wizard/SetupWizard.h"

#include <QObject>
#include <QPointer>

namespace Cw {

class CheckDialog;
class ConfigTransfer;
class SyncDialog;
class SyncHistoryDialog;
class ConnectorListModel;
class Database;
class InstanceSecrets;
class MainWindow;
class NetworkAccessFactory;
class Prompter;

// Wires the connector window to the database, the secret stores and the wizard: fills the list and the selected
// connector's state at a glance, and answers New connector (the wizard), Settings (SettingsDialog, a section per
// concern; openSettings(name, section, row) is what every fix button calls), Import / Export (ConfigTransfer),
// Check (a dialog with the check rows), Sync now and Sync history (ui/sync), and Remove (after a confirmation through
// the Prompter; removes the database rows and the keychain entries). Check and Sync now open the connector with
// a ConnectorSession (its keys from the secret store, its managers from `network`); so do the wizard's pages.
class ConnectorCoordinator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorCoordinator)

public:
    ConnectorCoordinator(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                         Prompter& prompter, ConnectorListModel& model, MainWindow& window, QObject* parent = nullptr);
    ~ConnectorCoordinator() override;

    void setDemo(const DemoSettings& demo) { m_demo = demo; }
    // Pages appended after the systems check (the settings panels), in order.
    void setExtraPages(const QList<SetupWizard::ExtraPage>& pages) { m_extraPages = pages; }

    // The Settings dialog's Local data section (ui/panels LocalDataPanel); unset: a placeholder.
    void setLocalDataFactory(const SettingsDialog::LocalDataFactory& factory) { m_localData = factory; }

    void refresh();
    // The selected connector's state at a glance into the window's status view (from the database; the keychain's
    // answer follows, then statusShown()).
    void showStatus(const QString& name);
    void newConnector();
public slots:
    // Opens the connector's Settings at a section (None: Connection) and, where the section has
    // rows, at a row (a lookup, a local user id, a server variable key). An open Settings of the same connector
    // switches section (asking first about unsaved changes).
    void openSettings(const QString& name, Cw::SettingsPlace section = SettingsPlace::None,
                      const QString& row = QString());

public:
    void runCheck(const QString& name);
    void removeConnector(const QString& name);
    // Sync now: reads the keys (a clear message and no sync when they cannot be read), then the sync dialog.
    void runSync(const QString& name);
    // The sync history; runId > 0 selects that run.
    void openHistory(const QString& name, qint64 runId = 0);

    // The open wizard or check dialog (for tests), or null.
    SetupWizard* wizard() const { return m_wizard; }
    CheckDialog* checkDialog() const;
    SettingsDialog* settingsDialog() const;
    ConfigTransfer* configTransfer() const { return m_transfer; }
    SyncDialog* syncDialog() const;
    SyncHistoryDialog* historyDialog() const;

signals:
    void wizardOpened(Cw::SetupWizard* wizard);
    void settingsOpened(Cw::SettingsDialog* dialog);
    void removed(const QString& name, bool ok);
    void syncDialogOpened(Cw::SyncDialog* dialog);
    void statusShown(); // the status view shows the keychain's answer too

private:
    void openWizard(SetupController* controller, SetupWizard::Mode mode);

    Database& m_database;
    InstanceSecrets& m_secrets;
    const NetworkAccessFactory& m_network;
    Prompter& m_prompter;
    ConnectorListModel& m_model;
    MainWindow& m_window;
    DemoSettings m_demo;
    QList<SetupWizard::ExtraPage> m_extraPages;
    SettingsDialog::LocalDataFactory m_localData;
    ConfigTransfer* m_transfer = nullptr;
    QPointer<SetupWizard> m_wizard;
    QPointer<SettingsDialog> m_settings;
    QPointer<CheckDialog> m_checkDialog;
    QPointer<SyncDialog> m_syncDialog;
    QPointer<SyncHistoryDialog> m_historyDialog;
};

} // namespace Cw
