#include "core/config/SettingsSections.h"

#include "core/sync/SyncFix.h"

namespace Cw {

QString SettingsSections::forPlace(SettingsPlace place)
{
    switch (place) {
    case SettingsPlace::None:
        return QString();
    case SettingsPlace::Connection:
        return connection();
    case SettingsPlace::Keys:
        return keys();
    case SettingsPlace::LocalData:
        return localData();
    case SettingsPlace::UserMapping:
        return userMapping();
    case SettingsPlace::ServerVariables:
        return serverVariables();
    case SettingsPlace::SyncOptions:
        return syncOptions();
    case SettingsPlace::Lookups:
        return lookups();
    }
    return QString();
}

} // namespace Cw
