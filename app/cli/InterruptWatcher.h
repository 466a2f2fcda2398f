#pragma once

#include <QObject>

#include <functional>

class QSocketNotifier;

namespace Cli {

// Turns Ctrl+C (SIGINT) and SIGTERM into a call on the event loop while it lives, so a long command (sync)
// stops cleanly: the page in progress is rolled back, the run is recorded as cancelled, the exit code says
// so. Unix only (a self-pipe); elsewhere it does nothing and the signal ends the process as usual, which the
// sync also survives (it resumes). A second signal while the first is handled ends the process at once.
class InterruptWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterruptWatcher)

public:
    explicit InterruptWatcher(std::function<void()> onInterrupt, QObject* parent = nullptr);
    ~InterruptWatcher() override;

private:
    std::function<void()> m_onInterrupt;
    QSocketNotifier* m_notifier = nullptr;
    bool m_installed = false;
};

} // namespace Cli
