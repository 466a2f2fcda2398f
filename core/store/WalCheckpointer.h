#pragma once

#include "core/store/Database.h"

#include <QThread>

#include <atomic>
#include <memory>

namespace Cw {

// Copies SQLite's write-ahead log back into the database file in a thread of its own, with a connection of its
// own, while one connection writes many transactions (a pull commits page after page). The writer's commits then
// only append to the log; the checkpoints (reading the log, writing the file, syncing both: about a fifth of what
// a page's commit cost) overlap the writer's next page instead of delaying it. PASSIVE checkpoints never wait for
// the writer or block it, and a log that was copied completely is reused from its start, so it stays small.
//
// SQLite files only: on PostgreSQL (or when the second connection cannot open) it does nothing and the writer
// keeps its own automatic checkpoints. While active, the writer's automatic checkpoints are off; the destructor
// stops the thread (after the checkpoint under way) and turns them back on.
class WalCheckpointer final
{
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

public:
    explicit WalCheckpointer(Database& writer);
    ~WalCheckpointer();

    bool isActive() const { return m_active; }
    // After a commit: a checkpoint soon (requests made while one waits are merged). Thread-safe.
    void afterCommit();
    int checkpointsRun() const { return m_runs.load(); }
    Qt::HANDLE checkpointThread() const { return m_threadId.load(); }

private:
    void checkpoint();

    Database& m_writer;
    QThread m_thread;
    QObject* m_context = nullptr; // lives in m_thread
    std::unique_ptr<Database> m_connection; // opened, used and closed in m_thread
    int m_writerAutoCheckpoint = 1000; // what the writer had, restored at the end
    bool m_active = false;
    std::atomic_bool m_requested {false};
    std::atomic_int m_runs {0};
    std::atomic<Qt::HANDLE> m_threadId {nullptr};
};

} // namespace Cw
