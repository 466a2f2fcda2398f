#include "ui/sync/SyncOutcomeFilter.h"

#include "ui/sync/SyncOutcomeModel.h"

namespace Cw {

SyncOutcomeFilter::SyncOutcomeFilter(QObject* parent) : QSortFilterProxyModel(parent) { }

void SyncOutcomeFilter::setAction(std::optional<SyncOutcome::Action> action)
{
    m_action = action;
    invalidateFilter();
}

void SyncOutcomeFilter::setEntity(std::optional<Entity> entity)
{
    m_entity = entity;
    invalidateFilter();
}

void SyncOutcomeFilter::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool SyncOutcomeFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_action && index.data(SyncOutcomeModel::ActionRole).toInt() != int(*m_action)) {
        return false;
    }
    if (m_entity && index.data(SyncOutcomeModel::EntityRole).value<Entity>() != *m_entity) {
        return false;
    }
    return m_text.isEmpty() ||
        index.data(SyncOutcomeModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

QList<SyncOutcome> SyncOutcomeFilter::visibleOutcomes() const
{
    const auto* model = qobject_cast<const SyncOutcomeModel*>(sourceModel());
    QList<SyncOutcome> out;
    if (!model) {
        return out;
    }
    out.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        out.append(model->outcomes().at(mapToSource(index(row, 0)).row()));
    }
    return out;
}

} // namespace Cw
