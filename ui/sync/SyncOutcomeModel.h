#pragma once

#include "core/sync/SyncTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cw {

// Per-record outcomes of a sync (a preview or a run from the history) as a table: direction, entity, local id,
// ConnectWise id, action, reason. A plain model over the loaded rows, so 100,000 outcomes stay cheap to show.
class SyncOutcomeModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncOutcomeModel)

public:
    enum Column {
        DirectionColumn,
        EntityColumn,
        LocalIdColumn,
        RemoteIdColumn,
        ActionColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        ActionRole = Qt::UserRole + 1, // int(SyncOutcome::Action)
        EntityRole, // a Cw::Entity
        SearchTextRole, // local id, ConnectWise id and reason, for the text filter
        LocalIdRole, // the record's local id (empty for a whole entity)
    };

    explicit SyncOutcomeModel(QObject* parent = nullptr);

    void setOutcomes(QList<SyncOutcome> outcomes);
    const QList<SyncOutcome>& outcomes() const { return m_outcomes; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SyncOutcome> m_outcomes;
};

} // namespace Cw
