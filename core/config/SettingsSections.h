#pragma once

#include <QList>
#include <QString>

namespace Cw {

// The sections of a connector's Settings dialog: the one name for them in core (a sync fix's place, what needs
// attention in the connector window) and in the desktop app (ConnectorCoordinator::openSettings(name, place, row),
// the dialog's sections). None: no section (a fix the Settings cannot make; openSettings shows Connection).
enum class SettingsPlace { None, Connection, Keys, LocalData, UserMapping, ServerVariables, SyncOptions, Lookups };

// Their stable string ids, derived from the enum: for object names ("fix-lookups") and the dialog's category list.
class SettingsSections final
{
public:
    static QString id(SettingsPlace place); // "connection", "local-data", ...; empty for None
    static SettingsPlace fromId(const QString& id); // None for an unknown id

    // Every section, in the order the dialog lists them.
    static QList<SettingsPlace> all()
    {
        return {SettingsPlace::Connection,      SettingsPlace::Keys,
                SettingsPlace::LocalData,       SettingsPlace::UserMapping,
                SettingsPlace::ServerVariables, SettingsPlace::SyncOptions,
                SettingsPlace::Lookups};
    }
};

} // namespace Cw
