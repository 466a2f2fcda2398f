#pragma once

#include <QMainWindow>

class QAction;
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
    bool isShowingEmptyState() const;
    QString selectedConnector() const;

signals:
    void newConnectorRequested();
    void removeConnectorRequested(const QString& name);

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
};

} // namespace Cw
