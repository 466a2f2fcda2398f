#pragma once

// The sync windows' tests: a connector configured against cwconnector-sim (tests/support/SyncFixture.h),
// local records to push, a scripted Prompter, and helpers to wait for a dialog's run and save screenshots.
#include "core/config/ConnectorConfigRepository.h"
#include "core/sync/SyncWorker.h"
#include "tests/support/SyncFixture.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/sync/SyncDialog.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

namespace SyncUi {

constexpr int kWait = 90000;

inline QVariantHash account(const QString& id, const QString& name, const QString& type)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("account_type"), type},
            {QStringLiteral("currency"), QStringLiteral("L0")},
            {QStringLiteral("phone"), QStringLiteral("5551234")},
            {QStringLiteral("address_line1"), QStringLiteral("1 Main St")},
            {QStringLiteral("city"), QStringLiteral("Springfield")},
            {QStringLiteral("country"), QStringLiteral("L0")}};
}

// Two local accounts: UI1 can be pushed, UI2 has an account type without a ConnectWise value (skipped).
inline bool addAccounts(CwTest::SyncFixture& f)
{
    return f.addLocal(Cw::Entity::Accounts,
                      {account(QStringLiteral("UI1"), QStringLiteral("Umbrella Industries"), QStringLiteral("L1")),
                       account(QStringLiteral("UI2"), QStringLiteral("Unmapped Ltd"), QStringLiteral("nomatch"))});
}

// Turns every option of one entity off.
inline bool switchOff(CwTest::SyncFixture& f, Cw::Entity entity)
{
    Cw::ConnectorConfigRepository repository(*f.db);
    auto config = repository.load(f.instanceId);
    if (!config) {
        return false;
    }
    for (auto& option : config->syncOptions) {
        if (option.entity == entity) {
            option.enabled = false;
        }
    }
    return repository.replace(f.instanceId, *config);
}

inline Cw::SyncSummary waitForRun(Cw::SyncDialog* dialog)
{
    QSignalSpy finished(dialog, &Cw::SyncDialog::runFinished);
    if (dialog->isRunning() && !finished.wait(kWait)) {
        return {};
    }
    return dialog->lastSummary();
}

// Calls act() once, in the GUI thread, when the dialog's run has processed at least `processed` records of an
// entity: an action "in the middle of a run" that does not depend on how fast the machine is.
inline void whenProcessed(Cw::SyncDialog* dialog, int processed, std::function<void()> act)
{
    auto done = std::make_shared<bool>(false);
    QObject::connect(dialog->worker(), &Cw::SyncWorker::progress, dialog,
                     [done, processed, act](Cw::Direction, Cw::Entity, int count, int) {
                         if (!*done && count >= processed) {
                             *done = true;
                             act();
                         }
                     });
}

inline void screenshot(QWidget* widget, const QString& name)
{
    QDir().mkpath(QStringLiteral(CW_SCREENSHOT_DIR));
    QVERIFY(widget->grab().save(QStringLiteral(CW_SCREENSHOT_DIR "/") + name + QStringLiteral(".png")));
}

} // namespace SyncUi
