#pragma once

#include "ui/main/ConnectorCoordinator.h"
#include "ui/main/ConnectorListModel.h"
#include "ui/main/MainWindow.h"

namespace Cw {

class Database;
class InstanceSecrets;
class NetworkAccessFactory;
class Prompter;

// The connector window as the desktop app composes it: the connector list, the window and its coordinator, with
// the wizard's pages after the systems check (Local data, then the configuration panels) and the Settings dialog's
// Local data section. main() builds it from its long-lived services; the GUI test of the admin's whole job
// (tests/ui/journey) builds the same, so it walks exactly the windows an admin gets.
class DesktopWindow final
{
    Q_DISABLE_COPY_MOVE(DesktopWindow)

public:
    DesktopWindow(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                  Prompter& prompter);

    MainWindow& window() { return m_window; }
    ConnectorCoordinator& coordinator() { return m_coordinator; }

private:
    ConnectorListModel m_connectors;
    MainWindow m_window;
    ConnectorCoordinator m_coordinator; // last: it closes its dialogs before the window goes
};

} // namespace Cw
