#pragma once

#include "core/config/Instance.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Cw {

class ConflictPicker;
class Database;
class Prompter;
class SyncOutcomeFilter;
class SyncOutcomeModel;
class SyncRunModel;

// The sync history of one connector: its runs on the left (started, direction, entities, status, counts,
// message), the selected run's per-record outcomes on the right, narrowed by action, entity and a text found in
// the ids or the reason, and Export CSV of what is shown; for a conflict, Keep ConnectWise / Keep local. Models over
// the loaded rows keep 100,000 outcomes responsive.
class SyncHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHistoryDialog)

public:
    SyncHistoryDialog(Database& database, Prompter& prompter, const Instance& instance, QWidget* parent = nullptr);

    void reload(); // the runs again, keeping the selected one
    bool selectRun(qint64 runId); // false when that run is not listed
    qint64 selectedRun() const;
    qint64 instanceId() const { return m_instance.id; }

    SyncRunModel* runs() const { return m_runs; }
    SyncOutcomeModel* outcomes() const { return m_outcomes; }
    SyncOutcomeFilter* filter() const { return m_filter; }
    ConflictPicker* conflictPicker() const { return m_picker; }
    QTableView* outcomeTable() const { return m_outcomeTable; }

private:
    void showRun(qint64 runId);
    void applyFilter();
    void exportCsv();

    Database& m_database;
    Prompter& m_prompter;
    Instance m_instance;
    qint64 m_shownRun = 0;
    SyncRunModel* m_runs;
    SyncOutcomeModel* m_outcomes;
    SyncOutcomeFilter* m_filter;
    QTableView* m_runTable;
    QTableView* m_outcomeTable;
    QComboBox* m_action;
    QComboBox* m_entity;
    QLineEdit* m_search;
    QLabel* m_status;
    QPushButton* m_export;
    ConflictPicker* m_picker;
};

} // namespace Cw
