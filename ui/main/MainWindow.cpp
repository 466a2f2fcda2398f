#include "ui/main/MainWindow.h"

#include "core/CwVersion.h"
#include "ui/common/WindowSize.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/ConnectorStatusView.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Cw {

MainWindow::MainWindow(ConnectorListModel* model, QWidget* parent) : QMainWindow(parent), m_model(model)
{
    setWindowTitle(tr("cwconnector"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cwconnector.svg")));
    setMinimumSize(480, 320);
    WindowSize::fitToScreen(this, {760, 480});

    createActions();

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("connectorList"));
    m_list->setAccessibleName(tr("Connectors"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSpacing(4);
    // A connector's state line wraps within the list's width: no sideways scrolling to read it.
    m_list->setWordWrap(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = m_list->indexAt(at);
        if (index.isValid()) {
            m_list->setCurrentIndex(index);
        }
        m_contextMenu->popup(m_list->viewport()->mapToGlobal(at));
    });

    m_status = new ConnectorStatusView(this);
    connect(m_status, &ConnectorStatusView::fixRequested, this, [this](SettingsPlace section, const QString& row) {
        const QString name = selectedConnector();
        if (!name.isEmpty()) {
            emit settingsSectionRequested(name, section, row);
        }
    });
    auto* statusScroll = new QScrollArea(this);
    statusScroll->setObjectName(QStringLiteral("statusScroll"));
    statusScroll->setWidgetResizable(true);
    statusScroll->setFrameShape(QFrame::NoFrame);
    statusScroll->setWidget(m_status);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(statusScroll);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    m_emptyState = createEmptyState();

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_splitter);
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

QAction* MainWindow::makeAction(const QString& icon, const QString& themeIcon, const QString& text,
                                const QString& objectName)
{
    auto* action =
        new QAction(QIcon::fromTheme(themeIcon, QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(icon))), text, this);
    action->setObjectName(objectName);
    return action;
}

void MainWindow::createActions()
{
    m_newConnector = makeAction(QStringLiteral("new"), QStringLiteral("list-add"), tr("&New connector…"),
                                QStringLiteral("newConnectorAction"));
    m_newConnector->setShortcut(QKeySequence(tr("Ctrl+N")));
    m_newConnector->setStatusTip(tr("Set up a connection to a ConnectWise company"));
    connect(m_newConnector, &QAction::triggered, this, &MainWindow::newConnectorRequested);

    m_removeConnector = makeAction(QStringLiteral("remove"), QStringLiteral("list-remove"), tr("&Remove…"),
                                   QStringLiteral("removeConnectorAction"));
    m_removeConnector->setShortcut(QKeySequence(Qt::Key_Delete));
    m_removeConnector->setStatusTip(tr("Remove the selected connector (asks first)"));
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
    m_settings = makeAction(QStringLiteral("settings"), QStringLiteral("document-properties"), tr("&Settings…"),
                            QStringLiteral("settingsAction"));
    m_settings->setShortcut(QKeySequence(tr("Ctrl+,")));
    m_settings->setStatusTip(tr("Show and change the selected connector's settings"));
    connect(m_settings, &QAction::triggered, this, emitForSelection(&MainWindow::settingsRequested));

    m_check =
        makeAction(QStringLiteral("check"), QStringLiteral("dialog-ok"), tr("&Check"), QStringLiteral("checkAction"));
    m_check->setShortcut(QKeySequence(tr("Ctrl+K")));
    m_check->setStatusTip(tr("Run the systems check of the selected connector"));
    connect(m_check, &QAction::triggered, this, emitForSelection(&MainWindow::checkRequested));

    m_sync = makeAction(QStringLiteral("sync"), QStringLiteral("view-refresh"), tr("S&ync now"),
                        QStringLiteral("syncAction"));
    m_sync->setShortcut(QKeySequence(tr("Ctrl+Y")));
    connect(m_sync, &QAction::triggered, this, emitForSelection(&MainWindow::syncRequested));

    m_history = makeAction(QStringLiteral("history"), QStringLiteral("document-open-recent"), tr("Sync &history…"),
                           QStringLiteral("historyAction"));
    m_history->setShortcut(QKeySequence(tr("Ctrl+H")));
    m_history->setStatusTip(tr("Show the selected connector's sync runs and what happened to each record"));
    connect(m_history, &QAction::triggered, this, emitForSelection(&MainWindow::historyRequested));

    m_import = makeAction(QStringLiteral("import"), QStringLiteral("document-import"), tr("&Import configuration…"),
                          QStringLiteral("importAction"));
    m_import->setStatusTip(tr("Create a connector from an exported configuration file"));
    connect(m_import, &QAction::triggered, this, &MainWindow::importRequested);

    m_export = makeAction(QStringLiteral("export"), QStringLiteral("document-export"), tr("&Export configuration…"),
                          QStringLiteral("exportAction"));
    m_export->setStatusTip(tr("Save the selected connector's settings to a file, without its keys"));
    connect(m_export, &QAction::triggered, this, emitForSelection(&MainWindow::exportRequested));

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setObjectName(QStringLiteral("quitAction"));
    m_quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    createMenus();
}

void MainWindow::createMenus()
{
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
    fileMenu->addAction(m_import);
    fileMenu->addAction(m_export);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quit);
    menuBar()->addMenu(tr("&Help"))->addAction(about);

    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(QStringLiteral("connectorContextMenu"));
    m_contextMenu->addAction(m_settings);
    m_contextMenu->addAction(m_check);
    m_contextMenu->addAction(m_sync);
    m_contextMenu->addAction(m_history);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_export);
    m_contextMenu->addAction(m_removeConnector);

    QToolBar* toolBar = addToolBar(tr("Connectors"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
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
    m_stack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget*>(m_splitter));
    const bool selected = !selectedConnector().isEmpty();
    m_removeConnector->setEnabled(selected);
    m_settings->setEnabled(selected);
    m_check->setEnabled(selected);
    m_history->setEnabled(selected);
    m_export->setEnabled(selected);
    const QModelIndexList rows = m_list->selectionModel()->selectedIndexes();
    const ConnectorRow* row = rows.isEmpty() ? nullptr : m_model->connectorAt(rows.first().row());
    m_sync->setEnabled(row && row->ready);
    m_sync->setToolTip(!row              ? tr("Select a connector to sync it")
                           : !row->ready ? tr("Finish the setup first: open Settings and save the connector")
                                         : tr("Sync the selected connector with ConnectWise now"));
    m_sync->setStatusTip(m_sync->toolTip());
    const QString current = selectedConnector();
    if (current != m_current || current.isEmpty()) {
        m_current = current;
        if (current.isEmpty()) {
            m_status->clear();
        }
        emit currentConnectorChanged(current);
    }
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
