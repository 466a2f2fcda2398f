#pragma once

// Presses keys as the admin does: in the active window, so that window shortcuts (a QAction's, a button's
// mnemonic) fire as they do in the app, instead of triggering the action in the test. The offscreen platform makes
// a shown window active on request, as a window manager does.
//
//   QVERIFY(CwTest::pressKeys(window, QKeySequence(QStringLiteral("Ctrl+K"))));

#include <QKeySequence>
#include <QTest>
#include <QWidget>

namespace CwTest {

// False when the window could not be made active (the keys were not pressed).
inline bool pressKeys(QWidget* window, const QKeySequence& keys)
{
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window)) {
        return false;
    }
    QTest::keySequence(window, keys);
    return true;
}

} // namespace CwTest
