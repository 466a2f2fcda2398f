#include "ui/panels/PanelSetup.h"

#include "core/config/ConfigNames.h"
#include "core/config/UserMappings.h"
#include "core/localdata/LocalRecordStore.h"
#include "ui/panels/LookupsPanel.h"
#include "ui/panels/ServerVariablesPanel.h"
#include "ui/panels/UserMappingPanel.h"

#include <QTableWidget>

namespace Cw {

void PanelSetup::prepare(SettingsPanel* panel, Database& database, const Instance& instance)
{
    if (auto* users = qobject_cast<UserMappingPanel*>(panel)) {
        users->setUsers(UserMappings::localUsers(database));
    } else if (auto* variables = qobject_cast<ServerVariablesPanel*>(panel)) {
        variables->setInstance(instance);
        variables->setPaymentMethods(LocalRecordStore(database).values(LocalSchema::paymentMethodList()));
    } else if (auto* lookups = qobject_cast<LookupsPanel*>(panel)) {
        LocalRecordStore store(database);
        QHash<QString, QStringList> values;
        for (const QString& lookup : ConfigNames::lookups()) {
            values.insert(lookup, store.values(lookup));
        }
        lookups->setLocalValues(values);
    }
}

void PanelSetup::afterSave(SettingsPanel* panel, Database& database)
{
    if (auto* lookups = qobject_cast<LookupsPanel*>(panel)) {
        LocalRecordStore store(database);
        for (const auto& [lookup, value] : lookups->addedValues()) {
            store.addValue(lookup, value);
        }
    }
}

void PanelSetup::selectRow(SettingsPanel* panel, const QString& row)
{
    if (row.isEmpty()) {
        return;
    }
    if (auto* lookups = qobject_cast<LookupsPanel*>(panel)) {
        lookups->showLookup(row);
    } else if (auto* users = qobject_cast<UserMappingPanel*>(panel)) {
        const QList<UserRow> rows = users->rows();
        for (int i = 0; i < rows.size(); ++i) {
            if (rows.at(i).user.id == row) {
                users->table()->selectRow(i);
                users->table()->setFocus();
            }
        }
    } else if (auto* editor = panel->findChild<QWidget*>(QStringLiteral("variable_") + row)) {
        editor->setFocus();
    }
}

} // namespace Cw
