#pragma once

// Checks every top-level window's test makes (issue: every window fits 1366×768 at 150 % and works with the
// keyboard alone). Run such a test with cw_add_test(... LAPTOP_SCREEN): the offscreen platform then shows one
// virtual 1366×768 screen at QT_SCALE_FACTOR=1.5, so the logical screen is 911×512.
//
//   QVERIFY2(CwTest::onLaptopScreen(&why), qPrintable(why));
//   dialog.show();
//   QVERIFY2(CwTest::fitsScreen(&dialog, &why), qPrintable(why));
//   QVERIFY2(CwTest::keyboardReachable(&dialog, &why), qPrintable(why));
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTabBar>
#include <QTextEdit>
#include <QToolBar>
#include <QWidget>

namespace CwTest {

// Room a window manager's title bar and frame take, in device pixels.
constexpr int kFrameDevicePixels = 40;

// The test runs on the virtual laptop screen: 1366×768 device pixels at 150 %.
inline bool onLaptopScreen(QString* why)
{
    const QScreen* screen = QGuiApplication::primaryScreen();
    const QSize device = screen->geometry().size() * screen->devicePixelRatio();
    if (qAbs(device.width() - 1366) > 2 || qAbs(device.height() - 768) > 2 || screen->devicePixelRatio() != 1.5) {
        *why = QStringLiteral("not on the 1366x768 screen at 150 %: %1x%2 device pixels at %3 (use LAPTOP_SCREEN)")
                   .arg(device.width())
                   .arg(device.height())
                   .arg(screen->devicePixelRatio());
        return false;
    }
    return true;
}

namespace Detail {

inline QString describe(const QWidget* w)
{
    const QString name =
        w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
    if (const auto* button = qobject_cast<const QAbstractButton*>(w)) {
        return name + QStringLiteral(" \"") + button->text() + QLatin1Char('"');
    }
    return name;
}

// Inside a scroll area's viewport (may lie outside the window until scrolled to) or a tool bar (reached through
// the menu bar and shortcuts instead of Tab).
inline bool scrolledOrToolBar(const QWidget* w, const QWidget* window)
{
    for (const QWidget* p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (qobject_cast<const QToolBar*>(p)) {
            return true;
        }
        if (const auto* area = qobject_cast<const QAbstractScrollArea*>(p); area && area->viewport()->isAncestorOf(w)) {
            return true;
        }
    }
    return false;
}

// What a user operates: buttons, inputs, lists and tables, tabs. A widget that only shows something in a control's
// shape says so with the property "displayOnly" (the wizard's step list: progress, never operated).
inline bool isControl(const QWidget* w)
{
    if (w->property("displayOnly").toBool()) {
        return false;
    }
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w) ||
        qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractSpinBox*>(w) ||
        qobject_cast<const QAbstractItemView*>(w) || qobject_cast<const QTextEdit*>(w) ||
        qobject_cast<const QPlainTextEdit*>(w) || qobject_cast<const QAbstractSlider*>(w) ||
        qobject_cast<const QTabBar*>(w);
}

// Part of another control: the line edit of a combo box or spin box, the header or editor of a list or table, the
// scroll bars of a scroll area, a line edit's clear button (the keyboard clears with Ctrl+A, Delete).
inline bool isPart(const QWidget* w, const QWidget* window)
{
    for (const QWidget* p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox*>(p) || qobject_cast<const QAbstractSpinBox*>(p) ||
            qobject_cast<const QAbstractItemView*>(p) || qobject_cast<const QLineEdit*>(p)) {
            return true;
        }
        if (const auto* area = qobject_cast<const QAbstractScrollArea*>(p);
            area && !area->viewport()->isAncestorOf(w)) {
            return true;
        }
    }
    return false;
}

// The controls a user sees; inScrollAreas: also those inside a scroll area's viewport or a tool bar (possibly
// outside the window until scrolled to).
inline QList<QWidget*> visibleControls(QWidget* window, bool inScrollAreas)
{
    QList<QWidget*> controls;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!isControl(w) || isPart(w, window) || !w->isVisibleTo(window) || !w->isEnabled()) {
            continue;
        }
        if (!inScrollAreas && scrolledOrToolBar(w, window)) {
            continue;
        }
        controls.append(w);
    }
    return controls;
}

} // namespace Detail

// The shown window, its minimum size and its frame fit the screen's available area, and every visible control
// lies inside the window (nothing cut off at the bottom or the right).
inline bool fitsScreen(QWidget* window, QString* why)
{
    const QScreen* screen = window->screen();
    const qreal ratio = screen->devicePixelRatio();
    const QSize available = screen->availableGeometry().size();
    const int frame = qCeil(kFrameDevicePixels / ratio);
    auto fits = [&](const QSize& size) {
        return size.width() <= available.width() && size.height() + frame <= available.height();
    };
    const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
    if (!fits(minimum) || !fits(window->size())) {
        *why = QStringLiteral("%1 is %2x%3 (minimum %4x%5) logical pixels; the screen has %6x%7 with %8 for the frame")
                   .arg(Detail::describe(window))
                   .arg(window->width())
                   .arg(window->height())
                   .arg(minimum.width())
                   .arg(minimum.height())
                   .arg(available.width())
                   .arg(available.height())
                   .arg(frame);
        return false;
    }
    for (QWidget* w : Detail::visibleControls(window, false)) {
        const QRect inWindow(w->mapTo(window, QPoint(0, 0)), w->size());
        if (!window->rect().contains(inWindow)) {
            *why = QStringLiteral("%1 at %2,%3 %4x%5 lies outside the %6x%7 window")
                       .arg(Detail::describe(w))
                       .arg(inWindow.x())
                       .arg(inWindow.y())
                       .arg(inWindow.width())
                       .arg(inWindow.height())
                       .arg(window->width())
                       .arg(window->height());
            return false;
        }
    }
    return true;
}

// Every visible, enabled control is in the window's Tab chain (takes Tab focus) and has an accessible name (its
// own, its text, or its buddy label's), as a screen reader announces it.
inline bool keyboardReachable(QWidget* window, QString* why)
{
    QSet<QWidget*> chain;
    for (QWidget* w = window->nextInFocusChain(); w && w != window; w = w->nextInFocusChain()) {
        if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(window) && w->isEnabled()) {
            chain.insert(w);
        }
    }
    QStringList problems;
    for (QWidget* w : Detail::visibleControls(window, true)) {
        if (Detail::scrolledOrToolBar(w, window) && qobject_cast<QToolBar*>(w->parentWidget())) {
            continue; // tool bar buttons: the menu bar and shortcuts reach their actions
        }
        QWidget* target = w->focusProxy() ? w->focusProxy() : w;
        if (!chain.contains(target)) {
            problems.append(Detail::describe(w) + QStringLiteral(": not reachable with Tab"));
        }
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty()) {
            problems.append(Detail::describe(w) + QStringLiteral(": no accessible name"));
        }
    }
    if (!problems.isEmpty()) {
        *why = problems.join(QStringLiteral("; "));
        return false;
    }
    return true;
}

// No two visible buttons or buddied labels share an Alt mnemonic (Qt would only cycle between them: Alt+key no
// longer does what either says).
inline bool mnemonicsUnique(QWidget* window, QString* why)
{
    const auto mnemonic = [](const QString& text) -> QChar {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('&')) {
                if (text.at(i + 1) != QLatin1Char('&')) {
                    return text.at(i + 1).toLower();
                }
                ++i; // "&&" is a literal ampersand
            }
        }
        return {};
    };
    QHash<QChar, QString> owners;
    QStringList problems;
    const QList<QWidget*> widgets = window->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(window) || w->window() != window) {
            continue;
        }
        QString text;
        if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            text = button->text();
        } else if (auto* label = qobject_cast<QLabel*>(w); label && label->buddy()) {
            text = label->text();
        }
        const QChar key = mnemonic(text);
        if (key.isNull()) {
            continue;
        }
        if (owners.contains(key)) {
            problems.append(QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(key.toUpper(), owners.value(key), text));
        } else {
            owners.insert(key, text);
        }
    }
    if (!problems.isEmpty()) {
        *why = problems.join(QStringLiteral("; "));
        return false;
    }
    return true;
}

} // namespace CwTest
