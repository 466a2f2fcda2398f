#pragma once

#include "core/store/StoreError.h"
#include "core/sync/SyncTypes.h"

#include <QDateTime>
#include <QList>

#include <memory>
#include <optional>

namespace Cw {

class BulkInsert;
class Database;

// One row of sync_runs.
struct SyncRunRecord
{
    qint64 id = 0;
    qint64 instanceId = 0;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while running (or when the process died: status stays "running")
    Direction direction = Direction::Both;
    bool dryRun = false;
    QList<Entity> entities;
    SyncCounts counts;
    QString status; // running | succeeded | failed | interrupted
    QString message;
};

// The sync history: runs and per-record outcomes (sync_runs, sync_outcomes). Outcome writes join the
// caller's transaction, so a page's outcomes are committed with the page.
class SyncHistory final
{
public:
    explicit SyncHistory(Database& database);
    ~SyncHistory();
    Q_DISABLE_COPY_MOVE(SyncHistory)

    std::optional<qint64> startRun(const SyncRunRecord& run, StoreError* error = nullptr);
    bool addOutcomes(qint64 runId, const QList<SyncOutcome>& outcomes, StoreError* error = nullptr);
    bool finishRun(qint64 runId, const SyncCounts& counts, const QString& status, const QString& message,
                   StoreError* error = nullptr);
    // Runs left "running" by a process that died are marked interrupted.
    bool markInterrupted(qint64 instanceId, StoreError* error = nullptr);

    QList<SyncRunRecord> runs(qint64 instanceId, int limit = 50, StoreError* error = nullptr) const;
    QList<SyncOutcome> outcomes(qint64 runId, StoreError* error = nullptr) const;

    // A conflict's fields as sync_outcomes.conflicts holds them: [{"field", "local", "connectwise"}].
    static QByteArray conflictsJson(const QList<FieldConflict>& conflicts);
    static QList<FieldConflict> conflictsFrom(const QByteArray& json);

private:
    Database& m_database;
    std::unique_ptr<BulkInsert> m_outcomeInsert; // prepared once per run, not once per page
};

} // namespace Cw
