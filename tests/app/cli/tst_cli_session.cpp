#include "tests/support/SimProcess.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using CwTest::ProcessResult;
using CwTest::runProcess;

// cwconnector-cli as a script uses it: a whole session against cwconnector-sim with the keys in the
// real keychain (CI: the suite's private D-Bus session), then every file and every printed byte is
// searched for the keys.
class TestCliSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wholeSessionLeaksNoKey();
    void adHocCheckExitCodes();
    void noDbusIsKeychainUnavailable();
    void lockedKeyringSaysLocked();
    void badInputIsExitTwo();
    void twoDataFoldersKeepTheirOwnKeys();

private:
    ProcessResult cli(const QStringList& args, const QByteArray& input = {}, const QStringList& env = {});
    QByteArray keysInput() const { return m_public.toUtf8() + '\n' + m_private.toUtf8() + '\n'; }
    QStringList simEnvironment() const;
    static QStringList keychainEntries(const QString& account);

    QTemporaryDir m_dir;
    QString m_public;
    QString m_private;
    QByteArray m_printed; // everything the CLI printed in this test run
};

void TestCliSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Keys unique to this run, so a hit in the scan cannot come from anything else.
    m_public = QStringLiteral("pub") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    m_private = QStringLiteral("prv") + QUuid::createUuid().toString(QUuid::Id128).left(24);
}

QStringList TestCliSession::simEnvironment() const
{
    return {QStringLiteral("CWSIM_PUBLIC_KEY=") + m_public, QStringLiteral("CWSIM_PRIVATE_KEY=") + m_private};
}

ProcessResult TestCliSession::cli(const QStringList& args, const QByteArray& input, const QStringList& env)
{
    QStringList environment = env;
    environment << QStringLiteral("CW_PUBLIC_KEY") << QStringLiteral("CW_PRIVATE_KEY"); // removed
    const ProcessResult r =
        runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                   QStringList {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))} + args, input,
                   environment, 90000);
    m_printed += r.out + r.err;
    return r;
}

QStringList TestCliSession::keychainEntries(const QString& account)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                QStringLiteral("cwconnector"), QStringLiteral("user"), account});
    tool.waitForFinished(30000);
    const QString all = QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    QStringList labels;
    for (const QString& line : all.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("label"))) {
            labels.append(line);
        }
    }
    return labels;
}

void TestCliSession::wholeSessionLeaksNoKey()
{
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({}, 10000, simEnvironment()), qPrintable(sim.output()));
    const QString site = sim.baseUrl().toString();

    ProcessResult r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("Production"),
                           QStringLiteral("--company"), QStringLiteral("cwsim"), QStringLiteral("--site"), site,
                           QStringLiteral("--keys-from-stdin"), QStringLiteral("--max-in-flight"), QStringLiteral("2")},
                          keysInput());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({QStringLiteral("instance"), QStringLiteral("show"), QStringLiteral("Production")});
    QVERIFY2(r.out.contains("Requests:    at most 2 at once"), r.out.constData());

    r = cli({QStringLiteral("--json"), QStringLiteral("check"), QStringLiteral("Production")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject check = QJsonDocument::fromJson(r.out).object();
    QVERIFY(check.value(QStringLiteral("passed")).toBool());
    QVERIFY(check.value(QStringLiteral("layers")).toArray().size() >= 10);

    r = cli(
        {QStringLiteral("instance"), QStringLiteral("show"), QStringLiteral("production"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
    QCOMPARE(shown.value(QStringLiteral("maxInFlight")).toInt(), 2);
    QVERIFY(shown.value(QStringLiteral("lastCheckPassed")).toBool());
    const QString productionId = shown.value(QStringLiteral("keychainId")).toString();
    QVERIFY(productionId.endsWith(QLatin1Char('/') + QString::number(shown.value(QStringLiteral("id")).toInteger())));
    QCOMPARE(keychainEntries(productionId + QStringLiteral("/privateKey")).size(), 1);

    const QString exportFile = m_dir.filePath(QStringLiteral("production.json"));
    r = cli({QStringLiteral("export"), QStringLiteral("Production"), QStringLiteral("-o"), exportFile});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    r = cli({QStringLiteral("import"), exportFile, QStringLiteral("--as"), QStringLiteral("Staging copy"),
             QStringLiteral("--keys-from-stdin"), QStringLiteral("--json")},
            keysInput());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("unresolved")).toArray().isEmpty());

    r = cli({QStringLiteral("instance"), QStringLiteral("rename"), QStringLiteral("Staging copy"),
             QStringLiteral("Staging")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({QStringLiteral("instance"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonArray listed = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("instances")).toArray();
    QCOMPARE(listed.size(), 2);
    QString stagingId;
    for (const QJsonValue& v : listed) {
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Staging")) {
            stagingId = v.toObject().value(QStringLiteral("keychainId")).toString();
        }
    }
    QVERIFY(!stagingId.isEmpty());
    QCOMPARE(keychainEntries(stagingId + QStringLiteral("/publicKey")).size(), 1);
    for (const QJsonValue& v : listed) {
        QCOMPARE(v.toObject().value(QStringLiteral("maxInFlight")).toInt(), 2); // the import kept it
    }

    // One request at a time from now on: the check still passes.
    r = cli({QStringLiteral("--json"), QStringLiteral("instance"), QStringLiteral("set"), QStringLiteral("Staging"),
             QStringLiteral("--max-in-flight"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("maxInFlight")).toInt(), 1);

    // A rejected new pair leaves the old one in place.
    r = cli({QStringLiteral("instance"), QStringLiteral("set-keys"), QStringLiteral("Staging"),
             QStringLiteral("--keys-from-stdin")},
            "wrongpublic123\nwrongprivate456\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("rejected"));
    r = cli({QStringLiteral("check"), QStringLiteral("Staging")});
    QVERIFY2(r.exitCode == 0, r.out.constData());

    for (const QString& name : {QStringLiteral("Staging"), QStringLiteral("Production")}) {
        r = cli({QStringLiteral("instance"), QStringLiteral("remove"), name});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    for (const QString& id : {productionId, stagingId}) {
        QVERIFY(keychainEntries(id + QStringLiteral("/publicKey")).isEmpty());
        QVERIFY(keychainEntries(id + QStringLiteral("/privateKey")).isEmpty());
    }

    // The scan: data directory, the export, and everything printed.
    const QByteArray basic = QByteArray("cwsim+" + m_public.toUtf8() + ':' + m_private.toUtf8()).toBase64();
    const QList<QByteArray> secrets {m_public.toUtf8(), m_private.toUtf8(), basic};
    int files = 0;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        ++files;
        for (const QByteArray& secret : secrets) {
            QVERIFY2(!content.contains(secret), qPrintable(file.fileName()));
        }
    }
    QVERIFY(files >= 2); // at least the database and the export
    for (const QByteArray& secret : secrets) {
        QVERIFY2(!m_printed.contains(secret), "a key was printed");
    }
}

void TestCliSession::adHocCheckExitCodes()
{
    CwTest::SimProcess healthy;
    QVERIFY2(healthy.start({}, 10000, simEnvironment()), qPrintable(healthy.output()));
    const QStringList adHoc {QStringLiteral("--json"),
                             QStringLiteral("check"),
                             QStringLiteral("--company"),
                             QStringLiteral("cwsim"),
                             QStringLiteral("--keys-from-stdin"),
                             QStringLiteral("--site")};
    ProcessResult r = cli(adHoc + QStringList {healthy.baseUrl().toString()}, keysInput());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject ok = QJsonDocument::fromJson(r.out).object();
    QVERIFY(ok.value(QStringLiteral("passed")).toBool());
    QStringList ids;
    for (const QJsonValue& v : ok.value(QStringLiteral("layers")).toArray()) {
        ids.append(v.toObject().value(QStringLiteral("id")).toString());
    }
    for (const QString& layer : {QStringLiteral("dns"), QStringLiteral("tcp"), QStringLiteral("tls"),
                                 QStringLiteral("company"), QStringLiteral("auth"), QStringLiteral("members")}) {
        QVERIFY2(ids.contains(layer), qPrintable(layer));
    }

    CwTest::SimProcess weakRole;
    QVERIFY(weakRole.start({QStringLiteral("--deny-module"), QStringLiteral("procurement")}, 10000, simEnvironment()));
    r = cli(adHoc + QStringList {weakRole.baseUrl().toString()}, keysInput());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject denied = QJsonDocument::fromJson(r.out).object();
    QVERIFY(denied.value(QStringLiteral("failure")).toString().startsWith(QLatin1String("permission:procurement/")));
    QVERIFY(r.out.contains("Procurement"));

    const QUrl gone = weakRole.baseUrl();
    weakRole.stop();
    r = cli(adHoc + QStringList {gone.toString()}, keysInput());
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("failure")).toString(),
             QStringLiteral("tcp"));
}

void TestCliSession::noDbusIsKeychainUnavailable()
{
    QTemporaryDir home;
    const ProcessResult r =
        cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("NoBus"), QStringLiteral("--company"),
             QStringLiteral("cwsim"), QStringLiteral("--region"), QStringLiteral("na"),
             QStringLiteral("--keys-from-stdin")},
            keysInput(),
            {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("DISPLAY"),
             QStringLiteral("HOME=") + home.path(), QStringLiteral("XDG_RUNTIME_DIR=") + home.path()});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("D-Bus") || r.err.contains("gnome-keyring"), r.err.constData());
    // Nothing half-saved: the connector was not created.
    const ProcessResult list = cli({QStringLiteral("instance"), QStringLiteral("show"), QStringLiteral("NoBus")});
    QCOMPARE(list.exitCode, 2);
}

void TestCliSession::lockedKeyringSaysLocked()
{
    // A connector whose keys live in a private session's keyring, which is then locked.
    QTemporaryDir session;
    const QString data = m_dir.filePath(QStringLiteral("locked-data"));
    const QString cliPath = QStringLiteral(CW_CLI_EXECUTABLE);
    const QString script =
        QStringLiteral("echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
                       "printf '%1\\n%2\\n' | \"$CLI\" --data-dir \"$DATA\" instance add Locked --company cwsim "
                       "--region na --keys-from-stdin >/dev/null && "
                       "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets "
                       "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login "
                       ">/dev/null && exec \"$CLI\" --data-dir \"$DATA\" check Locked")
            .arg(m_public, m_private);
    const ProcessResult r = runProcess(
        QStringLiteral("dbus-run-session"), {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script},
        {},
        {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("DISPLAY"), QStringLiteral("GNOME_KEYRING_CONTROL"),
         QStringLiteral("HOME=") + session.path(), QStringLiteral("XDG_RUNTIME_DIR=") + session.path(),
         QStringLiteral("CLI=") + cliPath, QStringLiteral("DATA=") + data},
        120000);
    m_printed += r.out + r.err;
    QVERIFY2(r.finished, "the locked-keyring session did not end");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("locked"), r.err.constData());
    QVERIFY(!r.err.contains("No keys"));
}

void TestCliSession::badInputIsExitTwo()
{
    ProcessResult r =
        cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("   "), QStringLiteral("--company"),
             QStringLiteral("cwsim"), QStringLiteral("--region"), QStringLiteral("na")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("Name"));
    r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("X"), QStringLiteral("--company"),
             QStringLiteral("cwsim"), QStringLiteral("--site"), QStringLiteral("http://cw.example.com")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Site"), r.err.constData());
    r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("X"), QStringLiteral("--company"),
             QStringLiteral("cwsim"), QStringLiteral("--region"), QStringLiteral("mars")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("Region"));
    r = cli({QStringLiteral("check")});
    QCOMPARE(r.exitCode, 2);
    r = cli({QStringLiteral("import-csv"), QStringLiteral("widgets"), QStringLiteral("x.csv")});
    QCOMPARE(r.exitCode, 2);
    // Requests in flight: a number from 1 to 16, named in the message; nothing is created.
    for (const QString& value : {QStringLiteral("0"), QStringLiteral("17")}) {
        r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("X"), QStringLiteral("--company"),
                 QStringLiteral("cwsim"), QStringLiteral("--region"), QStringLiteral("na"),
                 QStringLiteral("--max-in-flight"), value});
        QCOMPARE(r.exitCode, 2);
        const QByteArray expected =
            "Requests in flight: " + value.toUtf8() + " is out of range; use a number from 1 to 16";
        QVERIFY2(r.err.contains(expected), r.err.constData());
    }
    r = cli({QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("X"), QStringLiteral("--company"),
             QStringLiteral("cwsim"), QStringLiteral("--region"), QStringLiteral("na"),
             QStringLiteral("--max-in-flight"), QStringLiteral("lots")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--max-in-flight: “lots” is not a number"), r.err.constData());
    r = cli({QStringLiteral("instance"), QStringLiteral("show"), QStringLiteral("X")});
    QCOMPARE(r.exitCode, 2); // never created
    r = cli({QStringLiteral("instance"), QStringLiteral("set"), QStringLiteral("X")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--max-in-flight"), r.err.constData());
}

void TestCliSession::twoDataFoldersKeepTheirOwnKeys()
{
    // Both folders get a connector with id 1; their keychain entries must not collide.
    CwTest::SimProcess sim;
    QVERIFY2(sim.start({}, 10000, simEnvironment()), qPrintable(sim.output()));
    const QString first = m_dir.filePath(QStringLiteral("first"));
    const QString second = m_dir.filePath(QStringLiteral("second"));
    auto run = [this](const QString& dir, const QStringList& args, const QByteArray& input = {}) {
        const ProcessResult r =
            runProcess(QStringLiteral(CW_CLI_EXECUTABLE), QStringList {QStringLiteral("--data-dir"), dir} + args, input,
                       {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")});
        m_printed += r.out + r.err;
        return r;
    };
    const QStringList add {QStringLiteral("instance"), QStringLiteral("add"),
                           QStringLiteral("A"),        QStringLiteral("--company"),
                           QStringLiteral("cwsim"),    QStringLiteral("--site"),
                           sim.baseUrl().toString(),   QStringLiteral("--keys-from-stdin")};
    QCOMPARE(run(first, add, keysInput()).exitCode, 0);
    QCOMPARE(run(second, add, "otherpublic123\notherprivate456\n").exitCode, 0);
    const QString firstKey = QJsonDocument::fromJson(run(first,
                                                         {QStringLiteral("--json"), QStringLiteral("instance"),
                                                          QStringLiteral("show"), QStringLiteral("A")})
                                                         .out)
                                 .object()
                                 .value(QStringLiteral("keychainId"))
                                 .toString();
    const QString secondKey = QJsonDocument::fromJson(run(second,
                                                          {QStringLiteral("--json"), QStringLiteral("instance"),
                                                           QStringLiteral("show"), QStringLiteral("A")})
                                                          .out)
                                  .object()
                                  .value(QStringLiteral("keychainId"))
                                  .toString();
    QVERIFY(!firstKey.isEmpty());
    QVERIFY(firstKey != secondKey);
    // The first folder's keys are still its own: its check passes, the second one's is rejected.
    QCOMPARE(run(first, {QStringLiteral("check"), QStringLiteral("A")}).exitCode, 0);
    QCOMPARE(run(second, {QStringLiteral("check"), QStringLiteral("A")}).exitCode, 1);
    QCOMPARE(run(second, {QStringLiteral("instance"), QStringLiteral("remove"), QStringLiteral("A")}).exitCode, 0);
    QCOMPARE(run(first, {QStringLiteral("check"), QStringLiteral("A")}).exitCode, 0);
    QCOMPARE(run(first, {QStringLiteral("instance"), QStringLiteral("remove"), QStringLiteral("A")}).exitCode, 0);
    QVERIFY(keychainEntries(firstKey + QStringLiteral("/publicKey")).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_cli_session.moc"
