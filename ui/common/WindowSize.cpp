#include "ui/common/WindowSize.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <QtMath>

namespace Cw {

namespace {
// Title bar and frame of a typical window manager, in device pixels.
constexpr int kFrameDevicePixels = 40;
} // namespace

QSize WindowSize::available(const QWidget* window)
{
    const QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    const QSize area = screen->availableGeometry().size();
    const int frame = qCeil(kFrameDevicePixels / screen->devicePixelRatio());
    return {area.width() - frame / 4, area.height() - frame};
}

void WindowSize::fitToScreen(QWidget* window, const QSize& preferred)
{
    window->resize(preferred.boundedTo(available(window)));
}

} // namespace Cw
