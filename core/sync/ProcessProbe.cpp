#include "core/sync/ProcessProbe.h"

#include <QFile>

#if defined(Q_OS_WIN)
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace Cw::ProcessProbe {

bool isRunning(qint64 processId)
{
    if (processId <= 0) {
        return false;
    }
#if defined(Q_OS_WIN)
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(processId));
    if (!process) {
        return GetLastError() == ERROR_ACCESS_DENIED; // exists, but not ours to open
    }
    DWORD code = 0;
    const bool running = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return running;
#else
    if (::kill(static_cast<pid_t>(processId), 0) != 0 && errno != EPERM) {
        return false; // ESRCH: no such process
    }
#if defined(Q_OS_LINUX)
    // /proc/PID/stat: "PID (name) STATE ...": Z (zombie) and X (dead) have ended.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(processId));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        if (close >= 0 && close + 2 < text.size()) {
            const char state = text.at(close + 2);
            return state != 'Z' && state != 'X';
        }
    }
#endif
    return true;
#endif
}

} // namespace Cw::ProcessProbe
