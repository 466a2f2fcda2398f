#pragma once

#include "core/sync/SyncFix.h"
#include "core/sync/SyncTypes.h"

#include <QCoreApplication>

namespace Cw {

// The Sync now window's result line: what a preview or sync did, why it stopped, what did not start and how to
// fix it. What needs attention comes one line each (a missing server variable, a permission, options off for the
// entity the admin picked); the entities left out of a whole-connector run only because their sync options are off
// come as one line per direction ("Pull is off for: Accounts, Products"). Its strings keep the Sync now window's
// translation context; the CLI words the same summary its own way (core/sync), unchanged by this.
class SyncResultText final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncDialog)

public:
    static QString of(const SyncSummary& summary);
    // Where "Fix in Settings…" goes: the place of the first entity that needs attention, else of the first fix.
    static SettingsPlace fixPlace(const SyncSummary& summary);

private:
    // Blocked only because its options are off, in a run that did not name it: not a failure.
    static bool onlyOptionsOff(const SyncSummary& summary, const SyncSlot& slot);
};

} // namespace Cw
