#include "ui/settings/PanelSection.h"

#include "core/config/ConnectorConfigRepository.h"
#include "ui/panels/PanelSetup.h"
#include "ui/panels/SettingsPanel.h"

#include <QAbstractItemView>
#include <QVBoxLayout>

namespace Cw {

PanelSection::PanelSection(SettingsPlace place, SettingsPanel* panel, QWidget* parent)
    : SettingsSection(parent), m_place(place), m_panel(panel)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(panel);
    // Tab leaves a table for the next control (arrow keys move inside it): the section works with the keyboard.
    for (QAbstractItemView* view : panel->findChildren<QAbstractItemView*>()) {
        view->setTabKeyNavigation(false);
    }
    // The panels flag their own rows as the admin edits (unmapped values, stale variables, unsupported cells);
    // what save() refuses is shown next to the section by the dialog.
    connect(panel, &SettingsPanel::modified, this, [this] { setModified(true); });
}

QString PanelSection::title() const
{
    return m_panel->title();
}

void PanelSection::load(const SectionContext& context)
{
    m_context = context;
    m_config = ConnectorConfigRepository(*context.database).load(context.instance.id).value_or(ConnectorConfig());
    m_panel->setConfig(&m_config);
    PanelSetup::prepare(m_panel, *context.database, context.instance);
    m_panel->load();
    setValidation(QString());
    setModified(false);
    if (context.client) {
        clientReady(context.client);
    }
}

void PanelSection::clientReady(ApiClient* client)
{
    m_context.client = client;
    m_panel->setApiClient(client);
    m_panel->refresh(); // live lists; the panel shows its own progress and errors
}

bool PanelSection::apply(QString* error)
{
    ConnectorConfig edited = m_config;
    m_panel->setConfig(&edited);
    if (!m_panel->save(error)) {
        m_panel->setConfig(&m_config);
        return false;
    }
    StoreError storeError;
    if (!ConnectorConfigRepository(*m_context.database).replace(m_context.instance.id, edited, &storeError)) {
        m_panel->setConfig(&m_config);
        *error = storeError.message;
        return false;
    }
    m_config = edited;
    m_panel->setConfig(&m_config);
    PanelSetup::afterSave(m_panel, *m_context.database);
    setValidation(QString());
    setModified(false);
    return true;
}

void PanelSection::selectRow(const QString& row)
{
    PanelSetup::selectRow(m_panel, row);
}

} // namespace Cw
