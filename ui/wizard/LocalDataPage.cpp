#include "ui/wizard/LocalDataPage.h"

#include "core/setup/SetupController.h"
#include "ui/panels/LocalDataPanel.h"

#include <QVBoxLayout>

namespace Cw {

LocalDataPage::LocalDataPage(SetupController& controller, QWidget* parent)
    : QWizardPage(parent), m_panel(new LocalDataPanel(controller.database(), this))
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

SetupWizard::ExtraPage LocalDataPage::factory()
{
    return [](SetupController& controller) -> QWizardPage* { return new LocalDataPage(controller); };
}

} // namespace Cw
