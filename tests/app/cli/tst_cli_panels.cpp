#include "tests/support/SimFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using CwTest::ProcessResult;
using CwTest::runProcess;

// members / users / variables / options / lookups as scripts use them: against cwconnector-sim, keys in
// the keychain (saved by `instance add --keys-from-stdin`), tricky data, --set validated against the live
// lists (exit 2 naming the key and the fix), a stale server variable (exit 1).
class TestCliPanels final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void options();
    void membersLeaveOutApiAndInactive();
    void variablesValidatedAndStaleAfterDelete();
    void usersAutoMatchAndSet();
    void lookupsAutoMapAndSet();
    void importCsvOfLines();
    void unknownConnectorIsBadUsage();
    void unreachableIsExitFour();

private:
    ProcessResult cli(const QStringList& args, const QByteArray& input = {});
    QJsonObject json(const QStringList& args, int expectedExit);
    void writeFile(const QString& name, const QByteArray& content);

    QTemporaryDir m_dir;
    CwTest::SimProcess m_sim;
};

void TestCliPanels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    // Keychain entries are named by instance id, not by data directory: start the ids at a random high
    // number so that tst_cli_session (ids 1, 2, ...) running at the same time in the same keyring keeps its
    // keys and this test keeps its own.
    QCOMPARE(cli({QStringLiteral("instance"), QStringLiteral("list")}).exitCode, 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("data/cwconnector.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO sqlite_sequence(name, seq) VALUES('instances', %1)")
                                .arg(QRandomGenerator::global()->bounded(100000, 900000))),
                 qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seed"));
    ProcessResult r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("Prod"),
                           QStringLiteral("--company"), QStringLiteral("cwsim"), QStringLiteral("--site"),
                           m_sim.baseUrl().toString(), QStringLiteral("--keys-from-stdin")},
                          "demopublickey0001\ndemoprivatekey0001\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({QStringLiteral("--json"), QStringLiteral("instance"), QStringLiteral("show"), QStringLiteral("Prod")});
    QVERIFY(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("id")).toInteger() > 100000);
}

ProcessResult TestCliPanels::cli(const QStringList& args, const QByteArray& input)
{
    return runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                      QStringList {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))} + args, input,
                      {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")}, 90000);
}

QJsonObject TestCliPanels::json(const QStringList& args, int expectedExit)
{
    const ProcessResult r = cli(QStringList {QStringLiteral("--json")} + args);
    if (r.exitCode != expectedExit) {
        qWarning("exit %d, expected %d: %s", r.exitCode, expectedExit, r.err.constData());
        return {};
    }
    return QJsonDocument::fromJson(r.out).object();
}

void TestCliPanels::writeFile(const QString& name, const QByteArray& content)
{
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void TestCliPanels::options()
{
    const QJsonObject o = json({QStringLiteral("options"), QStringLiteral("Prod"), QStringLiteral("--set"),
                                QStringLiteral("accounts.push_create=on"), QStringLiteral("--set"),
                                QStringLiteral("payments.push_create=on")},
                               0);
    QVERIFY(!o.isEmpty());
    int enabled = 0;
    for (const QJsonValue& v : o.value(QStringLiteral("options")).toArray()) {
        const QJsonObject cell = v.toObject();
        QVERIFY(!cell.value(QStringLiteral("permission")).toString().isEmpty());
        enabled += cell.value(QStringLiteral("enabled")).toBool() ? 1 : 0;
    }
    QCOMPARE(enabled, 2);
    QCOMPARE(o.value(QStringLiteral("options")).toArray().size(), 15); // supported cells only
    const QJsonArray paths = o.value(QStringLiteral("permissionPaths")).toArray();
    QVERIFY(paths.contains(QStringLiteral("company/companies")));
    QVERIFY(paths.contains(QStringLiteral("finance/invoices")));
    QVERIFY(!paths.contains(QStringLiteral("sales/orders")));

    // Saved: a second call without --set shows them; an unsupported cell is bad usage and changes nothing.
    ProcessResult r = cli({QStringLiteral("options"), QStringLiteral("Prod"), QStringLiteral("--set"),
                           QStringLiteral("accounts.pull_create=on"), QStringLiteral("--set"),
                           QStringLiteral("invoices.pull_create=on")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("invoices.pull_create"), r.err.constData());
    r = cli({QStringLiteral("options"), QStringLiteral("Prod")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("accounts.push_create"), r.out.constData());
    QVERIFY(
        QRegularExpression(QStringLiteral("accounts.pull_create\\s+off")).match(QString::fromUtf8(r.out)).hasMatch());
}

void TestCliPanels::membersLeaveOutApiAndInactive()
{
    const QJsonObject o = json({QStringLiteral("members"), QStringLiteral("Prod")}, 0);
    const QJsonArray members = o.value(QStringLiteral("members")).toArray();
    QCOMPARE(members.size(), 12);
    QCOMPARE(o.value(QStringLiteral("leftOut")).toInt(), 4);
    for (const QJsonValue& m : members) {
        QVERIFY(m.toObject().value(QStringLiteral("id")).toInt() <= 112);
    }
}

void TestCliPanels::variablesValidatedAndStaleAfterDelete()
{
    // The payment-method ids are picked from the local system's payment methods: none yet, so none can be set.
    ProcessResult r = cli({QStringLiteral("variables"), QStringLiteral("Prod"), QStringLiteral("--set"),
                           QStringLiteral("credit_card_method_id=VISA")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no payment methods yet"), r.err.constData());
    writeFile(QStringLiteral("payments.csv"),
              "id,invoice_id,method,amount,date\n"
              "y1,i1,VISA,10,2026-01-05\n"
              "y2,i1,WIRE,5,2026-01-06\n");
    r = cli({QStringLiteral("import-csv"), QStringLiteral("payments"), m_dir.filePath(QStringLiteral("payments.csv"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({QStringLiteral("variables"), QStringLiteral("Prod"), QStringLiteral("--set"),
             QStringLiteral("bank_deposit_method_id=cc")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("bank_deposit_method_id") && r.err.contains("VISA, WIRE"), r.err.constData());
    QJsonObject o =
        json({QStringLiteral("variables"), QStringLiteral("Prod"), QStringLiteral("--set"),
              QStringLiteral("import_account_status=5"), QStringLiteral("--set"),
              QStringLiteral("sales_representative=101"), QStringLiteral("--set"), QStringLiteral("product_category=2"),
              QStringLiteral("--set"), QStringLiteral("product_subcategory=4"), QStringLiteral("--set"),
              QStringLiteral("product_billable_option=Billable"), QStringLiteral("--set"),
              QStringLiteral("credit_card_method_id=VISA")},
             0);
    QCOMPARE(o.value(QStringLiteral("variables")).toArray().size(), 11);
    QCOMPARE(o.value(QStringLiteral("staleCount")).toInt(), 0);
    for (const QJsonValue& v : o.value(QStringLiteral("variables")).toArray()) {
        if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("credit_card_method_id")) {
            QCOMPARE(v.toObject().value(QStringLiteral("id")).toString(), QStringLiteral("VISA"));
        }
    }

    // Bad ids: exit 2 naming the key and the fix; nothing saved.
    r = cli({QStringLiteral("variables"), QStringLiteral("Prod"), QStringLiteral("--set"),
             QStringLiteral("product_uom=1"), QStringLiteral("--set"), QStringLiteral("import_account_status=999")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("import_account_status") && r.err.contains("Fix"), r.err.constData());
    for (const char* bad : {"sales_representative=115", "sales_representative=113", "product_subcategory=1",
                            "product_billable_option=Maybe", "company_id=x", "colour=1"}) {
        r = cli({QStringLiteral("variables"), QStringLiteral("Prod"), QStringLiteral("--set"), QLatin1String(bad)});
        QVERIFY2(r.exitCode == 2, bad);
    }
    o = json({QStringLiteral("variables"), QStringLiteral("Prod")}, 0);
    for (const QJsonValue& v : o.value(QStringLiteral("variables")).toArray()) {
        if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("product_uom")) {
            QVERIFY(v.toObject().value(QStringLiteral("id")).toString().isEmpty()); // not saved half-way
        }
    }

    // The status is deleted in ConnectWise: the variable is stale, exit 1, named with its fix.
    QVERIFY(CwTest::run(CwTest::simClient(m_sim.baseUrl(), this),
                        Cw::ApiRequest::del(QStringLiteral("company/companies/statuses/5")))
                .ok());
    r = cli({QStringLiteral("--json"), QStringLiteral("variables"), QStringLiteral("Prod")});
    QCOMPARE(r.exitCode, 1);
    o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("staleCount")).toInt(), 1);
    bool found = false;
    for (const QJsonValue& v : o.value(QStringLiteral("variables")).toArray()) {
        if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("import_account_status")) {
            found = v.toObject().value(QStringLiteral("stale")).toString().contains(QLatin1String("no longer exists"));
        }
    }
    QVERIFY(found);
    QVERIFY2(r.err.contains("import_account_status"), r.err.constData());
    // Picking another status clears it.
    r = cli({QStringLiteral("variables"), QStringLiteral("Prod"), QStringLiteral("--set"),
             QStringLiteral("import_account_status=1")});
    QCOMPARE(r.exitCode, 0);
}

void TestCliPanels::usersAutoMatchAndSet()
{
    writeFile(QStringLiteral("users.csv"),
              "id,name,email\n"
              "u1,J. Smith, JSMITH@simulated-msp.example\n"
              "u2,  lena   MULLER,\n"
              "u3,Robert F,bformer@simulated-msp.example\n");
    ProcessResult r =
        cli({QStringLiteral("import-csv"), QStringLiteral("users"), m_dir.filePath(QStringLiteral("users.csv"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    QJsonObject o = json({QStringLiteral("users"), QStringLiteral("Prod"), QStringLiteral("--auto")}, 0);
    const QJsonArray users = o.value(QStringLiteral("users")).toArray();
    QCOMPARE(users.size(), 3);
    QCOMPARE(users.at(0).toObject().value(QStringLiteral("memberId")).toString(), QStringLiteral("101"));
    QCOMPARE(users.at(0).toObject().value(QStringLiteral("matchBy")).toString(), QStringLiteral("email"));
    QCOMPARE(users.at(1).toObject().value(QStringLiteral("memberId")).toString(), QStringLiteral("106"));
    QVERIFY(users.at(2).toObject().value(QStringLiteral("memberId")).toString().isEmpty()); // inactive: never
    QCOMPARE(o.value(QStringLiteral("unmapped")).toInt(), 1);

    r = cli({QStringLiteral("users"), QStringLiteral("Prod"), QStringLiteral("--set"), QStringLiteral("u3=115")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("inactive"), r.err.constData());
    r = cli({QStringLiteral("users"), QStringLiteral("Prod"), QStringLiteral("--set"), QStringLiteral("nobody=101")});
    QCOMPARE(r.exitCode, 2);
    o = json({QStringLiteral("users"), QStringLiteral("Prod"), QStringLiteral("--set"), QStringLiteral("u3=107")}, 0);
    const QJsonObject u3 = o.value(QStringLiteral("users")).toArray().at(2).toObject();
    QCOMPARE(u3.value(QStringLiteral("memberId")).toString(), QStringLiteral("107"));
    QVERIFY(u3.value(QStringLiteral("confirmed")).toBool());
    // The suggestions stored by --auto stay unconfirmed until the admin confirms them.
    QVERIFY(!o.value(QStringLiteral("users")).toArray().at(0).toObject().value(QStringLiteral("confirmed")).toBool());
}

void TestCliPanels::lookupsAutoMapAndSet()
{
    writeFile(QStringLiteral("accounts.csv"),
              "id,name,account_type,currency,country\n"
              "a1,Acme,client,eur,DE\n"
              "a2,Beta,Wholesale,USD,ireland\n");
    ProcessResult r =
        cli({QStringLiteral("import-csv"), QStringLiteral("accounts"), m_dir.filePath(QStringLiteral("accounts.csv"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonObject o = json({QStringLiteral("lookups"), QStringLiteral("Prod"), QStringLiteral("--auto")}, 0);
    QHash<QString, QString> mapped;
    for (const QJsonValue& t : o.value(QStringLiteral("lookups")).toArray()) {
        for (const QJsonValue& v : t.toObject().value(QStringLiteral("values")).toArray()) {
            mapped.insert(t.toObject().value(QStringLiteral("lookup")).toString() + QLatin1Char(':') +
                              v.toObject().value(QStringLiteral("local")).toString(),
                          v.toObject().value(QStringLiteral("id")).toString());
        }
    }
    QCOMPARE(mapped.value(QStringLiteral("account_type:client")), QStringLiteral("1"));
    QCOMPARE(mapped.value(QStringLiteral("currency:eur")), QStringLiteral("2"));
    QCOMPARE(mapped.value(QStringLiteral("currency:USD")), QStringLiteral("1"));
    // The accounts' countries: by ISO code (countryCode) or by name.
    QCOMPARE(mapped.value(QStringLiteral("country:DE")), QStringLiteral("5"));
    QCOMPARE(mapped.value(QStringLiteral("country:ireland")), QStringLiteral("4"));
    QVERIFY(mapped.contains(QStringLiteral("account_type:Wholesale")));
    QVERIFY(mapped.value(QStringLiteral("account_type:Wholesale")).isEmpty()); // unmapped, shown
    QCOMPARE(o.value(QStringLiteral("unmapped")).toInt(), 1);

    r = cli({QStringLiteral("lookups"), QStringLiteral("Prod"), QStringLiteral("--set"),
             QStringLiteral("order_stage:Open=999")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("order_stage"), r.err.constData());
    // A value the admin adds, mapped by name.
    o = json({QStringLiteral("lookups"), QStringLiteral("Prod"), QStringLiteral("--set"),
              QStringLiteral("order_stage:Open=new"), QStringLiteral("--set"),
              QStringLiteral("account_type:Wholesale=6")},
             0);
    QCOMPARE(o.value(QStringLiteral("unmapped")).toInt(), 0);
}

void TestCliPanels::importCsvOfLines()
{
    writeFile(QStringLiteral("invoice_lines.csv"),
              "id,invoice_id,product_id,description,quantity,price,colour\n"
              "l1,i1,p1,\"Switch, 8 ports\",2,49.90,red\n"
              "l2,i1,p2,,1,\n");
    QJsonObject o = json({QStringLiteral("import-csv"), QStringLiteral("invoice_lines"),
                          m_dir.filePath(QStringLiteral("invoice_lines.csv"))},
                         0);
    QVERIFY2(o.value(QStringLiteral("inserted")).toInt() == 2, QJsonDocument(o).toJson().constData());
    writeFile(QStringLiteral("order_lines.csv"), "id,order_id,product_id,quantity\nol1,o1,p1,\n");
    const ProcessResult r = cli({QStringLiteral("import-csv"), QStringLiteral("order_lines"),
                                 m_dir.filePath(QStringLiteral("order_lines.csv"))});
    QCOMPARE(r.exitCode, 2); // quantity is required: nothing imported, the row named
    QVERIFY2(r.err.contains("quantity") || r.out.contains("quantity"), r.err.constData());
}

void TestCliPanels::unknownConnectorIsBadUsage()
{
    for (const char* command : {"members", "users", "variables", "options", "lookups"}) {
        const ProcessResult r = cli({QLatin1String(command), QStringLiteral("Nope")});
        QVERIFY2(r.exitCode == 2, command);
    }
    QCOMPARE(cli({QStringLiteral("options")}).exitCode, 2);
}

void TestCliPanels::unreachableIsExitFour()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    } // closed again: nothing listens there
    ProcessResult r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("Dead"),
                           QStringLiteral("--company"), QStringLiteral("cwsim"), QStringLiteral("--site"),
                           QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--keys-from-stdin")},
                          "demopublickey0001\ndemoprivatekey0001\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({QStringLiteral("members"), QStringLiteral("Dead")});
    QVERIFY2(r.exitCode == 4, r.err.constData());
    // Options need no ConnectWise.
    QCOMPARE(cli({QStringLiteral("options"), QStringLiteral("Dead")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliPanels)
#include "tst_cli_panels.moc"
