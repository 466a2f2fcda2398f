#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Cw {

// What one sync run does: which entities, which directions, whether it writes.
struct SyncRequest
{
    qint64 instanceId = 0;
    QStringList entities; // ConfigNames::entities() minus users; empty = every syncable entity
    bool pull = true;
    bool push = true;
    bool dryRun = false;
    bool full = false; // ignore the incremental high-water mark of pulls
};

// What happened to one record (or, with an empty localId, to a whole entity that could not start).
struct SyncOutcome
{
    enum class Action { Created, Updated, Unchanged, Skipped, Failed };
    QString direction; // pull | push
    QString entity;
    QString localId;
    qint64 remoteId = 0; // 0 when unknown
    Action action = Action::Skipped;
    QString reason; // translated; for skipped and failed records

    static QString actionName(Action action); // created | updated | unchanged | skipped | failed
};

struct SyncCounts
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int failed = 0;
    void add(SyncOutcome::Action action);
    void add(const SyncCounts& other);
    int total() const { return created + updated + unchanged + skipped + failed; }
};

struct SyncSummary
{
    qint64 runId = 0; // 0 for a dry run (nothing is written)
    bool dryRun = false;
    QMap<QString, SyncCounts> pushCounts; // by entity
    QMap<QString, SyncCounts> pullCounts;
    QList<SyncOutcome> outcomes; // skipped and failed always; every record in a dry run
    QMap<QString, QString> blocked; // "push accounts" -> why that entity did not start (translated)
    QString fatalError; // a run that stopped early (unreachable, database): what happened
    bool unreachable = false; // the fatal error was DNS / TCP / TLS
    SyncCounts totals() const;
    bool ok() const { return fatalError.isEmpty() && totals().failed == 0; }
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::SyncCounts)
