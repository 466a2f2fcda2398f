#include "core/sync/SyncLease.h"

#include "core/store/Database.h"
#include "core/sync/ProcessProbe.h"
#include "core/sync/SyncLog.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSysInfo>
#include <QThread>
#include <QUuid>

namespace Cw {

namespace {

// PostgreSQL: how often, 100 ms apart, a sync that inserted the lease row without getting the advisory lock (its
// holder is between taking the lock and writing the row, or between deleting the row and unlocking) looks again
// before it keeps the row anyway (a holder that hangs with the lock and no row must not block the connector).
constexpr int kLockRetries = 20;

bool sameHost(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

SyncLeaseIdentity SyncLeaseIdentity::current()
{
    SyncLeaseIdentity identity;
    identity.host = QSysInfo::machineHostName();
    identity.processId = QCoreApplication::applicationPid();
    identity.program = QCoreApplication::instance()
        ? QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName()
        : QCoreApplication::applicationName();
    return identity;
}

SyncLease::SyncLease(DatabaseLocation location, qint64 instanceId, Options options)
    : m_location(std::move(location)), m_instanceId(instanceId), m_options(std::move(options))
{
    m_me.holderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_me.host = m_options.identity.host;
    m_me.processId = m_options.identity.processId;
    m_me.program = m_options.identity.program;
}

SyncLease::~SyncLease()
{
    release();
}

SyncLease::Outcome SyncLease::acquire(SyncHolder* holder, StoreError* error)
{
    Q_ASSERT(!m_thread);
    m_thread.reset(QThread::create([this] { work(); }));
    m_thread->setObjectName(QStringLiteral("cwconnector-sync-lease"));
    m_thread->start();
    QMutexLocker lock(&m_mutex);
    while (!m_decided) {
        m_changed.wait(&m_mutex);
    }
    if (m_outcome == Outcome::Held) {
        *holder = m_other;
    } else if (m_outcome == Outcome::Acquired) {
        *holder = m_me;
    } else if (error) {
        *error = m_error;
    }
    return m_outcome;
}

void SyncLease::release()
{
    if (!m_thread) {
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_changed.wakeAll();
    }
    m_thread->wait();
    m_thread.reset();
}

void SyncLease::work()
{
    Database database(m_location);
    SyncLeaseStore store(database, m_instanceId);
    bool locked = false;
    SyncHolder other;
    StoreError error;
    const Outcome outcome = database.open(&error) ? take(database, store, &locked, &other, &error) : Outcome::Failed;
    {
        QMutexLocker lock(&m_mutex);
        m_outcome = outcome;
        m_other = other;
        m_error = error;
        m_decided = true;
        m_changed.wakeAll();
    }
    if (outcome == Outcome::Acquired) {
        qCInfo(lcSync) << "sync lease taken for instance" << m_instanceId << "by" << m_me.holderId;
        QMutexLocker lock(&m_mutex);
        while (!m_stop) {
            m_changed.wait(&m_mutex, QDeadlineTimer(m_options.heartbeatMs));
            if (m_stop) {
                break;
            }
            lock.unlock();
            const bool held = beat(database, store, &locked);
            lock.relock();
            if (!held) {
                break;
            }
        }
        lock.unlock();
        StoreError releaseError;
        if (!m_lost && !store.remove(m_me.holderId, &releaseError)) {
            qCWarning(lcSync) << "cannot release the sync lease:" << releaseError.message;
        }
    }
    if (locked) {
        store.unlock(nullptr);
    }
}

SyncLease::Outcome SyncLease::take(Database& database, SyncLeaseStore& store, bool* locked, SyncHolder* other,
                                   StoreError* error)
{
    const bool postgres = database.dialect() == Database::Dialect::Postgres;
    for (int attempt = 0;; ++attempt) {
        if (attempt > 0) {
            QThread::msleep(100);
        }
        if (postgres && !*locked && !store.tryLock(locked, error)) {
            return Outcome::Failed;
        }
        WriteTransaction transaction(database);
        bool inserted = false;
        if (!transaction.begin(error) || !store.insert(m_me, &inserted, error)) {
            return Outcome::Failed;
        }
        if (inserted) {
            if (postgres && !*locked && attempt < kLockRetries) {
                continue; // rolled back: the lock's holder writes its row in a moment
            }
            return readBack(store, error) && transaction.commit(error) ? Outcome::Acquired : Outcome::Failed;
        }
        std::optional<SyncLeaseStore::Row> row;
        if (!store.read(&row, true, error)) {
            return Outcome::Failed;
        }
        if (!row) {
            continue; // released meanwhile
        }
        if (!isGone(*row, postgres && *locked, m_options)) {
            *other = row->holder;
            return Outcome::Held;
        }
        bool replaced = false;
        if (!store.replace(row->holder.holderId, m_me, &replaced, error) || !readBack(store, error) ||
            !transaction.commit(error)) {
            return Outcome::Failed;
        }
        qCInfo(lcSync) << "took over the sync lease of" << row->holder.program << "process" << row->holder.processId
                       << "on" << row->holder.host << "- last heartbeat" << row->heartbeatAgeMs << "ms ago";
        return Outcome::Acquired;
    }
}

// The times the database wrote into this lease's row.
bool SyncLease::readBack(SyncLeaseStore& store, StoreError* error)
{
    std::optional<SyncLeaseStore::Row> row;
    if (!store.read(&row, false, error)) {
        return false;
    }
    if (row) {
        m_me.startedAt = row->holder.startedAt;
        m_me.heartbeatAt = row->holder.heartbeatAt;
    }
    return true;
}

bool SyncLease::beat(Database& database, SyncLeaseStore& store, bool* locked)
{
    const bool postgres = database.dialect() == Database::Dialect::Postgres;
    if (postgres && !*locked) {
        store.tryLock(locked, nullptr); // a lease taken over from a hung holder gets the lock once that one is gone
    }
    bool held = true;
    StoreError error;
    if (!store.beat(m_me.holderId, &held, &error)) {
        qCWarning(lcSync) << "cannot renew the sync lease:" << error.message;
        if (postgres) {
            *locked = false; // the connection (and with it the lock) may be gone: connect again for the next beat
            database.connect(nullptr);
        }
        return true;
    }
    if (held) {
        return true;
    }
    qCWarning(lcSync) << "the sync lease of instance" << m_instanceId << "was taken over by another sync";
    m_lost = true;
    if (m_onLost) {
        m_onLost();
    }
    return false;
}

std::optional<SyncHolder> SyncLease::holder(Database& database, qint64 instanceId, const Options& options,
                                            StoreError* error)
{
    SyncLeaseStore store(database, instanceId);
    std::optional<SyncLeaseStore::Row> row;
    if (!store.read(&row, false, error) || !row) {
        return std::nullopt;
    }
    bool sessionGone = false;
    if (database.dialect() == Database::Dialect::Postgres && store.tryLock(&sessionGone, error) && sessionGone) {
        store.unlock(nullptr);
    }
    if (isGone(*row, sessionGone, options)) {
        return std::nullopt;
    }
    return row->holder;
}

bool SyncLease::isGone(const SyncLeaseStore::Row& row, bool sessionGone, const Options& options)
{
    if (sessionGone) {
        return true;
    }
    if (sameHost(row.holder.host, options.identity.host) && !ProcessProbe::isRunning(row.holder.processId)) {
        return true;
    }
    return row.heartbeatAgeMs > options.staleAfterMs;
}

bool SyncLease::isThisProcess(const SyncHolder& holder, const Identity& identity)
{
    return holder.isValid() && holder.processId == identity.processId && sameHost(holder.host, identity.host);
}

QString SyncLease::describe(const SyncHolder& holder)
{
    const QDateTime since = holder.startedAt.toLocalTime();
    const QString when = since.date() == QDate::currentDate() ? since.toString(QStringLiteral("HH:mm:ss"))
                                                              : since.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return tr("%1 (process %2) on host %3 since %4").arg(holder.program).arg(holder.processId).arg(holder.host, when);
}

QString SyncLease::busyMessage(const QString& connector, const SyncHolder& holder)
{
    return tr("%1 is being synced by %2; it was not started again.").arg(connector, describe(holder));
}

} // namespace Cw
