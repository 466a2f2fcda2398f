// cwconnector-cli sync's exit codes and what it takes as confirmed, against cwconnector-sim: an entity it was asked to
// run that cannot start (a module the security role denies; options off for an entity named in --entities) fails
// the run (exit 1, recorded as failed, naming the entity and why), options off in a whole-connector run do not; an
// unconfirmed user mapping is not used as an order's sales rep.
#include "tests/support/SyncFixture.h"

#include <QTemporaryDir>
#include <QTest>

using CwTest::ProcessResult;
using CwTest::runProcess;

class TestCliSyncExit final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deniedModuleFailsTheRun();
    void deniedPullIsBlockedByItsFirstPage();
    void optionsOffFailOnlyWhenTheEntityIsNamed();
    void unconfirmedMappingIsNotTheSalesRep();

private:
    ProcessResult cli(const QStringList& args);
    QJsonObject syncJson(const QStringList& args, int* exitCode);
    QJsonObject lastRun();
    QJsonObject remoteOrder(const QString& poNumber);

    QTemporaryDir m_dir;
    CwTest::SyncFixture f;
};

ProcessResult TestCliSyncExit::cli(const QStringList& args)
{
    const Cw::DatabaseLocation location = f.location();
    return runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                      QStringList {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")),
                                   QStringLiteral("--database"), location.filePath} +
                          args,
                      args.contains(QStringLiteral("--keys-from-stdin"))
                          ? QByteArrayLiteral("demopublickey0001\ndemoprivatekey0001\n")
                          : QByteArray(),
                      {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")}, 120000);
}

QJsonObject TestCliSyncExit::syncJson(const QStringList& args, int* exitCode)
{
    const ProcessResult r =
        cli(QStringList {QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim")} + args);
    *exitCode = r.exitCode;
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    if (doc.isEmpty()) {
        qWarning("no JSON: %s %s", r.out.constData(), r.err.constData());
    }
    return doc;
}

QJsonObject TestCliSyncExit::lastRun()
{
    const ProcessResult r = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("Sim")});
    const QJsonArray runs = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("runs")).toArray();
    return runs.isEmpty() ? QJsonObject() : runs.first().toObject();
}

QJsonObject TestCliSyncExit::remoteOrder(const QString& poNumber)
{
    for (const QJsonValue& v : f.list(QStringLiteral("sales/orders"))) {
        if (v.toObject().value(QStringLiteral("poNumber")).toString() == poNumber) {
            return v.toObject();
        }
    }
    return {};
}

void TestCliSyncExit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("5")}), qPrintable(f.error));
    QVERIFY2(f.configure(), qPrintable(f.error));
    const ProcessResult r = cli({QStringLiteral("instance"), QStringLiteral("set-keys"), QStringLiteral("Sim"),
                                 QStringLiteral("--keys-from-stdin")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(f.addLocal(Cw::Entity::Accounts,
                       {{{QStringLiteral("id"), QStringLiteral("A1")},
                         {QStringLiteral("name"), QStringLiteral("Exit One")},
                         {QStringLiteral("city"), QStringLiteral("Tampa")}}}));
    QVERIFY(f.addLocal(Cw::Entity::Products,
                       {{{QStringLiteral("id"), QStringLiteral("P1")},
                         {QStringLiteral("name"), QStringLiteral("Exit Product")},
                         {QStringLiteral("product_type"), QStringLiteral("L0")}}}));
}

void TestCliSyncExit::deniedModuleFailsTheRun()
{
    QVERIFY(f.setFaults({{QStringLiteral("denyModules"), QJsonArray {QStringLiteral("company/companies")}}}));
    int code = -1;
    const QJsonObject doc =
        syncJson({QStringLiteral("--push"), QStringLiteral("--entities"), QStringLiteral("accounts,products")}, &code);
    QCOMPARE(code, 1);
    QCOMPARE(doc.value(QStringLiteral("failedToStart")).toArray(), QJsonArray {QStringLiteral("push accounts")});
    const QString why =
        doc.value(QStringLiteral("blocked")).toObject().value(QStringLiteral("push accounts")).toString();
    QVERIFY2(why.startsWith(QStringLiteral("missing permission: the API member's security role needs Companies")),
             qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("Company Maintenance")), qPrintable(why));
    // What could start did.
    QCOMPARE(doc.value(QStringLiteral("push"))
                 .toObject()
                 .value(QStringLiteral("products"))
                 .toObject()
                 .value(QStringLiteral("created")),
             1);
    const QJsonObject run = lastRun();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY2(
        run.value(QStringLiteral("message")).toString().contains(QStringLiteral("push accounts: missing permission")),
        qPrintable(run.value(QStringLiteral("message")).toString()));

    const ProcessResult text = cli({QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--push"),
                                    QStringLiteral("--entities"), QStringLiteral("accounts")});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("push accounts: not started: missing permission"), text.out.constData());
    QVERIFY2(text.out.contains("failed: could not start: push accounts"), text.out.constData());
    QVERIFY(f.setFaults({}));
    QCOMPARE(syncJson({QStringLiteral("--push"), QStringLiteral("--entities"), QStringLiteral("accounts")}, &code)
                 .value(QStringLiteral("ok")),
             true);
    QCOMPARE(code, 0);
}

// A pull has no access check of its own: its first page is it. A 403 there blocks the entity with the permission
// it needs, like a push's check; an incremental pull that is allowed is then one request, not two.
void TestCliSyncExit::deniedPullIsBlockedByItsFirstPage()
{
    int code = -1;
    QCOMPARE(syncJson({QStringLiteral("--pull"), QStringLiteral("--entities"), QStringLiteral("accounts")}, &code)
                 .value(QStringLiteral("ok")),
             true); // the first pull: every page, so that the next one is incremental
    QVERIFY(f.setFaults({{QStringLiteral("denyModules"), QJsonArray {QStringLiteral("company/companies")}}}));
    const QJsonObject doc =
        syncJson({QStringLiteral("--pull"), QStringLiteral("--entities"), QStringLiteral("accounts")}, &code);
    QCOMPARE(code, 1);
    QCOMPARE(doc.value(QStringLiteral("failedToStart")).toArray(), QJsonArray {QStringLiteral("pull accounts")});
    const QString why =
        doc.value(QStringLiteral("blocked")).toObject().value(QStringLiteral("pull accounts")).toString();
    QVERIFY2(why.startsWith(QStringLiteral("missing permission: the API member's security role needs Companies")),
             qPrintable(why));
    QVERIFY2(doc.value(QStringLiteral("error")).toString().isEmpty(),
             qPrintable(doc.value(QStringLiteral("error")).toString()));
    QVERIFY(f.setFaults({}));

    const qsizetype before = CwTest::simRequests(f.sim.baseUrl(), QStringLiteral("company/companies")).size();
    QCOMPARE(syncJson({QStringLiteral("--pull"), QStringLiteral("--entities"), QStringLiteral("accounts")}, &code)
                 .value(QStringLiteral("ok")),
             true);
    QCOMPARE(code, 0);
    const QJsonArray asked = CwTest::simRequests(f.sim.baseUrl(), QStringLiteral("company/companies"));
    QCOMPARE(asked.size() - before, 1); // the page, with no /count before it
    QVERIFY2(!asked.last().toObject().value(QStringLiteral("target")).toString().contains(QStringLiteral("/count")),
             qPrintable(asked.last().toObject().value(QStringLiteral("target")).toString()));
}

void TestCliSyncExit::optionsOffFailOnlyWhenTheEntityIsNamed()
{
    ProcessResult r = cli({QStringLiteral("options"), QStringLiteral("Sim"), QStringLiteral("--set"),
                           QStringLiteral("accounts.push_create=off"), QStringLiteral("--set"),
                           QStringLiteral("accounts.push_update=off")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    int code = -1;
    // Named, and it cannot start in the one direction asked: a failure.
    QJsonObject doc =
        syncJson({QStringLiteral("--push"), QStringLiteral("--entities"), QStringLiteral("accounts")}, &code);
    QCOMPARE(code, 1);
    QCOMPARE(doc.value(QStringLiteral("failedToStart")).toArray(), QJsonArray {QStringLiteral("push accounts")});
    QVERIFY(doc.value(QStringLiteral("blocked"))
                .toObject()
                .value(QStringLiteral("push accounts"))
                .toString()
                .startsWith(QStringLiteral("sync option off")));
    QCOMPARE(lastRun().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(lastRun()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("push accounts: sync option off")));
    // Named, and its pull runs: the push that is off is listed, not a failure.
    doc = syncJson({QStringLiteral("--entities"), QStringLiteral("accounts")}, &code);
    QCOMPARE(code, 0);
    QVERIFY(doc.value(QStringLiteral("blocked")).toObject().contains(QStringLiteral("push accounts")));
    QVERIFY(doc.value(QStringLiteral("failedToStart")).toArray().isEmpty());
    // A whole-connector run: listed as not started, not a failure.
    doc = syncJson({QStringLiteral("--push")}, &code);
    QCOMPARE(code, 0);
    QVERIFY(doc.value(QStringLiteral("ok")).toBool());
    QVERIFY(doc.value(QStringLiteral("blocked")).toObject().contains(QStringLiteral("push accounts")));
    QCOMPARE(lastRun().value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    r = cli({QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--push")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("push accounts: not started: sync option off"), r.out.constData());
    // The CLI words the fix as its own command, naming the connector (the desktop app names its Settings section).
    QVERIFY2(r.out.contains("turn one on with: options Sim --set accounts.push_create=on"), r.out.constData());
    QVERIFY2(!r.out.contains("Settings"), r.out.constData());

    r = cli({QStringLiteral("options"), QStringLiteral("Sim"), QStringLiteral("--set"),
             QStringLiteral("accounts.push_create=on"), QStringLiteral("--set"),
             QStringLiteral("accounts.push_update=on")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCliSyncExit::unconfirmedMappingIsNotTheSalesRep()
{
    const QString fallback = f.firstId(QStringLiteral("system/members")); // the sales_representative variable
    QJsonObject member;
    for (const QJsonValue& v : f.list(QStringLiteral("system/members"))) {
        const QJsonObject m = v.toObject();
        if (QString::number(m.value(QStringLiteral("id")).toInteger()) != fallback &&
            m.value(QStringLiteral("licenseClass")).toString() != QLatin1String("A") &&
            !m.value(QStringLiteral("inactiveFlag")).toBool()) {
            member = m;
            break;
        }
    }
    QVERIFY(!member.isEmpty());
    const QString memberId = QString::number(member.value(QStringLiteral("id")).toInteger());
    QVERIFY(f.addLocal(Cw::Entity::Users,
                       {{{QStringLiteral("id"), QStringLiteral("U1")},
                         {QStringLiteral("name"), QStringLiteral("Someone Else")},
                         {QStringLiteral("email"), member.value(QStringLiteral("primaryEmail"))}}}));
    // Auto-match suggests the member by e-mail; nobody confirmed it.
    ProcessResult r = cli({QStringLiteral("users"), QStringLiteral("Sim"), QStringLiteral("--auto")});
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QCOMPARE(f.countRows(QStringLiteral("SELECT COUNT(*) FROM user_mappings WHERE local_user_id = 'U1' AND member_id = "
                                        "? AND confirmed = 0"),
                         {memberId}),
             1);
    auto order = [](const QString& id) {
        return QVariantHash {{QStringLiteral("id"), id},
                             {QStringLiteral("account_id"), QStringLiteral("A1")},
                             {QStringLiteral("order_stage"), QStringLiteral("L0")},
                             {QStringLiteral("currency"), QStringLiteral("L0")},
                             {QStringLiteral("user_id"), QStringLiteral("U1")}};
    };
    QVERIFY(f.addLocal(Cw::Entity::Orders, {order(QStringLiteral("O1"))}));
    int code = -1;
    syncJson({QStringLiteral("--push"), QStringLiteral("--entities"), QStringLiteral("accounts,orders")}, &code);
    QCOMPARE(code, 0);
    auto repOf = [&](const QString& po) {
        return QString::number(
            remoteOrder(po).value(QStringLiteral("salesRep")).toObject().value(QStringLiteral("id")).toInteger());
    };
    QCOMPARE(repOf(QStringLiteral("O1")), fallback);

    // Confirmed: the member is the sales rep.
    r = cli(
        {QStringLiteral("users"), QStringLiteral("Sim"), QStringLiteral("--set"), QStringLiteral("U1=") + memberId});
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY(f.addLocal(Cw::Entity::Orders, {order(QStringLiteral("O2"))}));
    syncJson({QStringLiteral("--push"), QStringLiteral("--entities"), QStringLiteral("orders")}, &code);
    QCOMPARE(code, 0);
    QCOMPARE(repOf(QStringLiteral("O2")), memberId);
    QVERIFY2(f.sim.modelViolations().isEmpty(), qPrintable(CwTest::SimProcess::describe(f.sim.modelViolations())));
}

QTEST_GUILESS_MAIN(TestCliSyncExit)
#include "tst_cli_sync_exit.moc"
