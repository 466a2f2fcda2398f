#include "core/localdata/CsvImportWorker.h"

#include "core/store/Database.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutexLocker>
#include <QThread>

namespace Cw {

CsvImportWorker::CsvImportWorker(DatabaseLocation location, QObject* parent)
    : QObject(parent), m_location(std::move(location))
{ }

CsvImportWorker::~CsvImportWorker()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool CsvImportWorker::start(const QString& entity, const QString& filePath, const CsvImport::Options& options)
{
    if (m_running) {
        return false;
    }
    delete m_thread;
    m_cancelRequested = false;
    m_result = CsvImport::Result();
    m_running = true;
    m_thread = QThread::create([this, entity, filePath, options] { work(entity, filePath, options); });
    m_thread->setObjectName(QStringLiteral("cwconnector-csvimport"));
    connect(m_thread, &QThread::finished, this, &CsvImportWorker::onThreadFinished);
    m_thread->start();
    emit started();
    return true;
}

void CsvImportWorker::cancel()
{
    m_cancelRequested = true;
    QMutexLocker lock(&m_importMutex);
    if (m_import) {
        m_import->cancel();
    }
}

bool CsvImportWorker::wait(int timeoutMs)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(timeoutMs));
}

void CsvImportWorker::work(const QString& entity, const QString& filePath, const CsvImport::Options& options)
{
    Database database(m_location);
    if (!options.checkOnly) {
        StoreError error;
        if (!database.open(&error)) {
            m_result.storeError = error;
            return;
        }
    }
    CsvImport import(database);
    QElapsedTimer sinceReport;
    sinceReport.start();
    import.setProgressCallback([this, &sinceReport](const CsvImport::Progress& p) {
        if (sinceReport.elapsed() >= 100) { // a progress bar needs no more
            sinceReport.restart();
    emit progress(p.rows, p.bytes, p.totalBytes); // queued to receivers in other threads
}
} // namespace Cw
);
{
    QMutexLocker lock(&m_importMutex);
    m_import = &import;
    if (m_cancelRequested) {
        import.cancel(); // a cancel that came while the thread was starting
    }
}
const CsvImport::Result result = import.importFile(entity, filePath, options);
{
    QMutexLocker lock(&m_importMutex);
    m_import = nullptr;
}
m_result = result;
}

void CsvImportWorker::onThreadFinished()
{
    m_running = false;
    const CsvImport::Result result = m_result;
    emit finished(result);
}

} // namespace Cw
