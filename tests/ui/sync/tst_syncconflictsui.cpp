// Conflicts in the sync windows: the preview and the history show a record changed on both sides with both values,
// and Keep local / Keep ConnectWise pick the side the next sync writes.
#include "SyncUiFixture.h"

#include "core/sync/SyncLinkStore.h"
#include "ui/sync/ConflictPicker.h"
#include "ui/sync/SyncHistoryDialog.h"
#include "ui/sync/SyncOutcomeFilter.h"
#include "ui/sync/SyncOutcomeModel.h"
#include "ui/sync/SyncRunModel.h"

#include <QComboBox>
#include <QPushButton>
#include <QTableView>

using namespace SyncUi;
using CwTest::SyncFixture;

class TestSyncConflictsUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewShowsTheConflictAndKeepsLocal();
    void historyShowsTheConflictAndKeepsConnectWise();

private:
    Cw::Instance instance() { return *Cw::InstanceRepository(*f.db).findById(f.instanceId); }
    // A local account pushed and pulled, then renamed in ConnectWise and locally; its ConnectWise id.
    qint64 conflicted(const QString& id, const QString& remoteName, const QString& localName);
    QString remoteName(qint64 remoteId);
    QString localName(const QString& id);
    Cw::KeepSide kept(const QString& id);
    // The row of the conflict in a table; -1 when none.
    static int conflictRow(const QAbstractItemModel* model, const QString& localId);

    SyncFixture f;
    CwTest::ScriptedPrompter m_prompter;
};

void TestSyncConflictsUi::initTestCase()
{
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("3")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
}

qint64 TestSyncConflictsUi::conflicted(const QString& id, const QString& remote, const QString& local)
{
    if (!f.addLocal(Cw::Entity::Accounts, {account(id, QStringLiteral("Original ") + id, QStringLiteral("L1"))}) ||
        !f.sync(true, true, {Cw::Entity::Accounts}).ok()) {
        return 0;
    }
    const qint64 remoteId =
        Cw::SyncLinkStore(*f.db, f.instanceId).linksOf(Cw::Entity::Accounts, {id}).value(id).remoteId;
    const QJsonArray ops {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                       {QStringLiteral("path"), QStringLiteral("name")},
                                       {QStringLiteral("value"), remote}}};
    if (remoteId <= 0 ||
        !f.call(Cw::ApiRequest::patch(QStringLiteral("company/companies/%1").arg(remoteId), QJsonDocument(ops))).ok()) {
        return 0;
    }
    QVariantHash values = account(id, local, QStringLiteral("L1"));
    return f.addLocal(Cw::Entity::Accounts, {values}) ? remoteId : 0;
}

QString TestSyncConflictsUi::remoteName(qint64 remoteId)
{
    return f.call(Cw::ApiRequest::get(QStringLiteral("company/companies/%1").arg(remoteId)))
        .object()
        .value(QStringLiteral("name"))
        .toString();
}

QString TestSyncConflictsUi::localName(const QString& id)
{
    return Cw::LocalRecordStore(*f.db)
        .find(Cw::LocalSchema::entity(Cw::Entity::Accounts), id)
        ->values.value(QStringLiteral("name"))
        .toString();
}

Cw::KeepSide TestSyncConflictsUi::kept(const QString& id)
{
    return Cw::SyncLinkStore(*f.db, f.instanceId).linksOf(Cw::Entity::Accounts, {id}).value(id).keep;
}

int TestSyncConflictsUi::conflictRow(const QAbstractItemModel* model, const QString& localId)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(Cw::SyncOutcomeModel::LocalIdRole).toString() == localId &&
            index.data(Cw::SyncOutcomeModel::ActionRole).toInt() == int(Cw::SyncOutcome::Action::Conflict)) {
            return row;
        }
    }
    return -1;
}

void TestSyncConflictsUi::previewShowsTheConflictAndKeepsLocal()
{
    const qint64 remoteId = conflicted(QStringLiteral("K1"), QStringLiteral("Kappa CW"), QStringLiteral("Kappa Local"));
    QVERIFY(remoteId > 0);
    Cw::SyncDialog dialog(*f.db, m_prompter, instance(), CwTest::session(CwTest::syncSimConnection(f.sim.baseUrl())));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.preview();
    const Cw::SyncSummary preview = waitForRun(&dialog);
    QVERIFY2(preview.ok(), qPrintable(preview.fatalError));
    QVERIFY(preview.totals().conflict >= 1);

    Cw::SyncOutcomeModel* model = dialog.outcomes();
    const int row = conflictRow(model, QStringLiteral("K1"));
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, Cw::SyncOutcomeModel::ActionColumn).data().toString(), QStringLiteral("Conflict"));
    const QString reason = model->index(row, Cw::SyncOutcomeModel::ReasonColumn).data().toString();
    QVERIFY2(reason.contains(QLatin1String("Kappa CW")) && reason.contains(QLatin1String("Kappa Local")),
             qPrintable(reason));
    const QString tip = model->index(row, Cw::SyncOutcomeModel::ReasonColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QLatin1String("name: local")) && tip.contains(QLatin1String("Kappa CW")), qPrintable(tip));

    Cw::ConflictPicker* picker = dialog.conflictPicker();
    QVERIFY(picker && !picker->keepLocal()->isEnabled() && !picker->keepConnectWise()->isEnabled());
    QVERIFY(!picker->keepLocal()->accessibleName().isEmpty());
    dialog.outcomeTable()->setCurrentIndex(model->index(row, 0));
    QVERIFY(picker->keepLocal()->isEnabled() && picker->keepConnectWise()->isEnabled());
    QTest::mouseClick(picker->keepLocal(), Qt::LeftButton);
    QCOMPARE(kept(QStringLiteral("K1")), Cw::KeepSide::Local);
    QVERIFY2(picker->text().contains(QLatin1String("K1")), qPrintable(picker->text()));
    screenshot(&dialog, QStringLiteral("22-sync-conflict-preview"));

    // The preview wrote nothing; the next sync pushes the local name.
    QCOMPARE(remoteName(remoteId), QStringLiteral("Kappa CW"));
    const Cw::SyncSummary s = f.sync(true, true, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().conflict, 0);
    QCOMPARE(remoteName(remoteId), QStringLiteral("Kappa Local"));
    QCOMPARE(localName(QStringLiteral("K1")), QStringLiteral("Kappa Local"));
}

void TestSyncConflictsUi::historyShowsTheConflictAndKeepsConnectWise()
{
    const qint64 remoteId =
        conflicted(QStringLiteral("K2"), QStringLiteral("Lambda CW"), QStringLiteral("Lambda Local"));
    QVERIFY(remoteId > 0);
    const Cw::SyncSummary reported = f.sync(true, true, {Cw::Entity::Accounts});
    QVERIFY2(reported.ok(), qPrintable(reported.fatalError));
    QCOMPARE(reported.totals().conflict, 1);

    Cw::SyncHistoryDialog dialog(*f.db, m_prompter, instance());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.selectedRun(), reported.runId);
    const int runRow = dialog.runs()->rowOf(reported.runId);
    QCOMPARE(dialog.runs()->index(runRow, Cw::SyncRunModel::ConflictColumn).data().toInt(), 1);
    auto* action = dialog.findChild<QComboBox*>(QStringLiteral("historyActionFilter"));
    action->setCurrentIndex(action->findData(int(Cw::SyncOutcome::Action::Conflict)));
    Cw::SyncOutcomeFilter* shown = dialog.filter();
    QCOMPARE(shown->rowCount(), 1);
    const QString reason = shown->index(0, Cw::SyncOutcomeModel::ReasonColumn).data().toString();
    QVERIFY2(reason.contains(QLatin1String("Lambda CW")) && reason.contains(QLatin1String("Lambda Local")),
             qPrintable(reason));
    QVERIFY(shown->index(0, Cw::SyncOutcomeModel::ReasonColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Lambda Local")));

    Cw::ConflictPicker* picker = dialog.conflictPicker();
    dialog.outcomeTable()->setCurrentIndex(shown->index(0, 0));
    QVERIFY(picker->keepConnectWise()->isEnabled());
    QTest::mouseClick(picker->keepConnectWise(), Qt::LeftButton);
    QCOMPARE(kept(QStringLiteral("K2")), Cw::KeepSide::ConnectWise);
    dialog.resize(1200, 520);
    screenshot(&dialog, QStringLiteral("23-sync-conflict-history"));

    const Cw::SyncSummary s = f.sync(true, true, {Cw::Entity::Accounts});
    QVERIFY2(s.ok(), qPrintable(s.fatalError));
    QCOMPARE(s.totals().conflict, 0);
    QCOMPARE(localName(QStringLiteral("K2")), QStringLiteral("Lambda CW"));
    QCOMPARE(remoteName(remoteId), QStringLiteral("Lambda CW"));
    QCOMPARE(kept(QStringLiteral("K2")), Cw::KeepSide::None);
}

QTEST_MAIN(TestSyncConflictsUi)
#include "tst_syncconflictsui.moc"
