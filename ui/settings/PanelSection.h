#pragma once

#include "core/config/ConnectorConfig.h"
#include "ui/settings/SettingsSection.h"

namespace Cw {

class SettingsPanel;

// A Settings section around one configuration panel (user mapping, server variables, sync options, lookups): the
// same panel classes as the wizard. It loads the connector's configuration, gives the panel the live client once
// the keys were read, and Apply saves the panel and writes the configuration (ConnectorConfigRepository::replace):
// never the keys, never a check.
class PanelSection final : public SettingsSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelSection)

public:
    PanelSection(SettingsPlace place, SettingsPanel* panel, QWidget* parent = nullptr);

    SettingsPlace place() const override { return m_place; }
    QString title() const override;
    void load(const SectionContext& context) override;
    bool apply(QString* error) override;
    void selectRow(const QString& row) override;
    void clientReady(ApiClient* client) override;

    SettingsPanel* panel() const { return m_panel; }

private:
    SettingsPlace m_place;
    SettingsPanel* m_panel;
    SectionContext m_context;
    ConnectorConfig m_config;
};

} // namespace Cw
