#include "ui/wizard/PanelPage.h"

#include "core/config/ConfigNames.h"
#include "core/localdata/LocalSchema.h"
#include "core/setup/SetupController.h"
#include "ui/panels/LookupsPanel.h"
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
    m_config = m_controller.loadConfig(nullptr);
    m_panel->setConfig(&m_config);
    if (m_prepare) {
        m_prepare(m_panel, m_controller);
    }
    QString connectionError;
    delete m_client;
    m_client = m_controller.newClient(this, &connectionError); // adopts the company info of the setup
    if (m_client) {
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
    if (!m_controller.saveConfig(m_config, &message)) {
        m_error->setText(message);
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
    return {
        [](SetupController& c) -> QWizardPage* {
            return new PanelPage(c, new UserMappingPanel, [](SettingsPanel* panel, SetupController& controller) {
                static_cast<UserMappingPanel*>(panel)->setUsers(controller.localUsers());
            });
        },
        [](SetupController& c) -> QWizardPage* {
            return new PanelPage(c, new ServerVariablesPanel, [](SettingsPanel* panel, SetupController& controller) {
                auto* variables = static_cast<ServerVariablesPanel*>(panel);
                variables->setInstance(controller.draft());
                variables->setPaymentMethods(controller.localValues(LocalSchema::paymentMethodList()));
            });
        },
        [](SetupController& c) -> QWizardPage* { return new PanelPage(c, new SyncOptionsPanel); },
        [](SetupController& c) -> QWizardPage* {
            return new PanelPage(
                c, new LookupsPanel,
                [](SettingsPanel* panel, SetupController& controller) {
                    QHash<QString, QStringList> values;
                    for (const QString& lookup : ConfigNames::lookups()) {
                        values.insert(lookup, controller.localValues(lookup));
                    }
                    static_cast<LookupsPanel*>(panel)->setLocalValues(values);
                },
                [](SettingsPanel* panel, SetupController& controller) {
                    for (const auto& [lookup, value] : static_cast<LookupsPanel*>(panel)->addedValues()) {
                        controller.addLocalValue(lookup, value);
                    }
                });
        },
    };
}

} // namespace Cw
