#include "ui/wizard/LocalDataPage.h"

#include "ui/panels/LocalDataPanel.h"

#include <QVBoxLayout>

namespace Cw {

LocalDataPage::LocalDataPage(LocalDataPanel* panel, QWidget* parent) : QWizardPage(parent), m_panel(panel)
{
    setObjectName(QStringLiteral("localDataPage"));
    setTitle(tr("Local data"));
    setSubTitle(tr("Import the CSV files of your system, or keep what the database already holds."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_panel);
}

void LocalDataPage::initializePage()
{
    m_panel->refresh();
}

SetupWizard::ExtraPage LocalDataPage::factory(PanelFactory makePanel)
{
    return
        [makePanel = std::move(makePanel)](SetupController&) -> QWizardPage* { return new LocalDataPage(makePanel()); };
}

} // namespace Cw
