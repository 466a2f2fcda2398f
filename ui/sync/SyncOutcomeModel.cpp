#include "ui/sync/SyncOutcomeModel.h"

#include "ui/sync/SyncTexts.h"

namespace Cw {

SyncOutcomeModel::SyncOutcomeModel(QObject* parent) : QAbstractTableModel(parent) { }

void SyncOutcomeModel::setOutcomes(QList<SyncOutcome> outcomes)
{
    beginResetModel();
    m_outcomes = std::move(outcomes);
    endResetModel();
}

int SyncOutcomeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_outcomes.size());
}

int SyncOutcomeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant SyncOutcomeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_outcomes.size()) {
        return {};
    }
    const SyncOutcome& o = m_outcomes.at(index.row());
    switch (role) {
    case ActionRole:
        return int(o.action);
    case EntityRole:
        return QVariant::fromValue(o.entity);
    case LocalIdRole:
        return o.localId;
    case SearchTextRole:
        return QString(o.localId + QLatin1Char(' ') + (o.remoteId > 0 ? QString::number(o.remoteId) : QString()) +
                       QLatin1Char(' ') + o.reason);
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn && !o.conflicts.isEmpty()) {
            return SyncTexts::conflicts(o.conflicts); // both values of each field, one a line
        }
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case DirectionColumn:
        return SyncTexts::direction(o.direction);
    case EntityColumn:
        return SyncTexts::entity(o.entity);
    case LocalIdColumn:
        return o.localId.isEmpty() ? tr("(whole entity)") : o.localId;
    case RemoteIdColumn:
        return o.remoteId > 0 ? QVariant(o.remoteId) : QVariant(QString());
    case ActionColumn:
        return SyncTexts::action(o.action);
    case ReasonColumn:
        return o.reason;
    default:
        return {};
    }
}

QVariant SyncOutcomeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case DirectionColumn:
        return tr("Direction");
    case EntityColumn:
        return tr("Entity");
    case LocalIdColumn:
        return tr("Local id");
    case RemoteIdColumn:
        return tr("ConnectWise id");
    case ActionColumn:
        return tr("Action");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace Cw
