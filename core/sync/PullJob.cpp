#include "core/sync/PullJob.h"

#include "core/connectwise/ClientThread.h"
#include "core/connectwise/CountQuery.h"
#include "core/connectwise/ThreadedPager.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/sync/PullPages.h"
#include "core/sync/PulledPage.h"
#include "core/sync/RangePuller.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLocalWriter.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"
#include "core/sync/SyncSnapshot.h"

#include <QJsonDocument>
#include <QPointer>
#include <QThreadPool>

#include <limits>
#include <memory>
#include <vector>

namespace Cw {

namespace {

// Restarts of a pull after transient failures in a row that committed nothing new.
constexpr int kMaxStalledRestarts = 5;

} // namespace

PullJob::PullJob(SyncRun& run, const SyncDescriptor& descriptor) : SyncJob(run, descriptor)
{
    if (ConflictDetector::applies(descriptor)) {
        m_conflicts = std::make_unique<ConflictDetector>(run, descriptor);
    }
}

void PullJob::run()
{
    const SyncDescriptor& d = m_descriptor;
    StoreError error;
    auto state = m_run.links().pullState(d.entity, &error);
    if (!state) {
        m_run.fail(error.message);
        return;
    }
    PullState& s = m_state;
    s = *state;
    if (m_run.request().full || !s.inProgress) {
        // A new pull: from the high-water mark (or everything). A pull that did not finish resumes after the
        // last id it committed, with its own since-mark.
        s.runSince = m_run.request().full ? QDateTime() : s.highWater;
        s.resumeAfterId = 0;
        s.pendingHigh = QDateTime();
    }
    s.inProgress = true;
    const LocalEntity& entity = LocalSchema::entity(d.entity);
    m_run.reportProcessed(Direction::Pull, d.entity, 0, -1);
    SyncInputs mapInputs; // for the parsing thread: the settings only
    mapInputs.settings = &m_run.settings();
    mapInputs.linkedRemoteId = [](Entity, const QString&) -> qint64 { return 0; };
    // Each page is read straight from its bytes and mapped on the parsing thread (no QJsonDocument).
    const Pager::RawPrepare prepare = [descriptor = d, local = entity,
                                       mapInputs](const QByteArray& body, qsizetype* count,
                                                  QString* error) -> std::shared_ptr<void> {
        std::vector<JsonRecord> records; // validated and indexed in one pass
        if (!JsonView::splitRecords(body, &records, error)) {
            return nullptr;
        }
        *count = static_cast<qsizetype>(records.size());
        return PulledPages::map(descriptor, local, mapInputs, records);
    };
    bool storeFailed = false;
    int processed = 0;
    int total = -1; // known once /count answers (large pulls) or when the first page is the last
    const auto store = [&](const Page& page) {
        if (storeFailed || m_run.isCancelled()) {
            return false;
        }
        if (!storePage(page)) {
            storeFailed = true;
            return false;
        }
        processed += static_cast<int>(page.count);
        m_run.reportCounts(Direction::Pull, d.entity, processed, total < 0 ? -1 : std::max(total, processed));
        return true;
    };
    // A failure the client's own retries did not get through (a 5xx, a cut or dropped reply, a timeout) does not
    // end the pull: it goes on after the last id it committed, in the same run, until it stops making progress.
    PagerResult outcome;
    for (int stalled = 0;;) {
        const qint64 resumedAfter = s.resumeAfterId;
        outcome = fetch(prepare, store, &total, processed);
        if (outcome.ok() || storeFailed || m_run.shouldStop() || !outcome.error.isTransient() ||
            outcome.error.isUnreachable()) {
            break;
        }
        stalled = s.resumeAfterId > resumedAfter ? 0 : stalled + 1;
        if (stalled >= kMaxStalledRestarts) {
            break;
        }
        qCInfo(lcSync).noquote() << QStringLiteral("pull of %1 goes on after id %2 (%3)")
                                        .arg(nameOf(d.entity))
                                        .arg(s.resumeAfterId)
                                        .arg(outcome.error.message());
    }
    if (storeFailed || m_run.isCancelled()) {
        return;
    }
    if (!outcome.ok() && SyncEngine::blockDenied(m_run, d, Direction::Pull, outcome.error)) {
        return; // the security role lacks the permission (SyncEngine checks a push's before it starts)
    }
    if (!outcome.ok()) {
        m_run.fatal(outcome.error, Direction::Pull); // the resume point stays: the next run continues after it
        if (m_run.summary().fatalError.isEmpty()) {
            m_run.summary().fatalError = outcome.error.message();
        }
        return;
    }
    if (m_run.dryRun()) {
        return;
    }
    PullState done;
    done.highWater = s.pendingHigh.isValid() && (!s.highWater.isValid() || s.pendingHigh > s.highWater) ? s.pendingHigh
                                                                                                        : s.highWater;
    done.inProgress = false;
    if (!m_run.links().savePullState(d.entity, done, &error)) {
        m_run.summary().fatalError = error.message;
    }
}

PageQuery PullJob::query() const
{
    const PullState& s = m_state;
    PageQuery query;
    query.path = m_descriptor.path;
    query.mode = PageQuery::Mode::ForwardOnly;
    query.pageSize = m_run.pageSize();
    query.fields = m_descriptor.pullFields;
    if (s.runSince.isValid()) {
        query.conditions =
            Conditions::compare(QStringLiteral("lastUpdated"), Conditions::Op::GreaterOrEqual, s.runSince);
    }
    if (s.resumeAfterId > 0) {
        query.conditions =
            query.conditions && Conditions::compare(QStringLiteral("id"), Conditions::Op::Greater, s.resumeAfterId);
    }
    return query;
}

PagerResult PullJob::fetch(const Pager::RawPrepare& prepare, const std::function<bool(const Page&)>& store, int* total,
                           int processed)
{
    const SyncDescriptor& d = m_descriptor;
    const PageQuery query = this->query();
    // The first page comes over the connection already open: an incremental pull usually ends with it, in one
    // request. Only when more follow do they come through the network thread, with the total asked alongside.
    Page first;
    QString nextPageId;
    PagerResult outcome;
    outcome.error = PullPages::firstPage(
        query, prepare, [this](const ApiRequest& request) { return m_run.call(request); }, &first, &nextPageId);
    if (outcome.ok() && nextPageId.isEmpty() && !m_run.isCancelled()) {
        *total = processed + static_cast<int>(first.count);
        store(first);
    } else if (RangePuller ranges(m_run, query, prepare, store);
               outcome.ok() && !m_run.isCancelled() && ranges.plan(first)) {
        // A large pull: id ranges side by side, stored in id order after the first page.
        *total = processed + static_cast<int>(std::min<qint64>(ranges.count(), std::numeric_limits<int>::max()));
        if (store(first)) {
            outcome = ranges.run();
        }
    } else if (outcome.ok() && !m_run.isCancelled()) {
        QObject counting; // the count's answer is only wanted while the pages come
        QPointer<CountQuery> counter = CountQuery::start(m_run.client(), query);
        QObject::connect(counter, &CountQuery::finished, &counting, [&](const CountResult& r) {
            if (r.ok()) {
                *total = processed + static_cast<int>(std::min<qint64>(r.count, std::numeric_limits<int>::max()));
                m_run.reportProcessed(Direction::Pull, d.entity, processed, *total);
            }
        });
        // Storing one page (this thread's work) then holds up neither the next transfer nor the next mapping.
        ThreadedPager pager(m_run.networkThread(), query);
        m_run.startCheckpointer();
        pager.setRawPrepare(prepare);
        pager.setStartAfter(nextPageId, 2, first.count);
        outcome = PullPages::drive(pager, &m_run, first, store);
        if (counter) {
            counter->cancel();
        }
    }
    return outcome;
}

bool PullJob::storePage(const Page& page)
{
    using A = SyncOutcome::Action;
    const SyncDescriptor& d = m_descriptor;
    PullState* state = &m_state;
    const LocalEntity& entity = LocalSchema::entity(d.entity);
    SyncLocalWriter& store = m_run.writer();
    // On any early return the page is rolled back (WriteTransaction), and with it the value-list entries the
    // writer remembers having written.
    struct ForgetOnFailure
    {
        SyncLocalWriter& writer;
        bool committed = false;
        ~ForgetOnFailure()
        {
            if (!committed) {
                writer.forgetListed();
            }
        }
    } forget {store};
    WriteTransaction transaction(m_run.database());
    StoreError error;
    if (!m_run.dryRun() && !transaction.begin(&error)) {
        m_run.summary().fatalError = error.message;
        return false;
    }
    const bool mayCreate =
        d.supports(Operation::PullCreate) && m_run.settings().isEnabled(d.entity, Operation::PullCreate);
    const bool mayUpdate =
        d.supports(Operation::PullUpdate) && m_run.settings().isEnabled(d.entity, Operation::PullUpdate);
    std::vector<SyncLocalWriter::Row> writes;
    writes.reserve(static_cast<std::size_t>(page.count));
    QList<SyncLink> links;
    links.reserve(page.count);
    // Only this page's links are read (not the whole table): an incremental pull with nothing new costs nothing.
    const auto mapped = std::static_pointer_cast<PulledPage>(page.prepared);
    if (!mapped) {
        m_run.summary().fatalError = SyncEngine::tr("A pulled page of %1 was not mapped.").arg(nameOf(d.entity));
        return false;
    }
    QList<qint64> remoteIds;
    remoteIds.reserve(static_cast<qsizetype>(mapped->size()));
    for (const PulledRecord& r : *mapped) {
        remoteIds.append(r.remoteId);
    }
    const QHash<qint64, QString> byRemote = m_run.links().localIdsFor(d.entity, remoteIds, &error);
    if (error.isError()) {
        m_run.summary().fatalError = error.message;
        return false;
    }
    const QStringList linkedIds = byRemote.values();
    const QHash<QString, QVariantHash> stored = store.load(entity, linkedIds, &error);
    // The bases of the linked records, to find those changed on both sides (a page of new records reads none).
    const QHash<QString, SyncLink> based = m_conflicts && !linkedIds.isEmpty()
        ? m_run.links().linksOf(d.entity, linkedIds, &error)
        : QHash<QString, SyncLink>();
    if (!error.message.isEmpty()) {
        m_run.summary().fatalError = error.message;
        return false;
    }
    for (PulledRecord& r : *mapped) {
        const qint64 remoteId = r.remoteId;
        const QDateTime& updated = r.updated;
        if (updated.isValid() && (!state->pendingHigh.isValid() || updated > state->pendingHigh)) {
            state->pendingHigh = updated;
        }
        state->resumeAfterId = std::max(state->resumeAfterId, remoteId);
        QString localId = byRemote.value(remoteId);
        if ((localId.isEmpty() && !mayCreate) || (!localId.isEmpty() && !mayUpdate)) {
            continue; // not this run's business (e.g. invoices are never created locally)
        }
        SyncOutcome outcome;
        outcome.direction = Direction::Pull;
        outcome.entity = d.entity;
        outcome.remoteId = remoteId;
        const PullValues& pulled = r.pulled;
        const bool creating = localId.isEmpty();
        if (creating) {
            localId = r.newLocalId;
        }
        outcome.localId = localId;
        if (!pulled.skipReason.isEmpty()) {
            outcome.action = A::Skipped;
            outcome.reason = pulled.skipReason;
            m_run.record(outcome);
            continue;
        }
        const auto found = stored.constFind(localId);
        const bool exists = found != stored.cend();
        if (!creating && !exists) {
            outcome.action = A::Skipped;
            outcome.reason =
                SyncEngine::tr("missing linked record: local %1 %2 was removed").arg(nameOf(d.entity), localId);
            m_run.record(outcome);
            continue;
        }
        PulledMerge merge; // a record changed on both sides
        if (const auto base = based.constFind(localId);
            exists && base != based.cend() && m_conflicts->mergePulled(*found, *base, r, &outcome, &merge)) {
            m_run.record(outcome);
            if (merge.row && !m_run.dryRun()) {
                writes.push_back(std::move(*merge.row));
            }
            if (merge.link && !m_run.dryRun()) {
                links.append(std::move(*merge.link));
            }
            continue;
        }
        SyncLink link;
        link.localId = localId;
        link.remoteId = remoteId;
        link.baseUpdated = r.updated; // with pulledValues: the base of conflict checks
        if (exists) {
            QVariantHash merged = *found;
            merged.insert(QStringLiteral("id"), localId);
            for (const auto& [column, value] : pulled.values) {
                if (value.isValid() && !value.toString().isEmpty()) {
                    merged.insert(column, value);
                } else {
                    merged.remove(column);
                }
            }
            if (SyncSnapshot::same(entity, *found, merged)) {
                outcome.action = A::Unchanged;
                m_run.record(outcome);
                continue;
            }
            outcome.action = A::Updated;
            if (!m_run.dryRun()) {
                writes.push_back(SyncLocalWriter::rowOf(entity, localId, merged));
                link.pulledValues = SyncSnapshot::of(entity, merged).toUtf8();
            }
        } else {
            outcome.action = A::Created;
            if (!m_run.dryRun()) {
                writes.push_back(std::move(r.row)); // each mapped record is stored once; its id is set
                link.pulledValues = std::move(r.snapshot);
            }
        }
        m_run.record(outcome);
        if (m_run.dryRun()) {
            continue;
        }
        // What ConnectWise has now is this record: the next push compares with it and sends nothing back.
        links.append(std::move(link));
    }
    if (m_run.dryRun()) {
        return true;
    }
    if (!store.write(entity, writes, &error) || !m_run.links().savePulled(d.entity, links, &error)) {
        m_run.summary().fatalError = error.message;
        return false;
    }
    if (!m_run.links().savePullState(d.entity, *state, &error) || !m_run.flushOutcomes() ||
        !transaction.commit(&error)) {
        m_run.summary().fatalError =
            error.message.isEmpty() ? SyncEngine::tr("cannot store the pulled page") : error.message;
        return false;
    }
    forget.committed = true;
    if (WalCheckpointer* checkpointer = m_run.checkpointer()) {
        checkpointer->afterCommit();
    }
    // Freeing a thousand mapped records (hashes, rows, strings) is not this thread's work either.
    QThreadPool::globalInstance()->start([records = std::move(*mapped)]() mutable { PulledPage().swap(records); });
    return true;
}

} // namespace Cw
