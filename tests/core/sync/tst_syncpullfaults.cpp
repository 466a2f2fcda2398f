// A pull under every fault the simulator has at once (--fail-every, --truncate-every, --drop-every) ends, in one
// run, with the same local records and links as the same pull without faults.
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
    QString out;
    QSqlQuery q(f.db->connection());
    if (!f.db->exec(
            QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(e.columnNames().join(QLatin1Char(',')), e.table), {},
            nullptr, &q)) {
        return QStringLiteral("cannot read the accounts");
    }
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < e.columnNames().size(); ++i) {
            cells.append(q.value(i).toString());
        }
        out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
    }
    if (!f.db->exec(QStringLiteral("SELECT local_id, remote_id, pulled_values FROM sync_links WHERE entity = "
                                   "'accounts' ORDER BY local_id"),
                    {}, nullptr, &q)) {
        return QStringLiteral("cannot read the links");
    }
    while (q.next()) {
        out +=
            QStringLiteral("link %1|%2|%3\n").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    }
    return out;
}

} // namespace

class TestSyncPullFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Hundreds of expected retries: their log lines would drown the test's own output.
        QLoggingCategory::setFilterRules(
            QStringLiteral("cwconnector.*.info=false\ncwconnector.*.warning=false\ncwconnector.core.sync.info=true"));
    }
    void everyFaultAtOnceEndsLikeACleanPull();
};

void TestSyncPullFaults::everyFaultAtOnceEndsLikeACleanPull()
{
    const QStringList data = {QStringLiteral("--records"), QString::number(kRecords), QStringLiteral("--seed"),
                              QStringLiteral("15")};
    SyncFixture clean;
    QVERIFY2(clean.start(data), qPrintable(clean.error));
    QVERIFY2(clean.configure(), qPrintable(clean.error));
    const Cw::SyncSummary cleanRun = clean.sync(false, true, {Cw::Entity::Accounts}, false, 100);
    QVERIFY2(cleanRun.fatalError.isEmpty(), qPrintable(cleanRun.fatalError));
    QCOMPARE(cleanRun.pullCounts.value(Cw::Entity::Accounts).created, kRecords);

    SyncFixture faulty;
    QVERIFY2(faulty.start(data +
                          QStringList {QStringLiteral("--fail-every"), QStringLiteral("2"),
                                       QStringLiteral("--truncate-every"), QStringLiteral("3"),
                                       QStringLiteral("--drop-every"), QStringLiteral("5")}),
             qPrintable(faulty.error));
    QVERIFY(faulty.setFaults({})); // the configuration is read without faults...
    QVERIFY2(faulty.configure(), qPrintable(faulty.error));
    QVERIFY(faulty.setFaults({{QStringLiteral("failEvery"), 2},
                              {QStringLiteral("truncateEvery"), 3},
                              {QStringLiteral("dropEvery"), 5}})); // ...the pull with all of them, as started
    Cw::SyncSummary faultyRun;
    QString log;
    {
        const CwTest::LogCapture capture("cwconnector.core.sync");
        faultyRun = faulty.sync(false, true, {Cw::Entity::Accounts}, false, 100);
        log = capture.text();
    }
    QVERIFY(faulty.setFaults({}));
    QVERIFY2(faultyRun.fatalError.isEmpty(), qPrintable(faultyRun.fatalError));
    QCOMPARE(faultyRun.pullCounts.value(Cw::Entity::Accounts).created, kRecords);
    QCOMPARE(faultyRun.pullCounts.value(Cw::Entity::Accounts).failed, 0);

    // The faults reached the client: the simulator answered 5xx, cut replies and dropped connections.
    int failed = 0;
    int dropped = 0;
    for (const QJsonValue& v : faulty.simControl(QStringLiteral("requests")).array()) {
        const int status = v.toObject().value(QLatin1String("status")).toInt();
        failed += status >= 500 ? 1 : 0;
        dropped += status == 0 ? 1 : 0;
    }
    QVERIFY2(failed > 0 && dropped > 0, qPrintable(QStringLiteral("%1 5xx, %2 dropped").arg(failed).arg(dropped)));

    // Some pages failed beyond the client's retries: the pull went on after its last committed id, in this run.
    QVERIFY2(log.contains(QLatin1String("pull of accounts goes on after id")), qPrintable(log.left(1000)));

    const QString expected = localState(clean);
    const QString actual = localState(faulty);
    QCOMPARE(expected.count(QLatin1Char('\n')), 2 * kRecords);
    QCOMPARE(actual.count(QLatin1Char('\n')), expected.count(QLatin1Char('\n')));
    QVERIFY2(actual == expected, "the pull with faults stored other records than the pull without");
}

QTEST_GUILESS_MAIN(TestSyncPullFaults)
#include "tst_syncpullfaults.moc"
