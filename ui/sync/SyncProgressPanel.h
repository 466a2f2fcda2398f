#pragma once

#include "core/sync/SyncTypes.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace Cw {

// The running part of the sync dialog: a progress bar for the entity being synced (busy while its total is
// unknown), "Pulling Accounts: 3,000 of 100,000 — 12,500 records/s", and a table of per-entity counts that
// follows the run and holds the final counts at the end.
class SyncProgressPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProgressPanel)

public:
    explicit SyncProgressPanel(QWidget* parent = nullptr);

    void reset();
    void updateProgress(Direction direction, Entity entity, int processed, int total);
    void updateCounts(Direction direction, Entity entity, const SyncCounts& counts); // live
    void showSummary(const SyncSummary& summary);

    QString progressText() const;
    int rowOf(Direction direction, Entity entity) const; // counts table row, -1 if none
    QTableWidget* countsTable() const { return m_table; }

private:
    int ensureRow(Direction direction, Entity entity);
    void setCounts(int row, const SyncCounts& counts);
    void setActionCounts(int row, const SyncCounts& counts);

    QProgressBar* m_bar;
    QLabel* m_text;
    QTableWidget* m_table;
    QElapsedTimer m_entityTimer;
};

} // namespace Cw
