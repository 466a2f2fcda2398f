// The sync history window: runs, per-record outcomes, the filters and Export CSV, over a real run's history.
#include "SyncUiFixture.h"

#include "ui/sync/SyncHistoryDialog.h"
#include "ui/sync/SyncOutcomeFilter.h"
#include "ui/sync/SyncOutcomeModel.h"
#include "ui/sync/SyncRunModel.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>

using namespace SyncUi;
using CwTest::SyncFixture;

class TestSyncHistoryDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTheRunsAndFiltersTheOutcomes();
    void manyOutcomesStayInAModel();

private:
    Cw::Instance instance() { return *Cw::InstanceRepository(*f.db).findById(f.instanceId); }
    void choose(QWidget* dialog, const char* combo, const QVariant& data);

    SyncFixture f;
    CwTest::ScriptedPrompter m_prompter;
};

void TestSyncHistoryDialog::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("12")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
    QVERIFY2(addAccounts(f), qPrintable(f.error));
}

void TestSyncHistoryDialog::choose(QWidget* dialog, const char* name, const QVariant& data)
{
    auto* combo = dialog->findChild<QComboBox*>(QLatin1String(name));
    QVERIFY(combo);
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

void TestSyncHistoryDialog::listsTheRunsAndFiltersTheOutcomes()
{
    const Cw::SyncSummary first = f.sync(true, true, {Cw::Entity::Accounts});
    QVERIFY2(first.ok(), qPrintable(first.fatalError));
    const Cw::SyncSummary second = f.sync(true, false, {Cw::Entity::Accounts});
    QVERIFY2(second.ok(), qPrintable(second.fatalError));

    Cw::SyncHistoryDialog dialog(*f.db, m_prompter, instance());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (const char* name : {"syncRuns", "syncRunOutcomes", "historyActionFilter", "historyEntityFilter",
                             "historySearch", "historyExportCsv"}) {
        auto* widget = dialog.findChild<QWidget*>(QLatin1String(name));
        QVERIFY2(widget && !widget->accessibleName().isEmpty(), name);
    }

    // Both runs, newest first; the newest is selected.
    Cw::SyncRunModel* runs = dialog.runs();
    QCOMPARE(runs->rowCount(), 2);
    QCOMPARE(runs->runs().first().id, second.runId);
    QCOMPARE(dialog.selectedRun(), second.runId);
    QCOMPARE(runs->index(1, Cw::SyncRunModel::StatusColumn).data().toString(), QStringLiteral("Succeeded"));
    QCOMPARE(runs->index(1, Cw::SyncRunModel::DirectionColumn).data().toString(), QStringLiteral("Push and pull"));
    QCOMPARE(runs->index(1, Cw::SyncRunModel::CreatedColumn).data().toInt(), first.totals().created);
    QCOMPARE(runs->index(1, Cw::SyncRunModel::SkippedColumn).data().toInt(), 1);

    // The first run's outcomes: the pushed account, the skipped one, the pulled companies.
    QVERIFY(dialog.selectRun(first.runId));
    QCOMPARE(dialog.selectedRun(), first.runId);
    Cw::SyncOutcomeFilter* shown = dialog.filter();
    QCOMPARE(dialog.outcomes()->rowCount(), first.totals().total() - first.totals().unchanged);
    QCOMPARE(shown->rowCount(), dialog.outcomes()->rowCount());

    choose(&dialog, "historyActionFilter", int(Cw::SyncOutcome::Action::Skipped));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, Cw::SyncOutcomeModel::LocalIdColumn).data().toString(), QStringLiteral("UI2"));
    QVERIFY(shown->index(0, Cw::SyncOutcomeModel::ReasonColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("unmapped lookup value")));

    choose(&dialog, "historyActionFilter", int(Cw::SyncOutcome::Action::Created));
    QCOMPARE(shown->rowCount(), first.totals().created);
    auto* search = dialog.findChild<QLineEdit*>(QStringLiteral("historySearch"));
    QTest::keyClicks(search, QStringLiteral("ui1"));
    QCOMPARE(shown->rowCount(), 1); // the pushed account, by its local id
    QCOMPARE(shown->index(0, Cw::SyncOutcomeModel::DirectionColumn).data().toString(), QStringLiteral("Push"));
    search->clear();
    choose(&dialog, "historyEntityFilter", QStringLiteral("products"));
    QCOMPARE(shown->rowCount(), 0);
    choose(&dialog, "historyEntityFilter", QStringLiteral("accounts"));
    choose(&dialog, "historyActionFilter", -1);
    QCOMPARE(shown->rowCount(), dialog.outcomes()->rowCount());

    // Export CSV writes what is shown.
    choose(&dialog, "historyActionFilter", int(Cw::SyncOutcome::Action::Skipped));
    m_prompter.saveFilePath = f.testDb.tempPath() + QStringLiteral("/run.csv");
    dialog.findChild<QPushButton*>(QStringLiteral("historyExportCsv"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_prompter.saveFilePath), kWait);
    QFile csv(m_prompter.saveFilePath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("push,accounts,UI2,,skipped,\"unmapped lookup value")),
             qPrintable(lines.at(1)));

    choose(&dialog, "historyActionFilter", -1);
    choose(&dialog, "historyEntityFilter", QString());
    dialog.resize(1200, 520);
    screenshot(&dialog, QStringLiteral("21-sync-history"));
}

void TestSyncHistoryDialog::manyOutcomesStayInAModel()
{
    // A run with 100,000 outcomes in the history: the dialog loads them into its model, the filters narrow them.
    Cw::SyncHistory history(*f.db);
    Cw::SyncRunRecord run;
    run.instanceId = f.instanceId;
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.direction = Cw::Direction::Pull;
    run.entities = {Cw::Entity::Accounts, Cw::Entity::Products};
    const auto runId = history.startRun(run);
    QVERIFY(runId);
    QList<Cw::SyncOutcome> many;
    many.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        Cw::SyncOutcome o;
        o.direction = Cw::Direction::Pull;
        o.entity = i % 2 ? Cw::Entity::Accounts : Cw::Entity::Products;
        o.localId = QStringLiteral("cw-%1").arg(i);
        o.remoteId = i + 1;
        o.action = i % 1000 == 0 ? Cw::SyncOutcome::Action::Skipped : Cw::SyncOutcome::Action::Created;
        o.reason =
            o.action == Cw::SyncOutcome::Action::Skipped ? QStringLiteral("invalid field: name is empty") : QString();
        many.append(o);
    }
    Cw::WriteTransaction transaction(*f.db);
    QVERIFY(transaction.begin());
    QVERIFY(history.addOutcomes(*runId, many));
    QVERIFY(transaction.commit());
    QVERIFY(history.finishRun(*runId, Cw::SyncCounts {99900, 0, 0, 100, 0}, QStringLiteral("succeeded"), QString()));

    Cw::SyncHistoryDialog dialog(*f.db, m_prompter, instance());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.selectedRun(), *runId); // the newest
    QCOMPARE(dialog.outcomes()->rowCount(), 100000);
    Cw::SyncOutcomeFilter* shown = dialog.filter();
    QCOMPARE(shown->rowCount(), 100000);
    choose(&dialog, "historyActionFilter", int(Cw::SyncOutcome::Action::Skipped));
    QCOMPARE(shown->rowCount(), 100);
    choose(&dialog, "historyEntityFilter", QStringLiteral("products"));
    QCOMPARE(shown->rowCount(), 100); // every 1000th is even: a product
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("historySearch")), QStringLiteral("cw-99000"));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->visibleOutcomes().first().remoteId, 99001);
}

QTEST_MAIN(TestSyncHistoryDialog)
#include "tst_synchistorydialog.moc"
