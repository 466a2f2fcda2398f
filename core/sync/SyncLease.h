#pragma once

#include "core/store/DatabaseLocation.h"
#include "core/store/StoreError.h"
#include "core/sync/SyncLeaseStore.h"
#include "core/sync/SyncTypes.h"

#include <QCoreApplication>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace Cw {

class Database;

// Who a sync lease says holds it.
struct SyncLeaseIdentity
{
    QString host;
    qint64 processId = 0;
    QString program;
    static SyncLeaseIdentity current(); // this machine's host name, this process, its executable's name
};

struct SyncLeaseOptions
{
    SyncLeaseIdentity identity = SyncLeaseIdentity::current();
    int heartbeatMs = 5000;
    int staleAfterMs = 60000; // no heartbeat for this long: the holder is taken for dead
};

// One sync of a connector at a time, across processes and desktops that share the database: a lease, the
// connector's row of sync_leases, taken before a sync writes anything and deleted when it ends (also on cancel
// and on failure; SyncEngine::run holds one). A second sync is refused at once with the holder (SyncHolder).
//
// The lease lives in a thread of its own with its own database connection: that connection takes it (in a write
// transaction: BEGIN IMMEDIATE on SQLite, a row lock on PostgreSQL), renews its heartbeat every few seconds (so a
// long page write on the sync's connection never starves it) and deletes it. A lease whose holder died is taken
// over: on this host when its process no longer exists (checked at once, so a SIGKILL never blocks the connector);
// on PostgreSQL when its connection is gone (a session-level advisory lock backs the lease, and goes with the
// holder's connection); anywhere when it has had no heartbeat for staleAfterMs. A holder whose lease was taken over
// (it had stopped renewing it) notices at its next heartbeat: wasLost(), and the onLost callback.
class SyncLease final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncLease)

public:
    using Identity = SyncLeaseIdentity;
    using Options = SyncLeaseOptions;
    enum class Outcome { Acquired, Held, Failed };

    SyncLease(DatabaseLocation location, qint64 instanceId, Options options = Options());
    ~SyncLease(); // releases
    Q_DISABLE_COPY_MOVE(SyncLease)

    // Called once, from the lease's thread, when another sync took the lease over. Set it before acquire().
    void setOnLost(std::function<void()> onLost) { m_onLost = std::move(onLost); }
    // Takes the lease (once). Acquired: *holder is this lease, renewed until release(). Held: *holder is the live
    // holder, nothing was changed. Failed: *error says why (the database).
    Outcome acquire(SyncHolder* holder, StoreError* error);
    // Deletes the lease (if still this one's) and stops the heartbeat. Idempotent.
    void release();
    bool wasLost() const { return m_lost.load(); }

    // The live holder of a connector's lease, or nullopt when none (no row, or its holder is gone).
    static std::optional<SyncHolder> holder(Database& database, qint64 instanceId, const Options& options = Options(),
                                            StoreError* error = nullptr);
    // Whether the holder of `row` is gone: its session closed (PostgreSQL: its advisory lock was free), its process
    // on this host ended, or no heartbeat for staleAfterMs.
    static bool isGone(const SyncLeaseStore::Row& row, bool sessionGone, const Options& options);
    static bool isThisProcess(const SyncHolder& holder, const Identity& identity = Identity::current());
    // "cwconnector-cli (process 4242) on host h1 since 14:03:12" (the date too when not today; local time).
    static QString describe(const SyncHolder& holder);
    // "Production is being synced by cwconnector-cli (process 4242) on host h1 since 14:03:12; it was not started
    // again."
    static QString busyMessage(const QString& connector, const SyncHolder& holder);

private:
    void work(); // the lease's thread
    Outcome take(Database& database, SyncLeaseStore& store, bool* locked, SyncHolder* other, StoreError* error);
    bool readBack(SyncLeaseStore& store, StoreError* error);
    bool beat(Database& database, SyncLeaseStore& store, bool* locked); // false: the lease was lost

    DatabaseLocation m_location;
    qint64 m_instanceId;
    Options m_options;
    SyncHolder m_me;
    std::function<void()> m_onLost;
    std::unique_ptr<QThread> m_thread;
    QMutex m_mutex;
    QWaitCondition m_changed;
    bool m_decided = false; // guarded by m_mutex, with the three below
    Outcome m_outcome = Outcome::Failed;
    SyncHolder m_other;
    StoreError m_error;
    bool m_stop = false; // guarded by m_mutex
    std::atomic_bool m_lost {false};
};

} // namespace Cw
