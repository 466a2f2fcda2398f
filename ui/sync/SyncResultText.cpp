#include "ui/sync/SyncResultText.h"

#include "core/sync/SyncEngine.h"
#include "ui/sync/SyncTexts.h"

#include <algorithm>

namespace Cw {

QString SyncResultText::of(const SyncSummary& s)
{
    const SyncCounts totals = s.totals();
    QString text;
    if (s.busy.isValid()) {
        text = s.fatalError + QLatin1Char(' ') + tr("Preview works meanwhile; Sync again once that sync has finished.");
    } else if (s.fatalError == SyncEngine::tr("The sync was cancelled.")) {
        text = s.dryRun ? tr("The preview was cancelled.")
                        : tr("The sync was cancelled; what was done is kept: %1.").arg(SyncTexts::counts(totals));
    } else if (s.unreachable) {
        text = tr("ConnectWise could not be reached: %1").arg(s.fatalError);
    } else if (!s.fatalError.isEmpty()) {
        text = tr("The sync stopped: %1").arg(s.fatalError);
    } else if (s.dryRun) {
        text = tr("Preview (nothing was written): %1 would be created, %2 updated, %3 unchanged, %4 skipped, "
                  "%5 would fail.")
                   .arg(totals.created)
                   .arg(totals.updated)
                   .arg(totals.unchanged)
                   .arg(totals.skipped)
                   .arg(totals.failed);
    } else if (totals.failed > 0) {
        text = tr("The sync finished; %n record(s) failed.", nullptr, totals.failed) + QLatin1Char(' ') +
            SyncTexts::counts(totals);
    } else if (!s.failedToStart.isEmpty()) {
        text = tr("The sync failed: what it was asked to run did not all start (below). What ran: %1.")
                   .arg(SyncTexts::counts(totals));
    } else {
        text = tr("The sync succeeded: %1.").arg(SyncTexts::counts(totals));
    }
    if (totals.conflict > 0) {
        text += QLatin1Char('\n') +
            tr("Changed on both sides: %1 (neither side was written). Select one below to keep ConnectWise's or "
               "the local values.")
                .arg(totals.conflict);
    }
    QMap<Direction, QList<Entity>> optionsOff;
    for (auto it = s.blocked.cbegin(); it != s.blocked.cend(); ++it) {
        if (onlyOptionsOff(s, it.key())) {
            optionsOff[it.key().direction].append(it.key().entity);
            continue;
        }
        const QString what =
            tr("%1 %2").arg(SyncTexts::direction(it.key().direction), SyncTexts::entity(it.key().entity));
        const SyncFix fix = s.fixes.value(it.key());
        text += QLatin1Char('\n') + tr("Not started — %1: %2").arg(what, it.value()) +
            (fix.isValid() ? QLatin1Char(' ') + fix.text : QString());
    }
    for (const Direction direction : {Direction::Push, Direction::Pull}) {
        QList<Entity> entities = optionsOff.value(direction);
        if (entities.isEmpty()) {
            continue;
        }
        std::sort(entities.begin(), entities.end()); // the entities' own order, parents first
        QStringList names;
        for (const Entity entity : entities) {
            names.append(SyncTexts::entity(entity));
        }
        text += QLatin1Char('\n') +
            tr("Not started — %1 is off for: %2. Turn their options on in %3 if they should sync.")
                .arg(SyncTexts::direction(direction), names.join(tr(", ")),
                     SyncFix::placeTitle(SettingsPlace::SyncOptions));
    }
    return text;
}

bool SyncResultText::onlyOptionsOff(const SyncSummary& summary, const SyncSlot& slot)
{
    return summary.fixes.value(slot).place == SettingsPlace::SyncOptions && !summary.failedToStart.contains(slot);
}

SettingsPlace SyncResultText::fixPlace(const SyncSummary& summary)
{
    for (auto it = summary.fixes.cbegin(); it != summary.fixes.cend(); ++it) {
        if (it.value().isValid() && !onlyOptionsOff(summary, it.key())) {
            return it.value().place;
        }
    }
    return summary.fixes.isEmpty() ? SettingsPlace::None : summary.fixes.first().place;
}

} // namespace Cw
