#pragma once

// Presses, types and picks in the app's windows the way an admin does, for the journey test: mouse clicks on
// buttons, Space on check boxes, the arrow keys in lists, the toolbar of the connector window. Each helper returns
// false (with a warning saying why) when the widget is missing or never becomes usable, so the test says where the
// journey stopped.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QListWidget>
#include <QMainWindow>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>

namespace Journey {

constexpr int kWait = 60000;

// The shown window (a top-level widget: the wizard, a dialog) with that object name, or null.
template <typename T = QWidget>
T* shownWindow(const QString& objectName)
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget* w : windows) {
        if (w->isVisible() && w->objectName() == objectName) {
            if (auto* typed = qobject_cast<T*>(w)) {
                return typed;
            }
        }
    }
    return nullptr;
}

// Waits for the window to show and makes it the active one (where the keyboard goes).
template <typename T = QWidget>
T* waitForWindow(const QString& objectName)
{
    T* window = nullptr;
    if (!QTest::qWaitFor([&] { return (window = shownWindow<T>(objectName)) != nullptr; }, kWait)) {
        qWarning("window %s did not show", qPrintable(objectName));
        return nullptr;
    }
    if (!QTest::qWaitForWindowExposed(window)) {
        qWarning("window %s is not exposed", qPrintable(objectName));
        return nullptr;
    }
    QApplication::setActiveWindow(window);
    return window;
}

// A picture of a window as the admin sees it on the laptop screen (1366x768 at 150 %), for the README:
// build/screenshots/NAME.png.
inline bool screenshot(QWidget* window, const QString& name)
{
    QDir().mkpath(QStringLiteral(CW_SCREENSHOT_DIR));
    QCoreApplication::processEvents();
    return window->grab().save(QStringLiteral(CW_SCREENSHOT_DIR "/") + name + QStringLiteral(".png"));
}

inline bool usable(QWidget* widget, const char* what)
{
    if (!widget) {
        qWarning("no %s", what);
        return false;
    }
    if (!QTest::qWaitFor([widget] { return widget->isVisible() && widget->isEnabled(); }, kWait)) {
        qWarning("%s (%s) stays hidden or disabled", what, qPrintable(widget->objectName()));
        return false;
    }
    return true;
}

// A mouse click on a push or tool button, once it is shown and enabled.
inline bool click(QAbstractButton* button, const char* what = "button")
{
    if (!usable(button, what)) {
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

// Space on a check box: toggles it as a click on its box does.
inline bool toggle(QAbstractButton* box, const char* what = "check box")
{
    if (!usable(box, what)) {
        return false;
    }
    const bool before = box->isChecked();
    QTest::keyClick(box, Qt::Key_Space);
    return box->isChecked() != before;
}

// The connector window's toolbar button of an action (by the action's object name).
inline bool clickToolbar(QMainWindow* window, const char* actionName)
{
    auto* toolBar = window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    auto* action = window->findChild<QAction*>(QString::fromLatin1(actionName));
    if (!toolBar || !action) {
        qWarning("no toolbar or no action %s", actionName);
        return false;
    }
    return click(qobject_cast<QAbstractButton*>(toolBar->widgetForAction(action)), actionName);
}

// The arrow keys on a closed combo box until it shows item `index` (what a pick from the keyboard does: the combo
// box emits activated() and currentIndexChanged()).
inline bool pickIndex(QComboBox* combo, int index)
{
    if (!usable(combo, "combo box") || index < 0 || index >= combo->count()) {
        qWarning("cannot pick item %d of %s", index, combo ? qPrintable(combo->objectName()) : "(none)");
        return false;
    }
    for (int step = 0; step < combo->count() && combo->currentIndex() != index; ++step) {
        QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    }
    return combo->currentIndex() == index;
}

// Picks the first item whose text starts with `text` (the lists show "Name (id)").
inline bool pickText(QComboBox* combo, const QString& text)
{
    for (int i = 0; combo && i < combo->count(); ++i) {
        if (combo->itemText(i).startsWith(text, Qt::CaseInsensitive)) {
            return pickIndex(combo, i);
        }
    }
    qWarning("%s has no item %s", combo ? qPrintable(combo->objectName()) : "(none)", qPrintable(text));
    return false;
}

inline bool pickData(QComboBox* combo, const QString& data)
{
    return pickIndex(combo, combo ? combo->findData(data) : -1);
}

// A mouse click on the list item with that text.
inline bool clickItem(QListWidget* list, const QString& text)
{
    const QList<QListWidgetItem*> items = list ? list->findItems(text, Qt::MatchExactly) : QList<QListWidgetItem*>();
    if (items.isEmpty()) {
        qWarning("no list item %s", qPrintable(text));
        return false;
    }
    list->scrollToItem(items.first());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(items.first()).center());
    return list->currentItem() == items.first();
}

// The standard button (Close, OK) of a dialog's button box.
inline QAbstractButton* dialogButton(QWidget* dialog, QDialogButtonBox::StandardButton which)
{
    const QList<QDialogButtonBox*> boxes = dialog->findChildren<QDialogButtonBox*>();
    for (QDialogButtonBox* box : boxes) {
        if (QAbstractButton* button = box->button(which)) {
            return button;
        }
    }
    return nullptr;
}

// The combo box of a table row (the panels put one in column 1), found by the text in column 0.
inline QComboBox* rowCombo(QTableWidget* table, const QString& firstColumn)
{
    for (int r = 0; table && r < table->rowCount(); ++r) {
        if (table->item(r, 0) && table->item(r, 0)->text().startsWith(firstColumn)) {
            return qobject_cast<QComboBox*>(table->cellWidget(r, 1));
        }
    }
    return nullptr;
}

// The rows a table view shows, one line each with its cells separated by " | " (for failure messages).
inline QString rowsShown(const QAbstractItemModel* model)
{
    QStringList lines;
    for (int r = 0; model && r < model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c) {
            cells.append(model->index(r, c).data().toString());
        }
        lines.append(cells.join(QLatin1String(" | ")));
    }
    return lines.join(QLatin1Char('\n'));
}

// The live ConnectWise list reached the panel's table: its first row offers more than "(unmapped)".
inline bool listsShown(QTableWidget* table)
{
    return QTest::qWaitFor(
        [table] {
            auto* combo = table->rowCount() > 0 ? qobject_cast<QComboBox*>(table->cellWidget(0, 1)) : nullptr;
            return combo && combo->count() > 1;
        },
        kWait);
}

} // namespace Journey
