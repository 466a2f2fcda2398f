#include "core/mapping/LookupMatcher.h"

#include <QTest>

using namespace Cw;

class TestLookupMatcher final : public QObject
{
    Q_OBJECT

private slots:
    void suggestions_data();
    void suggestions();
};

void TestLookupMatcher::suggestions_data()
{
    QTest::addColumn<QString>("local");
    QTest::addColumn<int>("remoteId");
    QTest::addColumn<bool>("ambiguous");

    QTest::newRow("exact") << QStringLiteral("Client") << 1 << false;
    QTest::newRow("case and accents") << QStringLiteral("  PROSPECT  ÉTÉ ") << 2 << false;
    QTest::newRow("joined words") << QStringLiteral("Net30") << 3 << false;
    QTest::newRow("inactive remote value is never suggested") << QStringLiteral("Legacy") << 0 << false;
    QTest::newRow("below threshold stays unmapped") << QStringLiteral("Partner Gold") << 0 << false;
    QTest::newRow("two equally good candidates") << QStringLiteral("Vendor") << 0 << true;
    QTest::newRow("empty local value") << QString() << 0 << false;
}

void TestLookupMatcher::suggestions()
{
    QFETCH(QString, local);
    QFETCH(int, remoteId);
    QFETCH(bool, ambiguous);
    const LookupMatcher matcher({
        {1, QStringLiteral("Client"), false},
        {2, QStringLiteral("Prospect Été"), false},
        {3, QStringLiteral("Net 30"), false},
        {4, QStringLiteral("Legacy"), true},
        {5, QStringLiteral("Partner"), false},
        {6, QStringLiteral("vendor"), false},
        {7, QStringLiteral("VENDOR"), false},
    });
    const LookupSuggestion s = matcher.suggest(local);
    QCOMPARE(s.localValue, local);
    QCOMPARE(s.remoteId, remoteId);
    QCOMPARE(s.ambiguous, ambiguous);
    if (remoteId != 0) {
        QVERIFY(s.confidence >= 60);
        QVERIFY(!s.remoteName.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestLookupMatcher)
#include "tst_lookupmatcher.moc"
