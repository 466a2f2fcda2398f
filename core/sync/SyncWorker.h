#pragma once

#include "core/config/ConnectorSession.h"
#include "core/store/DatabaseLocation.h"
#include "core/sync/SyncTypes.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Cw {

class SyncEngine;

// Runs one SyncEngine::run() in a thread of its own, for the GUI. Everything the run touches is made in that
// thread: a Database opened on the same location (a Qt Sql connection must stay in the thread that opened it),
// and a client of the connector's session (its keys are never logged).
// progress() reaches the receivers in their own thread (queued); finished() is emitted in the thread that
// owns the worker, once, after the run's thread has ended. Destroying a running worker cancels and waits.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    SyncWorker(DatabaseLocation location, ConnectorSession session, QObject* parent = nullptr);
    ~SyncWorker() override;

    void setPageSize(int pageSize) { m_pageSize = pageSize; } // pulls (tests use small pages)
    // Starts a run; false (and nothing happens) when one is still running.
    bool start(const SyncRequest& request);
    // Thread-safe: aborts the request in flight; the run ends with fatalError "The sync was cancelled.".
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks until the run's thread has ended (for shutdown and tests); false on timeout.
    bool wait(int timeoutMs);

signals:
    void started();
    // Forwarded from SyncEngine::progress: total is -1 while unknown; processed 0 when an entity starts.
    void progress(Cw::Direction direction, Cw::Entity entity, int processed, int total);
    // Forwarded from SyncEngine::countsChanged: created / updated / unchanged / skipped / failed so far.
    void countsChanged(Cw::Direction direction, Cw::Entity entity, const Cw::SyncCounts& counts);
    void finished(const Cw::SyncSummary& summary);

private:
    void work(const SyncRequest& request); // runs in m_thread
    void onThreadFinished();

    DatabaseLocation m_location;
    ConnectorSession m_session;
    int m_pageSize = 1000;
    QThread* m_thread = nullptr;
    bool m_running = false;
    SyncSummary m_summary; // written by the run's thread, read after it ended
    QMutex m_engineMutex;
    SyncEngine* m_engine = nullptr; // guarded by m_engineMutex; set while the engine exists
    std::atomic_bool m_cancelRequested {false};
};

} // namespace Cw
