#include "tests/ui/KeyPress.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/MainWindow.h"

#include <QAction>
#include <QFile>
#include <QFontInfo>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Cw;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void fontsAreInstalled();
    void emptyStateOffersNewConnector();
    void listShowsConnectorsWithState();
    void removeNeedsSelection();
    void actionsFollowTheSelection();
};

void TestMainWindow::fontsAreInstalled()
{
    // Without a font package every label renders as boxes while tests still pass: catch that here.
    QVERIFY2(!QFontInfo(QApplication::font()).family().isEmpty(), "no fonts: install fonts-dejavu-core");
    // The icon resource is registered by cwui itself (no Q_INIT_RESOURCE needed in executables).
    QVERIFY(QFile::exists(QStringLiteral(":/icons/cwconnector.svg")));
}

void TestMainWindow::emptyStateOffersNewConnector()
{
    ConnectorListModel model;
    MainWindow window(&model);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isShowingEmptyState());

    auto* button = window.findChild<QPushButton*>(QStringLiteral("emptyStateNewConnector"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QSignalSpy requested(&window, &MainWindow::newConnectorRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);

    // The keyboard shortcut reaches the same action.
    QCOMPARE(window.newConnectorAction()->shortcut(), QKeySequence(QKeySequence::New));
    QVERIFY(CwTest::pressKeys(&window, QKeySequence(QStringLiteral("Ctrl+N"))));
    QCOMPARE(requested.count(), 2);
}

void TestMainWindow::listShowsConnectorsWithState()
{
    ConnectorListModel model;
    MainWindow window(&model);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    ConnectorRow production {QStringLiteral("Production"),
                             QStringLiteral("ConnectWise Cloud (North America)"),
                             true,
                             QDateTime::currentDateTimeUtc(),
                             true,
                             {}};
    ConnectorRow staging {QStringLiteral("Staging"), QStringLiteral("Staging"), false, {}, false, {}};
    model.setConnectors({production, staging});
    QVERIFY(!window.isShowingEmptyState());

    auto* list = window.findChild<QListView*>(QStringLiteral("connectorList"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->model()->rowCount(), 2);
    const QString first = list->model()->index(0, 0).data().toString();
    QVERIFY2(first.contains(QStringLiteral("Production")) && first.contains(QStringLiteral("Ready")) &&
                 first.contains(QStringLiteral("check passed")),
             qPrintable(first));
    const QString second = list->model()->index(1, 0).data().toString();
    QVERIFY2(second.contains(QStringLiteral("Draft")) && second.contains(QStringLiteral("never checked")),
             qPrintable(second));

    model.setConnectors({});
    QVERIFY(window.isShowingEmptyState());
}

void TestMainWindow::removeNeedsSelection()
{
    ConnectorListModel model;
    MainWindow window(&model);
    model.setConnectors({ConnectorRow {QStringLiteral("Production"), QString(), true, {}, false, {}}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.removeConnectorAction()->isEnabled());

    auto* list = window.findChild<QListView*>(QStringLiteral("connectorList"));
    list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(window.removeConnectorAction()->isEnabled());
    QSignalSpy removal(&window, &MainWindow::removeConnectorRequested);
    QVERIFY(CwTest::pressKeys(&window, QKeySequence(Qt::Key_Delete)));
    QCOMPARE(removal.count(), 1);
    QCOMPARE(removal.first().first().toString(), QStringLiteral("Production"));
}

void TestMainWindow::actionsFollowTheSelection()
{
    ConnectorListModel model;
    MainWindow window(&model);
    model.setConnectors({ConnectorRow {QStringLiteral("Production"), QString(), true, {}, false, {}},
                         ConnectorRow {QStringLiteral("Staging"), QString(), false, {}, false, {}}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.settingsAction()->isEnabled());
    QVERIFY(!window.checkAction()->isEnabled());
    // Sync now needs a selected, ready connector, and says so.
    QVERIFY(!window.syncAction()->isEnabled());
    QCOMPARE(window.syncAction()->toolTip(), QStringLiteral("Select a connector to sync it"));
    QVERIFY(!window.historyAction()->isEnabled());

    QVERIFY(window.selectConnector(QStringLiteral("staging")));
    QCOMPARE(window.selectedConnector(), QStringLiteral("Staging"));
    QVERIFY(window.settingsAction()->isEnabled());
    QVERIFY(window.checkAction()->isEnabled());
    QVERIFY(!window.syncAction()->isEnabled()); // a draft
    QVERIFY(window.syncAction()->toolTip().startsWith(QStringLiteral("Finish the setup first")));
    QVERIFY(window.historyAction()->isEnabled());
    QSignalSpy sync(&window, &MainWindow::syncRequested);
    QVERIFY(CwTest::pressKeys(&window, QKeySequence(QStringLiteral("Ctrl+Y")))); // a draft: nothing happens
    QCOMPARE(sync.count(), 0);
    QVERIFY(window.selectConnector(QStringLiteral("Production")));
    QVERIFY(window.syncAction()->isEnabled());
    QVERIFY(CwTest::pressKeys(&window, QKeySequence(QStringLiteral("Ctrl+Y"))));
    QCOMPARE(sync.count(), 1);
    QCOMPARE(sync.first().first().toString(), QStringLiteral("Production"));
    QVERIFY(window.selectConnector(QStringLiteral("staging")));
    QSignalSpy settings(&window, &MainWindow::settingsRequested);
    QSignalSpy check(&window, &MainWindow::checkRequested);
    QVERIFY(CwTest::pressKeys(&window, QKeySequence(QStringLiteral("Ctrl+,"))));
    QVERIFY(CwTest::pressKeys(&window, QKeySequence(QStringLiteral("Ctrl+K"))));
    QCOMPARE(settings.count(), 1);
    QCOMPARE(settings.first().first().toString(), QStringLiteral("Staging"));
    QCOMPARE(check.count(), 1);
    QVERIFY(!window.selectConnector(QStringLiteral("Nope")));

    window.setNotice(QStringLiteral("Keys are kept for this session only."));
    QCOMPARE(window.notice(), QStringLiteral("Keys are kept for this session only."));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("windowNotice"))->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
