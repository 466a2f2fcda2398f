#pragma once

#include "core/config/SettingsSections.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QStackedWidget;
class QSplitter;

namespace Cw {

class ConnectorListModel;
class ConnectorStatusView;

// The connector window, the admin's home: the list of connectors beside the selected one's state at a glance
// (ConnectorStatusView, with the buttons that fix what needs attention), or an empty state that points at "New
// connector". Toolbar, menus, the list's context menu and the shortcuts of PRODUCT.md ("The connector window") carry
// the same actions. It only shows what it is given and emits the admin's intents.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(ConnectorListModel* model, QWidget* parent = nullptr);

    QAction* newConnectorAction() const { return m_newConnector; }
    QAction* removeConnectorAction() const { return m_removeConnector; }
    QAction* settingsAction() const { return m_settings; }
    QAction* checkAction() const { return m_check; }
    QAction* syncAction() const { return m_sync; }
    QAction* historyAction() const { return m_history; }
    QAction* importAction() const { return m_import; }
    QAction* exportAction() const { return m_export; }
    QAction* quitAction() const { return m_quit; }
    QListView* connectorList() const { return m_list; }
    ConnectorStatusView* statusView() const { return m_status; }
    // The menu the list shows on a right click (or the menu key) over a connector.
    QMenu* contextMenu() const { return m_contextMenu; }
    // Selects the connector with that name (case-insensitive); false if there is none.
    bool selectConnector(const QString& name);
    // A notice above the list (e.g. "keys are kept for this session only"); empty hides it.
    void setNotice(const QString& text);
    QString notice() const;
    bool isShowingEmptyState() const;
    QString selectedConnector() const;

signals:
    void newConnectorRequested();
    void removeConnectorRequested(const QString& name);
    void settingsRequested(const QString& name);
    void checkRequested(const QString& name);
    void syncRequested(const QString& name);
    void historyRequested(const QString& name);
    // A fix button of the state at a glance: open that Settings section, at row if not empty.
    void settingsSectionRequested(const QString& name, Cw::SettingsPlace section, const QString& row);
    void importRequested();
    void exportRequested(const QString& name);
    // The selection changed (empty: none); the coordinator answers with statusView()->setStatus().
    void currentConnectorChanged(const QString& name);

private:
    QWidget* createEmptyState();
    void createActions();
    void createMenus();
    QAction* makeAction(const QString& icon, const QString& themeIcon, const QString& text, const QString& objectName);
    void updateState();
    void showAbout();

    ConnectorListModel* m_model;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_emptyState = nullptr;
    QListView* m_list = nullptr;
    QAction* m_newConnector = nullptr;
    QAction* m_removeConnector = nullptr;
    QAction* m_settings = nullptr;
    QAction* m_check = nullptr;
    QAction* m_sync = nullptr;
    QAction* m_history = nullptr;
    QAction* m_import = nullptr;
    QAction* m_export = nullptr;
    QAction* m_quit = nullptr;
    QMenu* m_contextMenu = nullptr;
    QSplitter* m_splitter = nullptr;
    ConnectorStatusView* m_status = nullptr;
    QString m_current;
    QLabel* m_notice = nullptr;
};

} // namespace Cw
