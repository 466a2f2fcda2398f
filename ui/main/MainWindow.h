#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QListView;
class QStackedWidget;

namespace Cw {

class ConnectorListModel;

// The connector window: the list of connectors with each one's state, or an empty state that
// points at "New connector". It only shows the model it is given and emits the admin's intents.
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

private:
    QWidget* createEmptyState();
    void createActions();
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
    QLabel* m_notice = nullptr;
};

} // namespace Cw
