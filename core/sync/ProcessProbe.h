#pragma once

#include <QtGlobal>

namespace Cw::ProcessProbe {

// Whether a process of this machine with that id exists and has not ended (a zombie, ended but not yet reaped by
// its parent, counts as ended). A process of another user counts as running. Used to tell a sync lease whose
// holder on this host was killed from one whose holder still runs.
bool isRunning(qint64 processId);

} // namespace Cw::ProcessProbe
