// cwconnector-cli sync and history against cwconnector-sim, with the keys in the real keychain (CI: the
// suite's private D-Bus session): dry run as JSON and CSV, a real sync, its history, exit codes.
#include "tests/support/SyncFixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using CwTest::ProcessResult;
using CwTest::runProcess;

class TestCliSync final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dryRunJsonAndCsv();
    void syncThenHistory();
    void conflictsReportedAndKept();
    void badUsageAndUnreachable();

private:
    ProcessResult cli(const QStringList& args, const QByteArray& input = {});
    QTemporaryDir m_dir;
    CwTest::SyncFixture f;
};

ProcessResult TestCliSync::cli(const QStringList& args, const QByteArray& input)
{
    return runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                      QStringList {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))} + args, input,
                      {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")}, 120000);
}

void TestCliSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(f.start({QStringLiteral("--records"), QStringLiteral("20")}), qPrintable(f.error));
    QString error;
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
    const auto location = Cw::DatabaseLocation::resolve(QString(), m_dir.filePath(QStringLiteral("data")), &error);
    QVERIFY2(location && CwTest::SyncFixture::randomizeInstanceIds(*location, &error), qPrintable(error));
    const ProcessResult r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("Sim"),
                                 QStringLiteral("--company"), QStringLiteral("cwsim"), QStringLiteral("--site"),
                                 f.sim.baseUrl().toString(), QStringLiteral("--keys-from-stdin")},
                                QByteArrayLiteral("demopublickey0001\ndemoprivatekey0001\n"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(f.attach(*location, 0), qPrintable(f.error));
    f.instanceId = f.instanceIdByName(QStringLiteral("Sim"));
    QVERIFY(f.instanceId > 100000);
    QVERIFY2(f.configure(), qPrintable(f.error));
    QVERIFY(f.addLocal(Cw::Entity::Accounts,
                       {{{QStringLiteral("id"), QStringLiteral("C1")},
                         {QStringLiteral("name"), QStringLiteral("Cli One")},
                         {QStringLiteral("city"), QStringLiteral("Tampa")}}, // ConnectWise needs an address
                        {{QStringLiteral("id"), QStringLiteral("C2")},
                         {QStringLiteral("name"), QStringLiteral("Cli Two")},
                         {QStringLiteral("city"), QStringLiteral("Tampa")},
                         {QStringLiteral("account_type"), QStringLiteral("Unknown")}}}));
    f.db->close(); // the CLI writes it from now on
}

void TestCliSync::dryRunJsonAndCsv()
{
    const QString csv = m_dir.filePath(QStringLiteral("preview.csv"));
    const ProcessResult r =
        cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--entities"),
             QStringLiteral("accounts"), QStringLiteral("--dry-run"), QStringLiteral("--csv"), csv});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QVERIFY(doc.value(QStringLiteral("dryRun")).toBool());
    const QJsonObject push = doc.value(QStringLiteral("push")).toObject().value(QStringLiteral("accounts")).toObject();
    QCOMPARE(push.value(QStringLiteral("created")).toInt(), 1);
    QCOMPARE(push.value(QStringLiteral("skipped")).toInt(), 1);
    const QJsonObject pull = doc.value(QStringLiteral("pull")).toObject().value(QStringLiteral("accounts")).toObject();
    QCOMPARE(pull.value(QStringLiteral("created")).toInt(), 20);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("direction,entity,local_id,remote_id,action,reason\n"));
    QVERIFY(text.contains("push,accounts,C2,,skipped,\"unmapped lookup value: account_type \"\"Unknown\"\""));
    QVERIFY(text.contains("push,accounts,C1,,created,"));
    // Nothing was written: no company, no history.
    QCOMPARE(f.list(QStringLiteral("company/companies")).size(), 20);
    const ProcessResult h = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("Sim")});
    QVERIFY2(h.exitCode == 0, h.err.constData());
    QCOMPARE(QJsonDocument::fromJson(h.out).object().value(QStringLiteral("runs")).toArray().size(), 0);
}

void TestCliSync::syncThenHistory()
{
    ProcessResult r = cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim"),
                           QStringLiteral("--entities"), QStringLiteral("accounts")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.contains("push accounts: 2 of 2 records"));
    QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QVERIFY(doc.value(QStringLiteral("ok")).toBool());
    QCOMPARE(doc.value(QStringLiteral("totals")).toObject().value(QStringLiteral("created")).toInt(), 21);
    QCOMPARE(f.list(QStringLiteral("company/companies")).size(), 21);

    r = cli({QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--entities"), QStringLiteral("accounts")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("push accounts: 0 created"));
    QCOMPARE(f.list(QStringLiteral("company/companies")).size(), 21);

    r = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("Sim")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray runs = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 2);
    const QJsonObject first = runs.last().toObject();
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("both"));
    QCOMPARE(first.value(QStringLiteral("counts")).toObject().value(QStringLiteral("created")).toInt(), 21);
    QCOMPARE(first.value(QStringLiteral("counts")).toObject().value(QStringLiteral("skipped")).toInt(), 1);

    r = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("Sim"), QStringLiteral("--run"),
             QString::number(first.value(QStringLiteral("id")).toInteger())});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray outcomes = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("outcomes")).toArray();
    QCOMPARE(outcomes.size(), 22);
    r = cli({QStringLiteral("history"), QStringLiteral("Sim")});
    QVERIFY(r.out.contains("succeeded"));
}

void TestCliSync::conflictsReportedAndKept()
{
    // C1 (synced above) renamed in ConnectWise and locally.
    const QJsonObject company =
        f.byKey(QStringLiteral("company/companies"), QStringLiteral("name"), QStringLiteral("Cli One"));
    const qint64 remoteId = company.value(QStringLiteral("id")).toInteger();
    QVERIFY(remoteId > 0);
    const QString path = QStringLiteral("company/companies/%1").arg(remoteId);
    const QJsonArray ops {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                       {QStringLiteral("path"), QStringLiteral("name")},
                                       {QStringLiteral("value"), QStringLiteral("Cli One CW")}}};
    QVERIFY(f.call(Cw::ApiRequest::patch(path, QJsonDocument(ops))).ok());
    QVERIFY2(f.reopen(false), qPrintable(f.error));
    QVERIFY(f.addLocal(Cw::Entity::Accounts,
                       {{{QStringLiteral("id"), QStringLiteral("C1")},
                         {QStringLiteral("name"), QStringLiteral("Cli One Local")},
                         {QStringLiteral("city"), QStringLiteral("Tampa")}}}));
    f.db->close();

    ProcessResult r = cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim"),
                           QStringLiteral("--entities"), QStringLiteral("accounts")});
    QVERIFY2(r.exitCode == 0, r.err.constData()); // a conflict is reported, not a failure
    QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc.value(QStringLiteral("totals")).toObject().value(QStringLiteral("conflict")).toInt(), 1);
    QJsonObject conflict;
    for (const QJsonValue& v : doc.value(QStringLiteral("outcomes")).toArray()) {
        if (v.toObject().value(QStringLiteral("action")).toString() == QLatin1String("conflict")) {
            conflict = v.toObject();
        }
    }
    QCOMPARE(conflict.value(QStringLiteral("localId")).toString(), QStringLiteral("C1"));
    const QJsonArray expected {QJsonObject {{QStringLiteral("field"), QStringLiteral("name")},
                                            {QStringLiteral("local"), QStringLiteral("Cli One Local")},
                                            {QStringLiteral("connectwise"), QStringLiteral("Cli One CW")}}};
    QCOMPARE(conflict.value(QStringLiteral("conflicts")).toArray(), expected);
    QCOMPARE(f.call(Cw::ApiRequest::get(path)).object().value(QStringLiteral("name")).toString(),
             QStringLiteral("Cli One CW"));

    r = cli({QStringLiteral("conflicts"), QStringLiteral("Sim")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("accounts C1") &&
                 r.out.contains("name: local \"Cli One Local\", ConnectWise \"Cli One CW\""),
             r.out.constData());
    r = cli({QStringLiteral("conflicts"), QStringLiteral("Sim"), QStringLiteral("--keep"),
             QStringLiteral("accounts:C9=local")});
    QCOMPARE(r.exitCode, 2); // never synced
    r = cli({QStringLiteral("conflicts"), QStringLiteral("Sim"), QStringLiteral("--keep"),
             QStringLiteral("accounts:C1=mine")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("connectwise"));
    r = cli({QStringLiteral("--json"), QStringLiteral("conflicts"), QStringLiteral("Sim"), QStringLiteral("--keep"),
             QStringLiteral("accounts:C1=local")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out)
                 .object()
                 .value(QStringLiteral("conflicts"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("keep")),
             QStringLiteral("local"));
    r = cli({QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--entities"), QStringLiteral("accounts")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(!r.out.contains("conflict"), r.out.constData());
    QCOMPARE(f.call(Cw::ApiRequest::get(path)).object().value(QStringLiteral("name")).toString(),
             QStringLiteral("Cli One Local"));

    // The policy, with the sync options.
    r = cli({QStringLiteral("--json"), QStringLiteral("options"), QStringLiteral("Sim"), QStringLiteral("--set"),
             QStringLiteral("conflicts=connectwise")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("conflictPolicy")).toString(),
             QStringLiteral("connectwise"));
    r = cli({QStringLiteral("options"), QStringLiteral("Sim")});
    QVERIFY2(r.out.contains("conflicts") && r.out.contains("connectwise"), r.out.constData());
    r = cli({QStringLiteral("options"), QStringLiteral("Sim"), QStringLiteral("--set"),
             QStringLiteral("conflicts=newest")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("report, connectwise, local"));
}

void TestCliSync::badUsageAndUnreachable()
{
    ProcessResult r =
        cli({QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--entities"), QStringLiteral("users")});
    QCOMPARE(r.exitCode, 2);
    r = cli({QStringLiteral("sync"), QStringLiteral("Sim"), QStringLiteral("--pull"), QStringLiteral("--push")});
    QCOMPARE(r.exitCode, 2);
    r = cli({QStringLiteral("sync"), QStringLiteral("Nope")});
    QCOMPARE(r.exitCode, 2);
    f.sim.stop();
    r = cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("Sim")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(QJsonDocument::fromJson(r.out).object().contains(QStringLiteral("error")));
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
