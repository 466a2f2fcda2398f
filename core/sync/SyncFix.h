#pragma once

#include "core/config/SettingsSections.h"
#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"

#include <QCoreApplication>
#include <QString>

namespace Cw {

// What fixes an entity that could not start, so that each front end says it its own way: the CLI as a command
// (`options NAME --set accounts.push_create=on`), the desktop app as a section of Settings with a button that
// opens it ("Turn on Push create or Push update of Account ↔ company in Settings › Sync options").
struct SyncFix
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncFix)

public:
    SettingsPlace place = SettingsPlace::None;
    QString commandLine; // the CLI's wording, with NAME for the connector
    QString text; // the desktop app's wording

    bool isValid() const { return place != SettingsPlace::None; }

    // Neither the create nor the update option of entity is on in direction.
    static SyncFix turnOn(Entity entity, Direction direction);
    // Server variable key is missing or stale.
    static SyncFix pickVariable(const QString& key);
    // "Settings › Sync options"
    static QString placeTitle(SettingsPlace place);
};

} // namespace Cw
