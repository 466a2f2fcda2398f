#include "core/connectwise/RetryPolicy.h"

#include <QTest>
#include <QTimeZone>

using Cw::RetryPolicy;

class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void retryAfter_data();
    void retryAfter();
    void backoffGrowsWithJitterAndCap();
    void noneNeverWaits();
};

void TestRetryPolicy::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("seconds") << QByteArray("30") << qint64(30000);
    QTest::newRow("spaces") << QByteArray(" 2 ") << qint64(2000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("http date") << QByteArray("Wed, 21 Oct 2015 07:28:10 GMT") << qint64(10000);
    QTest::newRow("http date past") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << qint64(0);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
}

void TestRetryPolicy::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, ms);
    const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc());
    QCOMPARE(RetryPolicy::parseRetryAfterMs(value, now), ms);
}

void TestRetryPolicy::backoffGrowsWithJitterAndCap()
{
    RetryPolicy policy;
    policy.baseDelayMs = 400;
    policy.maxDelayMs = 3000;
    for (int i = 0; i < 50; ++i) {
        const int first = policy.backoffMs(1);
        QVERIFY2(first >= 200 && first <= 400, qPrintable(QString::number(first)));
        const int third = policy.backoffMs(3);
        QVERIFY2(third >= 800 && third <= 1600, qPrintable(QString::number(third)));
        const int tenth = policy.backoffMs(10);
        QVERIFY2(tenth >= 1500 && tenth <= 3000, qPrintable(QString::number(tenth)));
    }
}

void TestRetryPolicy::noneNeverWaits()
{
    const RetryPolicy none = RetryPolicy::none();
    QCOMPARE(none.maxAttempts, 1);
    QCOMPARE(none.backoffMs(1), 0);
    QVERIFY(RetryPolicy::background().maxAttempts > RetryPolicy::interactive().maxAttempts);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
