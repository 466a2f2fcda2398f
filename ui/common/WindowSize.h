#pragma once

#include <QSize>

class QWidget;

namespace Cw {

// Sizes a top-level window for the screen it appears on: the size it would like, but never more than the
// screen's available area minus room for the window manager's frame, so that a 1366×768 screen at 150 %
// (911×512 logical pixels) shows every button.
class WindowSize final
{
public:
    // Resizes window to preferred (logical pixels), bounded by its screen; call once before the first show().
    static void fitToScreen(QWidget* window, const QSize& preferred);
    // The largest size a top-level window may take on that window's screen.
    static QSize available(const QWidget* window);
};

} // namespace Cw
