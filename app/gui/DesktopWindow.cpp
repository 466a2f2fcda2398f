#include "app/gui/DesktopWindow.h"

#include "ui/panels/LocalDataPanel.h"
#include "ui/wizard/LocalDataPage.h"
#include "ui/wizard/PanelPage.h"

namespace Cw {

DesktopWindow::DesktopWindow(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                             Prompter& prompter)
    : m_window(&m_connectors), m_coordinator(database, secrets, network, prompter, m_connectors, m_window)
{
    m_coordinator.setExtraPages(QList<SetupWizard::ExtraPage> {LocalDataPage::factory(
                                    [&database, &prompter] { return new LocalDataPanel(database, prompter); })} +
                                PanelPage::configurationPages());
    m_coordinator.setLocalDataFactory(
        [&prompter](Database& db, QWidget* parent) -> QWidget* { return new LocalDataPanel(db, prompter, parent); });
}

} // namespace Cw
