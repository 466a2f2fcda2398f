#pragma once

#include "core/setup/SetupController.h"
#include "ui/wizard/SetupWizard.h"

#include <QObject>
#include <QPointer>

namespace Cw {

class CheckDialog;
class ConnectorListModel;
class Database;
class InstanceSecrets;
class MainWindow;
class Prompter;

// Wires the connector window to the database, the secret stores and the wizard: fills the list, and
// answers New connector (the wizard), Settings (the same pages in Edit mode, showing the saved values),
// Check (a dialog with the check rows) and Remove (after a confirmation through the Prompter; removes the
// database rows and the keychain entries).
class ConnectorCoordinator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorCoordinator)

public:
    ConnectorCoordinator(Database& database, InstanceSecrets& secrets, Prompter& prompter, ConnectorListModel& model,
                         MainWindow& window, QObject* parent = nullptr);
    ~ConnectorCoordinator() override;

    void setDemo(const DemoSettings& demo) { m_demo = demo; }
    // Pages appended after the systems check (the settings panels), in order.
    void setExtraPages(const QList<SetupWizard::ExtraPage>& pages) { m_extraPages = pages; }

    void refresh();
    void newConnector();
    void openSettings(const QString& name);
    void runCheck(const QString& name);
    void removeConnector(const QString& name);

    // The open wizard or check dialog (for tests), or null.
    SetupWizard* wizard() const { return m_wizard; }
    CheckDialog* checkDialog() const;

signals:
    void wizardOpened(Cw::SetupWizard* wizard);
    void removed(const QString& name, bool ok);

private:
    void openWizard(SetupController* controller, SetupWizard::Mode mode);
    QString deploymentText(const QString& deployment) const;

    Database& m_database;
    InstanceSecrets& m_secrets;
    Prompter& m_prompter;
    ConnectorListModel& m_model;
    MainWindow& m_window;
    DemoSettings m_demo;
    QList<SetupWizard::ExtraPage> m_extraPages;
    QPointer<SetupWizard> m_wizard;
    QPointer<CheckDialog> m_checkDialog;
};

} // namespace Cw
