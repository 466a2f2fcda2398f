#include "core/store/WalCheckpointer.h"

#include "core/store/StoreLog.h"

namespace Cw {

WalCheckpointer::WalCheckpointer(Database& writer) : m_writer(writer)
{
    if (writer.dialect() != Database::Dialect::Sqlite || writer.inTransaction()) {
        return;
    }
    QSqlQuery q(writer.connection());
    if (!writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint"), {}, nullptr, &q) || !q.next()) {
        return;
    }
    m_writerAutoCheckpoint = q.value(0).toInt();
    q.finish();
    m_thread.setObjectName(QStringLiteral("cw-checkpoint"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    bool opened = false;
    const DatabaseLocation location = writer.location();
    QMetaObject::invokeMethod(
        m_context,
        [this, location, &opened] {
            m_threadId = QThread::currentThreadId();
            m_connection = std::make_unique<Database>(location);
            StoreError error;
            opened = m_connection->connect(&error);
            if (!opened) {
                qCWarning(lcStore) << "no checkpoint connection; the writer checkpoints itself:" << error.message;
                m_connection.reset();
            }
        },
        Qt::BlockingQueuedConnection);
    m_active = opened && writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
}

WalCheckpointer::~WalCheckpointer()
{
    if (m_thread.isRunning()) {
        // The connection is closed in the thread that opened it.
        QMetaObject::invokeMethod(
            m_context, [this] { m_connection.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    if (m_active) {
        m_writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(m_writerAutoCheckpoint));
    }
}

void WalCheckpointer::afterCommit()
{
    if (!m_active || m_requested.exchange(true)) {
        return;
    }
    QMetaObject::invokeMethod(
        m_context, [this] { checkpoint(); }, Qt::QueuedConnection);
}

void WalCheckpointer::checkpoint()
{
    m_requested = false;
    if (!m_connection) {
        return;
    }
    StoreError error;
    if (!m_connection->exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), {}, &error)) {
        qCDebug(lcStore) << "checkpoint failed (the next one retries):" << error.message;
        return;
    }
    ++m_runs;
}

} // namespace Cw
