#pragma once

#include "core/config/ConnectorConfig.h"
#include "ui/wizard/SetupWizard.h"

#include <QWizardPage>

#include <functional>

class QLabel;

namespace Cw {

class ApiClient;
class SettingsPanel;

// A wizard page around one settings panel (user mapping, server variables, sync options, lookups): it
// loads the connector's configuration when shown, gives the panel an API client so its lists come
// live from ConnectWise, and saves the configuration when the admin moves on. The same panels open
// from the connector's settings, since Settings reopens these pages.
class PanelPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelPage)

public:
    // prepare: what the panel needs before load() (the instance, the local values or users).
    // afterSave: extra writes after a successful save (e.g. local values added in the lookups panel).
    using Hook = std::function<void(SettingsPanel* panel, SetupController& controller)>;

    PanelPage(SetupController& controller, SettingsPanel* panel, Hook prepare = {}, Hook afterSave = {},
              QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

    SettingsPanel* panel() const { return m_panel; }

    // The four configuration pages, in PRODUCT.md's order, for SetupWizard's extra pages.
    static QList<SetupWizard::ExtraPage> configurationPages();

private:
    SetupController& m_controller;
    SettingsPanel* m_panel;
    Hook m_prepare;
    Hook m_afterSave;
    ConnectorConfig m_config;
    ApiClient* m_client = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace Cw
