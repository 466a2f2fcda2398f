#pragma once

#include "core/localdata/CsvEntityParser.h"
#include "core/sync/PushJob.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>

namespace Cw {

class SyncRun;

// The lines of invoices or of sales orders (ConnectWise product items), pushed by their parent's PushJob right after
// each parent, under the parent's sync options:
// - each line like any other record (its own links; the link written before the POST; integrationXRef as the key a
//   lost create is found again by; a PATCH of the changed members; nothing sent when nothing changed);
// - product items of lines that no longer exist locally are deleted;
// - then the parent's ConnectWise total (fields=SyncDescriptor::totalFields, one GET for the parents of a batch) is
//   compared with the local total: a difference is a note on the parent's outcome, not a failure, and so are lines
//   left out ("lines incomplete"). A parent whose lines changed in ConnectWise counts as updated.
// The parents' outcomes are held until their totals are read (flush()); lines are counted as their own entity.
class LinePush final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::LinePush)

public:
    LinePush(SyncRun& run, const SyncDescriptor& lines, const SyncDescriptor& parent);
    ~LinePush();
    Q_DISABLE_COPY_MOVE(LinePush)

    // Reads the local lines by parent and their links; false when the run failed.
    bool load();
    // After the parent's own push: its lines (parentRemoteId: its ConnectWise id, 0 when it has none); the parent's
    // outcome is recorded at the next flush().
    void afterParent(const LocalRecord& parent, qint64 parentRemoteId, const SyncOutcome& parentOutcome);
    // Reads the totals of the parents held and records their outcomes.
    void flush();
    // Once every parent was pushed: lines of parents that do not exist locally are skipped, and product items of
    // deleted lines whose parent was not among them are deleted.
    void finish();

private:
    struct Held
    {
        LocalRecord parent;
        qint64 remoteId = 0;
        SyncOutcome outcome;
        bool linesChanged = false;
        QStringList notes;
    };

    SyncOutcome lineOutcome(const QString& localId) const; // a push of one of the lines, to be decided
    // Counts one line's outcome; true when it changed ConnectWise.
    bool record(const SyncOutcome& outcome);
    void skipLines(const QList<LocalRecord>& lines, const QString& reason);
    bool removeOrphan(const SyncLink& link);
    // The parents' ConnectWise totals (and balances), by id, read in one request; empty on failure (*error set).
    QHash<qint64, QJsonObject> readTotals(const QList<qint64>& ids, QString* error);
    QString totalNote(const Held& held, const QJsonObject& remote) const;

    SyncRun& m_run;
    const SyncDescriptor& m_lines;
    const SyncDescriptor& m_parent;
    PushJob m_job; // the lines' own push (links, creates, patches, deletes)
    QHash<QString, QList<LocalRecord>> m_byParent; // parent local id -> its lines, in id order
    QHash<qint64, QList<SyncLink>> m_orphans; // parent ConnectWise id -> links of its lines that are gone locally
    QList<Held> m_held;
    int m_processed = 0;
    int m_total = 0;
};

} // namespace Cw
