#pragma once

#include "core/connectwise/ApiResult.h"
#include "core/localdata/CsvEntityParser.h"
#include "core/sync/PushJob.h"
#include "core/sync/SyncTypes.h"

#include <functional>
#include <list>

namespace Cw {

class SyncRun;

// Runs the pushes of one entity's records side by side: up to maxInFlight requests are out at once (the
// connection's RateGovernor still decides when each goes on the wire, and pauses them all on a 429).
//
// - Each record is prepared in the records' order (PushJob::prepare: checks, the look-up of a create that may
//   have happened, the link row before a POST), its request sent without waiting, and its result taken by
//   PushJob::complete in the engine's thread, one at a time: links, history and counts are written exactly as
//   in a sequential push. landed() then gets the outcome (in the order the answers come); what depends on the
//   record (an invoice's lines) is pushed from there, after it.
// - Records of the same chain (same value in chainColumn) are never out together, and go in their order: records
//   without a key of their own (payments of one invoice) could not be told apart by a look-up otherwise.
// - Cancel or a fatal error: nothing new starts; the requests out finish (a cancel aborts them) and land.
// - maxInFlight 1 is a sequential push.
class PushScheduler final
{
public:
    using Landed = std::function<void(const LocalRecord& record, const SyncOutcome& outcome)>;

    PushScheduler(SyncRun& run, PushJob& job, int maxInFlight);

    // chainColumn: empty for records independent of each other.
    void run(const QList<LocalRecord>& records, const QString& chainColumn, const Landed& landed);
    int peakInFlight() const { return m_peak; }

private:
    struct Flight
    {
        qsizetype index = 0;
        QString chain;
        SyncOutcome outcome;
        PushJob::PushSend send;
        ApiResult result;
        bool done = false;
    };

    SyncRun& m_run;
    PushJob& m_job;
    int m_max;
    int m_peak = 0;
};

} // namespace Cw
