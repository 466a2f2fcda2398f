// A pull under every fault the simulator has at once (--fail-every, --truncate-every, --drop-every) ends, in one
// run, with the same local records and links as the same pull without faults; and a page whose retries are all
// spent (--fail-repeat) does not end the pull: it goes on after the last committed id, in the same run.
#include "core/connectwise/RetryPolicy.h"
#include "tests/support/LogCapture.h"
#include "tests/support/SyncFixture.h"

#include <QLoggingCategory>
#include <QTest>

using CwTest::SyncFixture;

namespace {

constexpr int kRecords = 3000;

// The accounts and their links, one line each, in id order.
QString localState(SyncFixture& f)
{
    const Cw::LocalEntity& e = Cw::LocalSchema::entity(Cw::Entity::Accounts);
    return f.rowsAsText(
               QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(e.columnNames().join(QLatin1Char(',')), e.table)) +
        f.rowsAsText(QStringLiteral("SELECT 'link', local_id, remote_id, pulled_values FROM sync_links WHERE entity = "
                                    "'accounts' ORDER BY local_id"));
}

} // namespace

class TestSyncPullFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFaultAtOnceEndsLikeACleanPull();
    void spentRetriesGoOnAfterTheLastCommittedId();

private:
    // The pull under faults (set once the configuration is read): its summary, and the pull's log in *log.
    static Cw::SyncSummary pullUnder(SyncFixture& f, const QJsonObject& faults, QString* log);

    const QStringList m_data = {QStringLiteral("--records"), QString::number(kRecords), QStringLiteral("--seed"),
                                QStringLiteral("15")};
    QString m_cleanState; // localState() after the same pull without faults
};

void TestSyncPullFaults::initTestCase()
{
    // Hundreds of expected retries: their log lines would drown the test's own output.
    QLoggingCategory::setFilterRules(
        QStringLiteral("cwconnector.*.info=false\ncwconnector.*.warning=false\ncwconnector.core.sync.info=true"));
    SyncFixture clean;
    QVERIFY2(clean.start(m_data), qPrintable(clean.error));
    QVERIFY2(clean.configure(), qPrintable(clean.error));
    const Cw::SyncSummary cleanRun = clean.sync(false, true, {Cw::Entity::Accounts}, false, 100);
    QVERIFY2(cleanRun.fatalError.isEmpty(), qPrintable(cleanRun.fatalError));
    QCOMPARE(cleanRun.pullCounts.value(Cw::Entity::Accounts).created, kRecords);
    m_cleanState = localState(clean);
    QCOMPARE(m_cleanState.count(QLatin1Char('\n')), 2 * kRecords);
}

Cw::SyncSummary TestSyncPullFaults::pullUnder(SyncFixture& f, const QJsonObject& faults, QString* log)
{
    if (!f.setFaults({}) || !f.configure() || !f.setFaults(faults)) { // the configuration is read without faults
        Cw::SyncSummary failed;
        failed.fatalError = QStringLiteral("cannot configure: ") + f.error;
        return failed;
    }
    const CwTest::LogCapture capture("cwconnector.core.sync");
    const Cw::SyncSummary run = f.sync(false, true, {Cw::Entity::Accounts}, false, 100);
    *log = capture.text();
    f.setFaults({});
    return run;
}

void TestSyncPullFaults::everyFaultAtOnceEndsLikeACleanPull()
{
    SyncFixture faulty;
    QVERIFY2(faulty.start(m_data +
                          QStringList {QStringLiteral("--fail-every"), QStringLiteral("2"),
                                       QStringLiteral("--truncate-every"), QStringLiteral("3"),
                                       QStringLiteral("--drop-every"), QStringLiteral("5")}),
             qPrintable(faulty.error));
    QString log;
    const Cw::SyncSummary faultyRun = pullUnder(
        faulty,
        {{QStringLiteral("failEvery"), 2}, {QStringLiteral("truncateEvery"), 3}, {QStringLiteral("dropEvery"), 5}},
        &log);
    QVERIFY2(faultyRun.fatalError.isEmpty(), qPrintable(faultyRun.fatalError));
    QCOMPARE(faultyRun.pullCounts.value(Cw::Entity::Accounts).created, kRecords);
    QCOMPARE(faultyRun.pullCounts.value(Cw::Entity::Accounts).failed, 0);

    // The faults reached the client: the simulator answered 5xx, cut replies and dropped connections. (Whether a
    // page's retries were all spent here depends on how the parallel requests interleave: the next test makes sure.)
    int failed = 0;
    int dropped = 0;
    for (const QJsonValue& v : faulty.simControl(QStringLiteral("requests")).array()) {
        const int status = v.toObject().value(QLatin1String("status")).toInt();
        failed += status >= 500 ? 1 : 0;
        dropped += status == 0 ? 1 : 0;
    }
    QVERIFY2(failed > 0 && dropped > 0, qPrintable(QStringLiteral("%1 5xx, %2 dropped").arg(failed).arg(dropped)));

    const QString actual = localState(faulty);
    QCOMPARE(actual.count(QLatin1Char('\n')), m_cleanState.count(QLatin1Char('\n')));
    QVERIFY2(actual == m_cleanState, "the pull with faults stored other records than the pull without");
}

void TestSyncPullFaults::spentRetriesGoOnAfterTheLastCommittedId()
{
    // Every 10th request fails, and its page fails as often again as the client retries it: each such page's
    // retries are spent, whatever order the parallel requests reach the simulator in.
    const int repeats = Cw::RetryPolicy().maxAttempts - 1; // the fixture's connections keep the default attempts
    SyncFixture faulty;
    QVERIFY2(faulty.start(m_data), qPrintable(faulty.error));
    QString log;
    const Cw::SyncSummary run =
        pullUnder(faulty, {{QStringLiteral("failEvery"), 10}, {QStringLiteral("failRepeat"), repeats}}, &log);
    QVERIFY2(run.fatalError.isEmpty(), qPrintable(run.fatalError + QLatin1Char('\n') + log.left(2000)));
    QCOMPARE(run.pullCounts.value(Cw::Entity::Accounts).created, kRecords);
    QCOMPARE(run.pullCounts.value(Cw::Entity::Accounts).failed, 0);

    // A page was asked 1 + repeats times, each answered 5xx...
    QHash<QString, int> failures;
    int spent = 0;
    for (const QJsonValue& v : faulty.simControl(QStringLiteral("requests")).array()) {
        const QJsonObject request = v.toObject();
        if (request.value(QLatin1String("status")).toInt() >= 500) {
            spent += ++failures[request.value(QLatin1String("target")).toString()] == 1 + repeats ? 1 : 0;
        }
    }
    QVERIFY2(spent >= 1, qPrintable(QStringLiteral("%1 targets failed").arg(failures.size())));
    // ...and the pull went on after its last committed id, in this run, ending with what the clean pull stored.
    QVERIFY2(log.contains(QLatin1String("pull of accounts goes on after id")), qPrintable(log.left(2000)));
    QVERIFY2(localState(faulty) == m_cleanState, "the pull with spent retries stored other records than the clean one");
}

QTEST_GUILESS_MAIN(TestSyncPullFaults)
#include "tst_syncpullfaults.moc"
