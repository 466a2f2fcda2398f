#include "ui/main/MainWindow.h"

#include "core/CwVersion.h"
#include "ui/main/ConnectorListModel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Cw {

MainWindow::MainWindow(ConnectorListModel* model, QWidget* parent) : QMainWindow(parent), m_model(model)
{
    setWindowTitle(tr("cwconnector"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cwconnector.svg")));
    setMinimumSize(480, 320);
    resize(760, 480);

    createActions();

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("connectorList"));
    m_list->setAccessibleName(tr("Connectors"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(4);

    m_emptyState = createEmptyState();

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_list);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("windowNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("background: #fff3cd; padding: 6px;"));
    m_notice->hide();
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_list, &QListView::activated, m_settings, &QAction::trigger);

    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateState);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateState);
    updateState();
}

void MainWindow::createActions()
{
    m_newConnector = new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New connector…"), this);
    m_newConnector->setObjectName(QStringLiteral("newConnectorAction"));
    m_newConnector->setShortcut(QKeySequence::New);
    m_newConnector->setStatusTip(tr("Set up a connection to a ConnectWise company"));
    connect(m_newConnector, &QAction::triggered, this, &MainWindow::newConnectorRequested);

    m_removeConnector = new QAction(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Remove…"), this);
    m_removeConnector->setObjectName(QStringLiteral("removeConnectorAction"));
    m_removeConnector->setShortcut(QKeySequence::Delete);
    connect(m_removeConnector, &QAction::triggered, this, [this] {
        const QString name = selectedConnector();
        if (!name.isEmpty()) {
            emit removeConnectorRequested(name);
        }
    });

    auto emitForSelection = [this](void (MainWindow::*signal)(const QString&)) {
        return [this, signal] {
            const QString name = selectedConnector();
            if (!name.isEmpty()) {
                emit(this->*signal)(name);
            }
        };
    };
    m_settings = new QAction(QIcon::fromTheme(QStringLiteral("document-properties")), tr("&Settings…"), this);
    m_settings->setObjectName(QStringLiteral("settingsAction"));
    m_settings->setStatusTip(tr("Show and change the selected connector's settings"));
    connect(m_settings, &QAction::triggered, this, emitForSelection(&MainWindow::settingsRequested));

    m_check = new QAction(QIcon::fromTheme(QStringLiteral("dialog-ok")), tr("&Check"), this);
    m_check->setObjectName(QStringLiteral("checkAction"));
    m_check->setShortcut(QKeySequence(tr("Ctrl+K")));
    m_check->setStatusTip(tr("Run the systems check of the selected connector"));
    connect(m_check, &QAction::triggered, this, emitForSelection(&MainWindow::checkRequested));

    m_sync = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("S&ync now"), this);
    m_sync->setObjectName(QStringLiteral("syncAction"));
    m_sync->setShortcut(QKeySequence(tr("Ctrl+Y")));
    connect(m_sync, &QAction::triggered, this, emitForSelection(&MainWindow::syncRequested));

    m_history = new QAction(QIcon::fromTheme(QStringLiteral("document-open-recent")), tr("Sync &history…"), this);
    m_history->setObjectName(QStringLiteral("historyAction"));
    m_history->setStatusTip(tr("Show the selected connector's sync runs and what happened to each record"));
    connect(m_history, &QAction::triggered, this, emitForSelection(&MainWindow::historyRequested));

    auto* quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto* about = new QAction(tr("&About cwconnector"), this);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    QMenu* fileMenu = menuBar()->addMenu(tr("&Connector"));
    fileMenu->addAction(m_newConnector);
    fileMenu->addAction(m_settings);
    fileMenu->addAction(m_check);
    fileMenu->addAction(m_sync);
    fileMenu->addAction(m_history);
    fileMenu->addAction(m_removeConnector);
    fileMenu->addSeparator();
    fileMenu->addAction(quit);
    menuBar()->addMenu(tr("&Help"))->addAction(about);

    QToolBar* toolBar = addToolBar(tr("Connectors"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_newConnector);
    toolBar->addAction(m_settings);
    toolBar->addAction(m_check);
    toolBar->addAction(m_sync);
    toolBar->addAction(m_history);
    toolBar->addAction(m_removeConnector);
}

QWidget* MainWindow::createEmptyState()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    auto* layout = new QVBoxLayout(page);
    layout->addStretch();

    auto* title = new QLabel(tr("No connectors yet"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto* text = new QLabel(tr("A connector links this system to one ConnectWise company. You will need the "
                               "company ID you log in with, and the public and private keys of an API member."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);

    auto* button = new QPushButton(tr("&New connector…"), page);
    button->setObjectName(QStringLiteral("emptyStateNewConnector"));
    button->setDefault(true);
    connect(button, &QPushButton::clicked, m_newConnector, &QAction::trigger);

    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

bool MainWindow::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

QString MainWindow::selectedConnector() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? QString() : selected.first().data(ConnectorListModel::NameRole).toString();
}

void MainWindow::updateState()
{
    const bool empty = m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget*>(m_list));
    const bool selected = !selectedConnector().isEmpty();
    m_removeConnector->setEnabled(selected);
    m_settings->setEnabled(selected);
    m_check->setEnabled(selected);
    m_history->setEnabled(selected);
    const QModelIndexList rows = m_list->selectionModel()->selectedIndexes();
    const ConnectorRow* row = rows.isEmpty() ? nullptr : m_model->connectorAt(rows.first().row());
    m_sync->setEnabled(row && row->ready);
    m_sync->setToolTip(!row              ? tr("Select a connector to sync it")
                           : !row->ready ? tr("Finish the setup first: open Settings and save the connector")
                                         : tr("Sync the selected connector with ConnectWise now"));
    m_sync->setStatusTip(m_sync->toolTip());
}

bool MainWindow::selectConnector(const QString& name)
{
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex index = m_model->index(i, 0);
        if (index.data(ConnectorListModel::NameRole).toString().compare(name, Qt::CaseInsensitive) == 0) {
            m_list->setCurrentIndex(index);
            m_list->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
            return true;
        }
    }
    return false;
}

void MainWindow::setNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString MainWindow::notice() const
{
    return m_notice->text();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About cwconnector"),
                       tr("<b>cwconnector %1</b><p>Connects this system to ConnectWise Manage (PSA).</p>")
                           .arg(QString::fromLatin1(kVersion)));
}

} // namespace Cw
