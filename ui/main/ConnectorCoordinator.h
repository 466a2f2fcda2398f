#pragma once

#include "core/setup/SetupController.h"
#include "ui/wizard/SetupWizard.h"

#include <QObject>
#include <QPointer>

namespace Cw {

class CheckDialog;
class SyncDialog;
class SyncHistoryDialog;
class ConnectorListModel;
class Database;
class InstanceSecrets;
class MainWindow;
class NetworkAccessFactory;
class Prompter;

// Wires the connector window to the database, the secret stores and the wizard: fills the list, and
// answers New connector (the wizard), Settings (the same pages in Edit mode, showing the saved values),
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

    void refresh();
    void newConnector();
    void openSettings(const QString& name);
    void runCheck(const QString& name);
    void removeConnector(const QString& name);
    // Sync now: reads the keys (a clear message and no sync when they cannot be read), then the sync dialog.
    void runSync(const QString& name);
    // The sync history; runId > 0 selects that run.
    void openHistory(const QString& name, qint64 runId = 0);

    // The open wizard or check dialog (for tests), or null.
    SetupWizard* wizard() const { return m_wizard; }
    CheckDialog* checkDialog() const;
    SyncDialog* syncDialog() const;
    SyncHistoryDialog* historyDialog() const;

signals:
    void wizardOpened(Cw::SetupWizard* wizard);
    void removed(const QString& name, bool ok);
    void syncDialogOpened(Cw::SyncDialog* dialog);

private:
    void openWizard(SetupController* controller, SetupWizard::Mode mode);
    QString deploymentText(const QString& deployment) const;

    Database& m_database;
    InstanceSecrets& m_secrets;
    const NetworkAccessFactory& m_network;
    Prompter& m_prompter;
    ConnectorListModel& m_model;
    MainWindow& m_window;
    DemoSettings m_demo;
    QList<SetupWizard::ExtraPage> m_extraPages;
    QPointer<SetupWizard> m_wizard;
    QPointer<CheckDialog> m_checkDialog;
    QPointer<SyncDialog> m_syncDialog;
    QPointer<SyncHistoryDialog> m_historyDialog;
};

} // namespace Cw
