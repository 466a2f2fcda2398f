#include "ui/sync/SyncTexts.h"

namespace Cw {

QString SyncTexts::entity(Entity entity)
{
    switch (entity) {
    case Entity::Accounts:
        return tr("Accounts");
    case Entity::Products:
        return tr("Products");
    case Entity::Invoices:
        return tr("Invoices");
    case Entity::InvoiceLines:
        return tr("Invoice lines");
    case Entity::Orders:
        return tr("Orders");
    case Entity::OrderLines:
        return tr("Order lines");
    case Entity::Payments:
        return tr("Payments");
    case Entity::Users:
        break;
    }
    return nameOf(entity);
}

QString SyncTexts::direction(Direction direction)
{
    switch (direction) {
    case Direction::Push:
        return tr("Push");
    case Direction::Pull:
        return tr("Pull");
    case Direction::Both:
        return tr("Push and pull");
    }
    return nameOf(direction);
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
    case SyncOutcome::Action::Conflict:
        return tr("Conflict");
    }
    return {};
}

QString SyncTexts::conflicts(const QList<FieldConflict>& conflicts)
{
    QStringList lines;
    for (const FieldConflict& c : conflicts) {
        lines.append(
            tr("%1: local \u201c%2\u201d, ConnectWise \u201c%3\u201d").arg(c.field, c.localValue, c.remoteValue));
    }
    return lines.join(QLatin1Char('\n'));
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
    QString text = tr("%1 created, %2 updated, %3 unchanged, %4 skipped, %5 failed")
                       .arg(c.created)
                       .arg(c.updated)
                       .arg(c.unchanged)
                       .arg(c.skipped)
                       .arg(c.failed);
    if (c.conflict > 0) {
        text += tr(", %1 in conflict").arg(c.conflict);
    }
    return text;
}

} // namespace Cw
