#pragma once

#include "core/localdata/CsvImport.h"
#include "core/store/DatabaseLocation.h"

#include <QMutex>
#include <QObject>

#include <atomic>

class QThread;

namespace Cw {

// Runs one CsvImport (or a check: Options::checkOnly) in a thread of its own, for the GUI, like SyncWorker: the
// thread opens its own Database on the same location (a Qt Sql connection stays in the thread that opened it; a
// check opens none). progress() reaches the receivers in their own thread (queued), at most ten times a second;
// finished() is emitted in the thread that owns the worker, once, after the import's thread has ended. Cancel
// writes nothing. Destroying a running worker cancels and waits.
class CsvImportWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvImportWorker)

public:
    explicit CsvImportWorker(DatabaseLocation location, QObject* parent = nullptr);
    ~CsvImportWorker() override;

    // Starts reading filePath as entity; false (and nothing happens) while a run is still going.
    bool start(const QString& entity, const QString& filePath, const CsvImport::Options& options);
    // Thread-safe: the run stops at the next row and writes nothing.
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks until the run's thread has ended (for shutdown and tests); false on timeout.
    bool wait(int timeoutMs);
    const CsvImport::Result& lastResult() const { return m_result; }

signals:
    void started();
    void progress(int rows, qint64 bytes, qint64 totalBytes);
    void finished(const Cw::CsvImport::Result& result);

private:
    void work(const QString& entity, const QString& filePath, const CsvImport::Options& options); // in m_thread
    void onThreadFinished();

    DatabaseLocation m_location;
    QThread* m_thread = nullptr;
    bool m_running = false;
    CsvImport::Result m_result; // written by the run's thread, read after it ended
    QMutex m_importMutex;
    CsvImport* m_import = nullptr; // guarded by m_importMutex; set while the import exists
    std::atomic_bool m_cancelRequested {false};
};

} // namespace Cw
