#pragma once

#include "core/sync/SyncHistory.h"

#include <QAbstractTableModel>

namespace Cw {

// The runs of one connector, newest first: started, direction, entities, status, counts, message.
class SyncRunModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncRunModel)

public:
    enum Column {
        StartedColumn,
        DirectionColumn,
        EntitiesColumn,
        StatusColumn,
        CreatedColumn,
        UpdatedColumn,
        UnchangedColumn,
        SkippedColumn,
        FailedColumn,
        ConflictColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { RunIdRole = Qt::UserRole + 1 };

    explicit SyncRunModel(QObject* parent = nullptr);

    void setRuns(QList<SyncRunRecord> runs);
    const QList<SyncRunRecord>& runs() const { return m_runs; }
    int rowOf(qint64 runId) const; // -1 when not listed

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SyncRunRecord> m_runs;
};

} // namespace Cw
