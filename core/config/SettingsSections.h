#pragma once

#include <QString>
#include <QStringList>

namespace Cw {

enum class SettingsPlace; // core/sync/SyncFix.h

// The sections of a connector's Settings dialog, by their stable ids: what a fix button (the connector window's
// attention items, the sync window's fixes) asks ConnectorCoordinator::openSettings(name, section, row) for.
class SettingsSections final
{
public:
    static QString connection() { return QStringLiteral("connection"); }
    static QString keys() { return QStringLiteral("keys"); }
    static QString localData() { return QStringLiteral("local-data"); }
    static QString userMapping() { return QStringLiteral("user-mapping"); }
    static QString serverVariables() { return QStringLiteral("server-variables"); }
    static QString syncOptions() { return QStringLiteral("sync-options"); }
    static QString lookups() { return QStringLiteral("lookups"); }

    // The section of a sync fix's place (SyncFix); empty for SettingsPlace::None.
    static QString forPlace(SettingsPlace place);

    // Every id, in the order the dialog lists them.
    static QStringList all()
    {
        return {connection(), keys(), localData(), userMapping(), serverVariables(), syncOptions(), lookups()};
    }
};

} // namespace Cw
