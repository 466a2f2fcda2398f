#pragma once

#include "app/sim/HttpMessage.h"

namespace Sim {

class Simulator;

// The test/demo control API under /_sim/ (no auth; the simulator only listens on loopback):
// GET /_sim/state, POST /_sim/faults (replace the fault settings), POST /_sim/reset (reseed the data;
// optional body {"seed":N}; also clears the violations), GET /_sim/requests (the request log as JSON, no secrets),
// GET /_sim/violations (the writes refused for a model reason, see ViolationLog).
class ControlApi final
{
public:
    explicit ControlApi(Simulator& simulator) : m_simulator(simulator) { }

    HttpResponse handle(const HttpRequest& request);

private:
    Simulator& m_simulator;
};

} // namespace Sim
