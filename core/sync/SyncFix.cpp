#include "core/sync/SyncFix.h"

#include "core/config/SyncMatrix.h"

namespace Cw {

SyncFix SyncFix::turnOn(Entity entity, Direction direction)
{
    const Operation create = createIn(direction);
    const Operation update = updateIn(direction);
    SyncFix fix;
    fix.place = SettingsPlace::SyncOptions;
    fix.commandLine = tr("turn one on with: options NAME --set %1.%2=on").arg(nameOf(entity), nameOf(create));
    fix.text = tr("Turn on %1 or %2 of %3 in %4.")
                   .arg(SyncMatrix::operationTitle(create), SyncMatrix::operationTitle(update),
                        SyncMatrix::entityTitle(entity), placeTitle(fix.place));
    return fix;
}

SyncFix SyncFix::pickVariable(const QString& key)
{
    SyncFix fix;
    fix.place = SettingsPlace::ServerVariables;
    fix.commandLine = tr("pick it with: variables NAME --set %1=ID").arg(key);
    fix.text = tr("Pick %1 in %2.").arg(key, placeTitle(fix.place));
    return fix;
}

QString SyncFix::placeTitle(SettingsPlace place)
{
    switch (place) {
    case SettingsPlace::Connection:
        return tr("Settings › Connection");
    case SettingsPlace::Keys:
        return tr("Settings › Keys");
    case SettingsPlace::LocalData:
        return tr("Settings › Local data");
    case SettingsPlace::UserMapping:
        return tr("Settings › User mapping");
    case SettingsPlace::ServerVariables:
        return tr("Settings › Server variables");
    case SettingsPlace::SyncOptions:
        return tr("Settings › Sync options");
    case SettingsPlace::Lookups:
        return tr("Settings › Lookups");
    case SettingsPlace::None:
        break;
    }
    return tr("Settings");
}

} // namespace Cw
