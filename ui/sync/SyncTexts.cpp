#include "ui/sync/SyncTexts.h"

namespace Cw {

QString SyncTexts::entity(const QString& entity)
{
    if (entity == QLatin1String("accounts")) {
        return tr("Accounts");
    }
    if (entity == QLatin1String("products")) {
        return tr("Products");
    }
    if (entity == QLatin1String("invoices")) {
        return tr("Invoices");
    }
    if (entity == QLatin1String("orders")) {
        return tr("Orders");
    }
    if (entity == QLatin1String("payments")) {
        return tr("Payments");
    }
    return entity;
}

QString SyncTexts::direction(const QString& direction)
{
    if (direction == QLatin1String("push")) {
        return tr("Push");
    }
    if (direction == QLatin1String("pull")) {
        return tr("Pull");
    }
    if (direction == QLatin1String("both")) {
        return tr("Push and pull");
    }
    return direction;
}

QString SyncTexts::action(SyncOutcome::Action action)
{
    switch (action) {
    case SyncOutcome::Action::Created:
        return tr("Created");
    case SyncOutcome::Action::Updated:
        return tr("Updated");
    case SyncOutcome::Action::Unchanged:
        return tr("Unchanged");
    case SyncOutcome::Action::Skipped:
        return tr("Skipped");
    case SyncOutcome::Action::Failed:
        return tr("Failed");
    }
    return {};
}

QString SyncTexts::status(const QString& status)
{
    if (status == QLatin1String("succeeded")) {
        return tr("Succeeded");
    }
    if (status == QLatin1String("failed")) {
        return tr("Failed");
    }
    if (status == QLatin1String("running")) {
        return tr("Running");
    }
    if (status == QLatin1String("interrupted")) {
        return tr("Interrupted");
    }
    return status;
}

QString SyncTexts::counts(const SyncCounts& c)
{
    return tr("%1 created, %2 updated, %3 unchanged, %4 skipped, %5 failed")
        .arg(c.created)
        .arg(c.updated)
        .arg(c.unchanged)
        .arg(c.skipped)
        .arg(c.failed);
}

} // namespace Cw
