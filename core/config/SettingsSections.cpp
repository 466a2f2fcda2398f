#include "core/config/SettingsSections.h"

namespace Cw {

QString SettingsSections::id(SettingsPlace place)
{
    switch (place) {
    case SettingsPlace::None:
        return QString();
    case SettingsPlace::Connection:
        return QStringLiteral("connection");
    case SettingsPlace::Keys:
        return QStringLiteral("keys");
    case SettingsPlace::LocalData:
        return QStringLiteral("local-data");
    case SettingsPlace::UserMapping:
        return QStringLiteral("user-mapping");
    case SettingsPlace::ServerVariables:
        return QStringLiteral("server-variables");
    case SettingsPlace::SyncOptions:
        return QStringLiteral("sync-options");
    case SettingsPlace::Lookups:
        return QStringLiteral("lookups");
    }
    return QString();
}

SettingsPlace SettingsSections::fromId(const QString& id)
{
    for (const SettingsPlace place : all()) {
        if (SettingsSections::id(place) == id) {
            return place;
        }
    }
    return SettingsPlace::None;
}

} // namespace Cw
