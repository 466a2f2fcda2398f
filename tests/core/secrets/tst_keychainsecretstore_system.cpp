// KeychainSecretStore against the real Secret Service. The suite's own keyring (CI: dbus-run-session with
// an unlocked gnome-keyring) is used for round trips with unique instance ids; every other situation (no
// bus, a dead or hung bus, no provider, no login keyring, a locked keyring) runs cw_secrets_helper in a
// process of its own, most of them inside a private dbus-run-session with a fresh HOME, so the suite's
// keyring is never disturbed.
#include "core/secrets/KeychainSecretStore.h"
#include "core/secrets/SecretStoreSync.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <qt6keychain/keychain.h>

#include <optional>

using namespace Cw;

namespace {

struct Run
{
    bool finished = false;
    QString output;
    QString status; // the last "status=" line
    QString message;

    QString describe() const { return QStringLiteral("finished=%1 output:\n%2").arg(finished).arg(output); }
};

// Runs a program to the end with the event loop running (so a QLocalServer in this process keeps working),
// bounded by timeoutMs.
Run runProgram(const QString& program, const QStringList& arguments, const QProcessEnvironment& env,
               int timeoutMs = 90000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    bound.start(timeoutMs);
    if (process.state() != QProcess::NotRunning) {
        loop.exec();
    }
    Run run;
    run.finished = process.state() == QProcess::NotRunning && process.exitStatus() == QProcess::NormalExit;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.output = QString::fromUtf8(process.readAll());
    const QStringList lines = run.output.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.startsWith(QLatin1String("status="))) {
            run.status = line.mid(7).trimmed();
        } else if (line.startsWith(QLatin1String("message="))) {
            run.message = line.mid(8);
        }
    }
    return run;
}

// Every instance id a test used, removed again in cleanup() even when the test failed half-way.
QStringList s_instances;

// A temporary directory for a private session. gnome-keyring-daemon leaves a moment after dbus-run-session
// ends and may still remove or create its control socket in there, so removal is retried for a while.
class SessionDir final
{
public:
    SessionDir() { m_dir.setAutoRemove(false); }
    ~SessionDir()
    {
        QDeadlineTimer deadline(20000);
        while (!QDir(m_dir.path()).removeRecursively() && !deadline.hasExpired()) {
            QTest::qWait(100);
        }
    }
    SessionDir(const SessionDir&) = delete;
    SessionDir& operator=(const SessionDir&) = delete;

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

QString uniqueInstance()
{
    s_instances.append(QStringLiteral("tst-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    return s_instances.last();
}

// A clean environment for a helper: no session bus, no display, fresh HOME and XDG_RUNTIME_DIR (so neither
// the suite's gnome-keyring control socket nor a $XDG_RUNTIME_DIR/bus is found).
QProcessEnvironment isolatedEnvironment(const SessionDir& dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "GNOME_KEYRING_CONTROL",
                             "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "SSH_AUTH_SOCK"}) {
        env.remove(QString::fromLatin1(name));
    }
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString runtime = dir.filePath(QStringLiteral("xdg"));
    QDir().mkpath(home);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    return env;
}

const QString kUnlock = QStringLiteral("echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null");
const QString kLock = QStringLiteral(
    "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets "
    "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null");

// Runs `script` inside a private dbus-run-session; the script calls the helper as "$H".
Run runInPrivateSession(const SessionDir& dir, const QString& script, const QStringList& sessionOptions = {})
{
    QProcessEnvironment env = isolatedEnvironment(dir);
    env.insert(QStringLiteral("H"), QStringLiteral(CW_SECRETS_HELPER));
    QStringList args = sessionOptions;
    args << QStringLiteral("--") << QStringLiteral("sh") << QStringLiteral("-c") << script;
    return runProgram(QStringLiteral("dbus-run-session"), args, env);
}

// `secret-tool search --all server cwconnector [user ACCOUNT]` (it prints attributes on stderr). Other
// tests may delete their entries while secret-tool walks the results ("No such secret item"), so a failed
// search is tried again; nullopt when it never succeeded.
std::optional<QString> secretToolSearch(const QString& account = QString())
{
    QStringList args {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                      KeychainSecretStore::defaultService()};
    if (!account.isEmpty()) {
        args << QStringLiteral("user") << account;
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"), args);
        if (!tool.waitForFinished(30000)) {
            qWarning().noquote() << "secret-tool did not run:" << tool.errorString();
            tool.kill();
            tool.waitForFinished(5000);
            continue;
        }
        // Attributes go to stderr, labels and secrets to stdout: keep them apart so lines never interleave.
        const QString attributes = QString::fromUtf8(tool.readAllStandardError());
        if (tool.exitStatus() == QProcess::NormalExit && tool.exitCode() == 0 &&
            !attributes.contains(QLatin1String("secret-tool:"))) {
            return attributes;
        }
        qWarning().noquote() << "secret-tool search failed, trying again:" << tool.exitCode() << attributes.left(300);
        QTest::qWait(100 * (attempt + 1)); // back off while other tests churn the collection
    }
    return std::nullopt;
}

QString userLine(const QString& account)
{
    return QStringLiteral("attribute.user = ") + account + QLatin1Char('\n');
}

// Whether secret-tool lists the entry, asked both for that entry alone and among all of the service's.
bool listed(const QString& account)
{
    const std::optional<QString> alone = secretToolSearch(account);
    const std::optional<QString> all = secretToolSearch();
    const bool ok = alone && all && alone->contains(userLine(account)) && all->contains(userLine(account));
    if (!ok) {
        qWarning().noquote() << "secret-tool does not list (alone ok, all ok, in alone, in all)" << account
                             << bool(alone) << bool(all) << (alone && alone->contains(userLine(account)))
                             << (all && all->contains(userLine(account)));
    }
    return ok;
}

bool absent(const QString& account)
{
    const std::optional<QString> alone = secretToolSearch(account);
    const std::optional<QString> all = secretToolSearch();
    const bool ok = alone && all && !alone->contains(userLine(account)) && !all->contains(userLine(account));
    if (!ok) {
        qWarning().noquote() << "secret-tool still lists (alone ok, all ok, in alone, in all)" << account << bool(alone)
                             << bool(all) << (alone && alone->contains(userLine(account)))
                             << (all && all->contains(userLine(account)));
    }
    return ok;
}

} // namespace

class TestKeychainSecretStoreSystem final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void roundTripThroughTheRealKeychain();
    void removeInstanceLeavesNothingBehind();
    void readMissingIsNotFound();
    void insecureFallbackIsOff();
    void lockedKeyringReadIsLockedNotNotFound();
    void lockedKeyringWriteAndRemoveAreLocked();
    void noSessionBusIsUnavailable();
    void deadBusIsUnavailable();
    void noSecretServiceProviderIsUnavailable();
    void noLoginKeyringIsUnavailable();
    void hungBusTimesOut();
};

void TestKeychainSecretStoreSystem::cleanup()
{
    KeychainSecretStore store;
    for (const QString& id : std::as_const(s_instances)) {
        SecretStoreSync::removeInstance(store, id);
    }
    s_instances.clear();
}

void TestKeychainSecretStoreSystem::roundTripThroughTheRealKeychain()
{
    KeychainSecretStore store;
    const QString id = uniqueInstance();
    const SecretKey pub {id, SecretNames::publicKey()};
    const SecretKey priv {id, SecretNames::privateKey()};
    const SecretResult written = SecretStoreSync::write(store, pub, QStringLiteral("PubKeyA1b2C3d4E5"));
    QVERIFY2(written.ok(), qPrintable(written.message + QLatin1Char(' ') + written.detail));
    QVERIFY(SecretStoreSync::write(store, priv, QStringLiteral("PrivKeyZ9y8X7w6V5")).ok());

    const SecretResult read = SecretStoreSync::read(store, pub);
    QCOMPARE(read.status, SecretStatus::Ok);
    QCOMPARE(read.value, QStringLiteral("PubKeyA1b2C3d4E5"));
    ApiKeyPair keys;
    QCOMPARE(SecretStoreSync::readKeys(store, id, &keys).status, SecretStatus::Ok);
    QCOMPARE(keys.privateKey, QStringLiteral("PrivKeyZ9y8X7w6V5"));

    // Overwrite replaces, it does not add a second entry.
    QVERIFY(SecretStoreSync::write(store, pub, QStringLiteral("PubKeyNew")).ok());
    QCOMPARE(SecretStoreSync::read(store, pub).value, QStringLiteral("PubKeyNew"));

    QVERIFY(listed(pub.account()));
    QVERIFY(listed(priv.account()));
    const std::optional<QString> one = secretToolSearch(pub.account());
    QVERIFY(one);
    QCOMPARE(one->count(userLine(pub.account())), 1);

    QCOMPARE(SecretStoreSync::remove(store, pub).status, SecretStatus::Ok);
    QCOMPARE(SecretStoreSync::read(store, pub).status, SecretStatus::NotFound);
    QVERIFY(absent(pub.account()));
    QVERIFY(listed(priv.account()));
    QCOMPARE(SecretStoreSync::remove(store, priv).status, SecretStatus::Ok);
    QCOMPARE(SecretStoreSync::remove(store, priv).status, SecretStatus::Ok); // already gone: still Ok
    QVERIFY(absent(priv.account()));
    QVERIFY(!store.insecureFallbackUsed());
}

void TestKeychainSecretStoreSystem::removeInstanceLeavesNothingBehind()
{
    KeychainSecretStore store;
    const QString id = uniqueInstance();
    const QString other = uniqueInstance();
    for (const QString& name : SecretNames::all()) {
        QVERIFY(SecretStoreSync::write(store, SecretKey {id, name}, QStringLiteral("value-") + name).ok());
    }
    QVERIFY(SecretStoreSync::write(store, SecretKey {other, SecretNames::publicKey()}, QStringLiteral("keep")).ok());
    for (const QString& name : SecretNames::all()) {
        QVERIFY(listed(id + QLatin1Char('/') + name));
    }

    QCOMPARE(SecretStoreSync::removeInstance(store, id).status, SecretStatus::Ok);
    for (const QString& name : SecretNames::all()) {
        QVERIFY(absent(id + QLatin1Char('/') + name));
    }
    const std::optional<QString> all = secretToolSearch();
    QVERIFY(all);
    QVERIFY(!all->contains(id)); // nothing else of the instance either
    QVERIFY(listed(other + QStringLiteral("/publicKey")));
    QCOMPARE(SecretStoreSync::removeInstance(store, other).status, SecretStatus::Ok);
    QVERIFY(absent(other + QStringLiteral("/publicKey")));
}

void TestKeychainSecretStoreSystem::readMissingIsNotFound()
{
    KeychainSecretStore store;
    const SecretResult result = SecretStoreSync::read(store, SecretKey {uniqueInstance(), SecretNames::privateKey()});
    QCOMPARE(result.status, SecretStatus::NotFound); // the keyring is unlocked: the probe says so
    QVERIFY(!result.message.contains(QLatin1String("locked")));
}

void TestKeychainSecretStoreSystem::insecureFallbackIsOff()
{
    QKeychain::ReadPasswordJob job(KeychainSecretStore::defaultService());
    job.setAutoDelete(false);
    QVERIFY(!job.insecureFallback()); // QtKeychain's default; the store sets it off explicitly as well
    KeychainSecretStore store;
    QCOMPARE(SecretStoreSync::read(store, SecretKey {uniqueInstance(), SecretNames::publicKey()}).status,
             SecretStatus::NotFound);
    QVERIFY(!store.insecureFallbackUsed());
}

void TestKeychainSecretStoreSystem::lockedKeyringReadIsLockedNotNotFound()
{
    SessionDir dir;
    QVERIFY(dir.isValid());
    // An entry exists, then the login keyring is locked: the read must say "locked", not "no key".
    const Run run = runInPrivateSession(dir,
                                        kUnlock + QStringLiteral(" && \"$H\" write acme && ") + kLock +
                                            QStringLiteral(" && exec \"$H\" read acme --timeout 20000"));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.output.contains(QLatin1String("status=Ok")), qPrintable(run.describe())); // the write
    QCOMPARE(run.status, QStringLiteral("Locked"));
    QVERIFY2(run.message.contains(QLatin1String("locked")), qPrintable(run.message));
    QVERIFY(!run.output.contains(QLatin1String("helper-secret-value")));
    QVERIFY(run.output.contains(QLatin1String("insecureFallback=no")));

    // Without any entry, the same: a locked keyring is never reported as "not found".
    SessionDir dir2;
    const Run empty = runInPrivateSession(dir2,
                                          kUnlock + QStringLiteral(" && \"$H\" check - && ") + kLock +
                                              QStringLiteral(" && \"$H\" check - ; exec \"$H\" read acme privateKey"));
    QVERIFY2(empty.finished, qPrintable(empty.describe()));
    QCOMPARE(empty.output.count(QLatin1String("status=Ok")), 1); // the check while unlocked
    QCOMPARE(empty.output.count(QLatin1String("status=Locked")), 2); // the check and the read while locked
    QCOMPARE(empty.status, QStringLiteral("Locked"));
}

void TestKeychainSecretStoreSystem::lockedKeyringWriteAndRemoveAreLocked()
{
    SessionDir dir;
    const Run run = runInPrivateSession(dir,
                                        kUnlock + QStringLiteral(" && \"$H\" write acme && ") + kLock +
                                            QStringLiteral(" && \"$H\" remove acme; exec \"$H\" write acme"));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.output.count(QLatin1String("status=Locked")), 2);
    QCOMPARE(run.status, QStringLiteral("Locked"));
}

void TestKeychainSecretStoreSystem::noSessionBusIsUnavailable()
{
    SessionDir dir;
    const Run run = runProgram(QStringLiteral(CW_SECRETS_HELPER), {QStringLiteral("read"), QStringLiteral("acme")},
                               isolatedEnvironment(dir));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.status, QStringLiteral("Unavailable"));
    QVERIFY2(run.message.contains(QLatin1String("D-Bus")), qPrintable(run.message));
    QVERIFY(run.message.contains(QLatin1String("gnome-keyring")));
}

void TestKeychainSecretStoreSystem::deadBusIsUnavailable()
{
    SessionDir dir;
    QProcessEnvironment env = isolatedEnvironment(dir);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-such-bus")));
    const Run run =
        runProgram(QStringLiteral(CW_SECRETS_HELPER), {QStringLiteral("write"), QStringLiteral("acme")}, env);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.status, QStringLiteral("Unavailable"));
    QVERIFY2(run.message.contains(QLatin1String("DBUS_SESSION_BUS_ADDRESS")), qPrintable(run.message));
}

void TestKeychainSecretStoreSystem::noSecretServiceProviderIsUnavailable()
{
    SessionDir dir;
    // A session bus that can activate nothing: nobody provides org.freedesktop.secrets.
    const QString services = dir.filePath(QStringLiteral("services"));
    QVERIFY(QDir().mkpath(services));
    QFile config(dir.filePath(QStringLiteral("session.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                                "<busconfig><type>session</type><listen>unix:tmpdir=%1</listen>\n"
                                "<auth>EXTERNAL</auth><servicedir>%2</servicedir>\n"
                                "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                                "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                     .arg(dir.path(), services)
                     .toUtf8());
    config.close();
    const Run run = runInPrivateSession(dir, QStringLiteral("exec \"$H\" read acme"),
                                        {QStringLiteral("--config-file=") + config.fileName()});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.status, QStringLiteral("Unavailable"));
    QVERIFY2(run.message.contains(QLatin1String("Install and start gnome-keyring")), qPrintable(run.describe()));
}

void TestKeychainSecretStoreSystem::noLoginKeyringIsUnavailable()
{
    SessionDir dir;
    // gnome-keyring runs, but there is no login keyring and no display to ask for a password to create one.
    const Run run = runInPrivateSession(
        dir, QStringLiteral("gnome-keyring-daemon --start --components=secrets >/dev/null && exec \"$H\" write acme"));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.status, QStringLiteral("Unavailable"));
    QVERIFY2(run.message.contains(QLatin1String("login")), qPrintable(run.describe()));
}

void TestKeychainSecretStoreSystem::hungBusTimesOut()
{
    SessionDir dir;
    // A socket that accepts connections and never answers: the D-Bus handshake, and the job, never finish.
    QLocalServer server;
    QVERIFY(server.listen(dir.filePath(QStringLiteral("hung-bus"))));
    QList<QLocalSocket*> held;
    connect(&server, &QLocalServer::newConnection, this, [&]() {
        while (QLocalSocket* socket = server.nextPendingConnection()) {
            held.append(socket);
        }
    });
    QProcessEnvironment env = isolatedEnvironment(dir);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + server.fullServerName());
    const Run run = runProgram(QStringLiteral(CW_SECRETS_HELPER),
                               {QStringLiteral("read"), QStringLiteral("acme"), QStringLiteral("--timeout"),
                                QStringLiteral("1500"), QStringLiteral("--repeat"), QStringLiteral("2")},
                               env);
    QVERIFY2(run.finished, qPrintable(run.describe())); // no hang: the store's own timeout answered
    QCOMPARE(run.status, QStringLiteral("TimedOut"));
    QVERIFY(run.message.contains(QLatin1String("did not answer")));
    // QtKeychain runs one job at a time, so the next operation queues behind the stuck one: it too must end
    // with TimedOut instead of hanging.
    QCOMPARE(run.output.count(QLatin1String("status=TimedOut")), 2);
    QVERIFY(!held.isEmpty()); // it really did reach the hung "bus"
}

QTEST_GUILESS_MAIN(TestKeychainSecretStoreSystem)
#include "tst_keychainsecretstore_system.moc"
