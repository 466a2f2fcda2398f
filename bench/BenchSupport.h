#pragma once

#include "core/connectwise/Connection.h"

#include <QStringList>
#include <QUrl>

class QProcess;

// What every benchmark needs: peak-memory readings and a simulator to measure against.
namespace Bench {

// A /proc/self/status value in kB ("VmHWM" for the peak, "VmRSS" for now), or -1 off Linux.
qint64 procStatusKb(const char* key);

// Starts cwconnector-sim with args and returns its address once it listens (empty on failure, with
// the reason on stderr). Generating 100,000 records takes a while: it waits up to two minutes.
QUrl startSim(QProcess& sim, const QStringList& args);

// A connection to that simulator with its demo keys (caFile: the test CA for HTTPS, empty for plain http).
Cw::Connection simConnection(const QUrl& simUrl, const QString& caFile);

} // namespace Bench
