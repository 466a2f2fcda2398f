#pragma once

#include "core/config/ConnectorSession.h"
#include "core/config/Instance.h"
#include "core/sync/SyncTypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Cw {

class ConflictPicker;
class Database;
class Prompter;
class SyncOutcomeModel;
class SyncProgressPanel;
class SyncWorker;

// Sync now for one connector: scope (all entities or one), direction, full pull; Preview (a dry run: what
// would be created, updated or skipped and why, conflicts with both values and the side to keep, Save as CSV…), Sync
// (the real run), Cancel while running (what was done stays), Close. The run happens in a SyncWorker thread; the dialog
// shows its progress and, at the end, a result line, the entities that did not start and why, and Show in history.
// While another process or desktop syncs the connector (SyncLease), the result line says who and since when, and Sync
// is refused. Keys: Enter = Preview when idle; Esc = Cancel while running, else Close. Closing while running asks.
class SyncDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncDialog)

public:
    SyncDialog(Database& database, Prompter& prompter, const Instance& instance, const ConnectorSession& session,
               QWidget* parent = nullptr);
    ~SyncDialog() override;

    void setPageSize(int pageSize); // pulls (tests use small pages)
    SyncRequest request() const; // what the inputs ask for (dryRun false)
    Direction chosenDirection() const;
    bool isRunning() const;
    QString resultText() const;
    QString progressText() const;
    const SyncSummary& lastSummary() const { return m_summary; }
    SyncOutcomeModel* outcomes() const { return m_outcomeModel; }
    SyncProgressPanel* progressPanel() const { return m_progress; }
    SyncWorker* worker() const { return m_worker; }
    ConflictPicker* conflictPicker() const { return m_picker; }
    QTableView* outcomeTable() const { return m_table; }

    void preview();
    void startSync();
    void cancelRun();
    void reject() override; // Close / the window's close button: asks first while running

signals:
    void runFinished(const Cw::SyncSummary& summary); // after every preview and sync
    void historyRequested(qint64 runId);
    // "Fix in Settings…": the section of the connector's settings that fixes what kept an entity from starting.
    void settingsRequested(Cw::SettingsPlace place);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void buildInputs();
    void updateEntityChoices();
    void showOtherSync();
    void start(bool dryRun);
    void setRunning(bool running);
    void finish(const SyncSummary& summary);
    void saveCsv();

    Database& m_database;
    Prompter& m_prompter;
    Instance m_instance;
    SyncWorker* m_worker;
    SyncSummary m_summary;
    bool m_closeAfterRun = false;
    QComboBox* m_entity = nullptr;
    QComboBox* m_direction = nullptr;
    QCheckBox* m_full = nullptr;
    SyncProgressPanel* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QTableView* m_table = nullptr;
    SyncOutcomeModel* m_outcomeModel = nullptr;
    ConflictPicker* m_picker = nullptr; // Keep ConnectWise / Keep local for the conflict selected
    QPushButton* m_preview = nullptr;
    QPushButton* m_sync = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_saveCsv = nullptr;
    QPushButton* m_history = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_fix = nullptr;
};

} // namespace Cw
