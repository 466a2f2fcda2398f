#pragma once

#include "core/sync/SyncTypes.h"

#include <QCoreApplication>

namespace Cw {

// The words the sync windows show for the engine's names (entities, directions, actions, run statuses).
class SyncTexts final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncTexts)

public:
    static QString entity(Entity entity); // Entity::Accounts -> "Accounts"
    static QString direction(Direction direction); // "Push", "Pull", "Push and pull"
    static QString action(SyncOutcome::Action action);
    static QString status(const QString& status); // succeeded | failed | running | interrupted
    static QString counts(const SyncCounts& counts); // "3 created, 1 updated, ..."
    // A conflict's fields, one a line: "name: local “A”, ConnectWise “B”".
    static QString conflicts(const QList<FieldConflict>& conflicts);
};

} // namespace Cw
