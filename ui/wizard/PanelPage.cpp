#include "ui/wizard/PanelPage.h"

#include "core/config/ConnectorConfigRepository.h"
#include "core/connectwise/ApiClient.h"
#include "core/setup/SetupController.h"
#include "ui/panels/LookupsPanel.h"
#include "ui/panels/PanelSetup.h"
#include "ui/panels/ServerVariablesPanel.h"
#include "ui/panels/SyncOptionsPanel.h"
#include "ui/panels/UserMappingPanel.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Cw {

PanelPage::PanelPage(SetupController& controller, SettingsPanel* panel, Hook prepare, Hook afterSave, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller)
    , m_panel(panel)
    , m_prepare(std::move(prepare))
    , m_afterSave(std::move(afterSave))
{
    setTitle(panel->title());
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(panel);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("panelError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(m_error);
}

void PanelPage::initializePage()
{
    m_error->hide();
    StoreError error;
    const auto config = ConnectorConfigRepository(m_controller.database()).load(m_controller.draft().id, &error);
    m_config = config.value_or(ConnectorConfig());
    m_panel->setConfig(&m_config);
    if (m_prepare) {
        m_prepare(m_panel, m_controller);
    }
    QString connectionError;
    if (const auto session = m_controller.session(&connectionError)) {
        delete m_client;
        m_client = session->newClient(this);
        m_panel->setApiClient(m_client);
    }
    m_panel->load();
    if (m_client) {
        m_panel->refresh(); // live lists; the panel shows its own progress and errors
    }
}

bool PanelPage::validatePage()
{
    QString message;
    if (!m_panel->save(&message)) {
        m_error->setText(message);
        m_error->show();
        return false;
    }
    StoreError error;
    if (!ConnectorConfigRepository(m_controller.database()).replace(m_controller.draft().id, m_config, &error)) {
        m_error->setText(error.message);
        m_error->show();
        return false;
    }
    if (m_afterSave) {
        m_afterSave(m_panel, m_controller);
    }
    m_error->hide();
    return true;
}

QList<SetupWizard::ExtraPage> PanelPage::configurationPages()
{
    const Hook prepare = [](SettingsPanel* panel, SetupController& controller) {
        PanelSetup::prepare(panel, controller.database(), controller.draft());
    };
    const Hook afterSave = [](SettingsPanel* panel, SetupController& controller) {
        PanelSetup::afterSave(panel, controller.database());
    };
    auto page = [prepare, afterSave](auto makePanel) -> SetupWizard::ExtraPage {
        return [=](SetupController& c) -> QWizardPage* { return new PanelPage(c, makePanel(), prepare, afterSave); };
    };
    return {
        page([] { return new UserMappingPanel; }),
        page([] { return new ServerVariablesPanel; }),
        page([] { return new SyncOptionsPanel; }),
        page([] { return new LookupsPanel; }),
    };
}

} // namespace Cw
