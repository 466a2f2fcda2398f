#include "core/sync/SyncTypes.h"

namespace Cw {

Direction SyncRequest::direction() const
{
    return push && pull ? Direction::Both : push ? Direction::Push : Direction::Pull;
}

QString SyncSlot::label() const
{
    return nameOf(direction) + QLatin1Char(' ') + nameOf(entity);
}

QString SyncOutcome::actionName(Action action)
{
    switch (action) {
    case Action::Created:
        return QStringLiteral("created");
    case Action::Updated:
        return QStringLiteral("updated");
    case Action::Unchanged:
        return QStringLiteral("unchanged");
    case Action::Skipped:
        return QStringLiteral("skipped");
    case Action::Failed:
        return QStringLiteral("failed");
    case Action::Conflict:
        return QStringLiteral("conflict");
    }
    return {};
}

std::optional<SyncOutcome::Action> SyncOutcome::parseAction(const QString& name)
{
    for (auto a :
         {Action::Created, Action::Updated, Action::Unchanged, Action::Skipped, Action::Failed, Action::Conflict}) {
        if (actionName(a) == name) {
            return a;
        }
    }
    return std::nullopt;
}

void SyncCounts::add(SyncOutcome::Action action)
{
    switch (action) {
    case SyncOutcome::Action::Created:
        ++created;
        break;
    case SyncOutcome::Action::Updated:
        ++updated;
        break;
    case SyncOutcome::Action::Unchanged:
        ++unchanged;
        break;
    case SyncOutcome::Action::Skipped:
        ++skipped;
        break;
    case SyncOutcome::Action::Failed:
        ++failed;
        break;
    case SyncOutcome::Action::Conflict:
        ++conflict;
        break;
    }
}

void SyncCounts::add(const SyncCounts& other)
{
    created += other.created;
    updated += other.updated;
    unchanged += other.unchanged;
    skipped += other.skipped;
    failed += other.failed;
    conflict += other.conflict;
}

SyncCounts SyncSummary::totals() const
{
    SyncCounts sum;
    for (const SyncCounts& c : pushCounts) {
        sum.add(c);
    }
    for (const SyncCounts& c : pullCounts) {
        sum.add(c);
    }
    return sum;
}

} // namespace Cw
