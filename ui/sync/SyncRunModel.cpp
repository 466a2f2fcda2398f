#include "ui/sync/SyncRunModel.h"

#include "ui/sync/SyncTexts.h"

#include <QLocale>

namespace Cw {

SyncRunModel::SyncRunModel(QObject* parent) : QAbstractTableModel(parent) { }

void SyncRunModel::setRuns(QList<SyncRunRecord> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int SyncRunModel::rowOf(qint64 runId) const
{
    for (int i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).id == runId) {
            return i;
        }
    }
    return -1;
}

int SyncRunModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int SyncRunModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant SyncRunModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size()) {
        return {};
    }
    const SyncRunRecord& run = m_runs.at(index.row());
    if (role == RunIdRole) {
        return run.id;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= CreatedColumn && index.column() <= ConflictColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case StartedColumn:
        return QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
    case DirectionColumn:
        return SyncTexts::direction(run.direction);
    case EntitiesColumn: {
        QStringList names;
        for (Entity e : run.entities) {
            names.append(SyncTexts::entity(e));
        }
        return names.join(QStringLiteral(", "));
    }
    case StatusColumn:
        return SyncTexts::status(run.status);
    case CreatedColumn:
        return run.counts.created;
    case UpdatedColumn:
        return run.counts.updated;
    case UnchangedColumn:
        return run.counts.unchanged;
    case SkippedColumn:
        return run.counts.skipped;
    case FailedColumn:
        return run.counts.failed;
    case ConflictColumn:
        return run.counts.conflict;
    case MessageColumn:
        return run.message;
    default:
        return {};
    }
}

QVariant SyncRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case DirectionColumn:
        return tr("Direction");
    case EntitiesColumn:
        return tr("Entities");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case UpdatedColumn:
        return tr("Updated");
    case UnchangedColumn:
        return tr("Unchanged");
    case SkippedColumn:
        return tr("Skipped");
    case FailedColumn:
        return tr("Failed");
    case ConflictColumn:
        return tr("Conflicts");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace Cw
