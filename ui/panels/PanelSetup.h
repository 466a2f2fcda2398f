#pragma once

#include "core/config/Instance.h"

namespace Cw {

class Database;
class SettingsPanel;

// What a configuration panel needs before load() and writes after a successful save, whoever hosts it (the wizard's
// PanelPage, the Settings dialog's PanelSection): the local users, the payment methods, the local lookup values,
// and the local values the admin added in the lookups panel.
class PanelSetup final
{
public:
    static void prepare(SettingsPanel* panel, Database& database, const Instance& instance);
    static void afterSave(SettingsPanel* panel, Database& database);
    // Selects a row of the panel: a local user id, a server variable key or a lookup name.
    static void selectRow(SettingsPanel* panel, const QString& row);
};

} // namespace Cw
