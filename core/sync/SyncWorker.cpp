#include "core/sync/SyncWorker.h"

#include "core/connectwise/ApiClient.h"
#include "core/store/Database.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLog.h"

#include <QDeadlineTimer>
#include <QMutexLocker>
#include <QThread>

namespace Cw {

SyncWorker::SyncWorker(DatabaseLocation location, ConnectorSession session, QObject* parent)
    : QObject(parent), m_location(std::move(location)), m_session(std::move(session))
{ }

SyncWorker::~SyncWorker()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool SyncWorker::start(const SyncRequest& request)
{
    if (m_running) {
        return false;
    }
    delete m_thread;
    m_cancelRequested = false;
    m_summary = SyncSummary();
    m_running = true;
    m_thread = QThread::create([this, request] { work(request); });
    m_thread->setObjectName(QStringLiteral("cwconnector-sync"));
    connect(m_thread, &QThread::finished, this, &SyncWorker::onThreadFinished);
    m_thread->start();
    emit started();
    return true;
}

void SyncWorker::cancel()
{
    m_cancelRequested = true;
    QMutexLocker lock(&m_engineMutex);
    if (m_engine) {
        m_engine->cancel();
    }
}

bool SyncWorker::wait(int timeoutMs)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(timeoutMs));
}

void SyncWorker::work(const SyncRequest& request)
{
    SyncSummary summary;
    summary.dryRun = request.dryRun;
    Database database(m_location);
    StoreError error;
    if (!database.open(&error)) {
        summary.fatalError = error.message;
        m_summary = summary;
        return;
    }
    const std::unique_ptr<ApiClient> client(m_session.newClient()); // made in this thread, used only here
    SyncEngine engine(database, client.get());
    engine.setPageSize(m_pageSize);
    // Emitted in this thread; receivers living in other threads get it queued.
    connect(&engine, &SyncEngine::progress, &engine,
            [this, &engine](Direction direction, Entity entity, int processed, int total) {
                // A cancel that came while run() was starting (it resets the flag) is repeated here.
                if (m_cancelRequested && !engine.isCancelled()) {
                    engine.cancel();
                }
                emit progress(direction, entity, processed, total);
            });
    connect(&engine, &SyncEngine::countsChanged, &engine,
            [this](Direction direction, Entity entity, const SyncCounts& counts) {
                emit countsChanged(direction, entity, counts);
            });
    {
        QMutexLocker lock(&m_engineMutex);
        m_engine = &engine;
    }
    if (m_cancelRequested) {
        summary.fatalError = SyncEngine::tr("The sync was cancelled.");
    } else {
        qCInfo(lcSync) << "sync started for instance" << request.instanceId << "dry run" << request.dryRun;
        summary = engine.run(request);
    }
    {
        QMutexLocker lock(&m_engineMutex);
        m_engine = nullptr;
    }
    m_summary = summary;
}

void SyncWorker::onThreadFinished()
{
    m_running = false;
    const SyncSummary summary = m_summary;
    emit finished(summary);
}

} // namespace Cw
