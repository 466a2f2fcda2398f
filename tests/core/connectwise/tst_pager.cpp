// Pager and CountQuery against the real cwconnector-sim: 2,500 companies in both paging modes.
#include "core/connectwise/CountQuery.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/JsonView.h"
#include "core/connectwise/Pager.h"
#include "tests/core/connectwise/PageReaders.h"
#include "tests/support/SimFixture.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace Cw;
using CwTest::SimProcess;

class TestPager final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pullsAll_data();
    void pullsAll();
    void conditionsSurviveEveryPage_data();
    void conditionsSurviveEveryPage();
    void manualAdvanceHoldsBack();
    void cancelStops();
    void errorEndsPull();
    void forwardOnlyRejectsOrderBy();
    void forwardOnlyFallsBackToNavigable_data();
    void forwardOnlyFallsBackToNavigable();
    void prepareRunsOnTheParsingThread();

private:
    struct Pull
    {
        PagerResult result;
        QList<qint64> ids;
        int maxPage = 0;
    };
    Pull pull(const PageQuery& query);
    qint64 count(const PageQuery& query);
    QJsonArray pageRequests(); // the sim's log entries for company list pages since the last reset

    SimProcess m_sim;
    ApiClient* m_client = nullptr;
    int m_logOffset = 0;
};

void TestPager::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--records"), QStringLiteral("2500")}), qPrintable(m_sim.output()));
    m_client = CwTest::simClient(m_sim.baseUrl(), this);
}

void TestPager::cleanupTestCase()
{
    delete m_client;
    m_sim.stop();
}

TestPager::Pull TestPager::pull(const PageQuery& query)
{
    m_logOffset = CwTest::simRequests(m_sim.baseUrl(), QStringLiteral("company/companies")).size();
    Pull out;
    Pager pager(m_client, query);
    connect(&pager, &Pager::pageReady, this, [&out](const Page& page) {
        QCOMPARE_LE(page.records.size(), 1000);
        QCOMPARE(page.firstIndex, qint64(out.ids.size()));
        for (const QJsonValue& v : page.records) {
            out.ids.append(qint64(v.toObject().value(QLatin1String("id")).toDouble()));
        }
        out.maxPage = page.number;
    });
    pager.start();
    out.result = CwTest::waitFor<PagerResult>(&pager, &Pager::finished, 120000);
    return out;
}

qint64 TestPager::count(const PageQuery& query)
{
    return CwTest::waitFor<CountResult>(CountQuery::start(m_client, query), &CountQuery::finished).count;
}

QJsonArray TestPager::pageRequests()
{
    const QJsonArray all = CwTest::simRequests(m_sim.baseUrl(), QStringLiteral("company/companies"));
    QJsonArray out;
    for (int i = m_logOffset; i < all.size(); ++i) {
        const QString target = all.at(i).toObject().value(QLatin1String("target")).toString();
        if (!target.contains(QStringLiteral("/count"))) {
            out.append(all.at(i));
        }
    }
    return out;
}

static QUrlQuery queryOfTarget(const QJsonValue& entry)
{
    const QString target = entry.toObject().value(QLatin1String("target")).toString();
    return QUrlQuery(QUrl(QStringLiteral("http://x") + target));
}

void TestPager::pullsAll_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<bool>("fullRecords"); // big pages, parsed on a pool thread
    QTest::newRow("navigable 1000") << int(PageQuery::Mode::Navigable) << 1000 << false;
    QTest::newRow("navigable 300") << int(PageQuery::Mode::Navigable) << 300 << false;
    QTest::newRow("navigable 1000 full") << int(PageQuery::Mode::Navigable) << 1000 << true;
    QTest::newRow("forward-only 1000") << int(PageQuery::Mode::ForwardOnly) << 1000 << false;
    QTest::newRow("forward-only 250") << int(PageQuery::Mode::ForwardOnly) << 250 << false;
    QTest::newRow("forward-only 1000 full") << int(PageQuery::Mode::ForwardOnly) << 1000 << true;
}

void TestPager::pullsAll()
{
    QFETCH(int, mode);
    QFETCH(int, pageSize);
    QFETCH(bool, fullRecords);
    PageQuery query;
    query.path = Endpoints::companies();
    query.mode = static_cast<PageQuery::Mode>(mode);
    query.pageSize = pageSize;
    if (!fullRecords) {
        query.fields = {QStringLiteral("id"), QStringLiteral("name")};
    }

    const qint64 total = count(query);
    QCOMPARE(total, qint64(2500));
    const Pull p = pull(query);
    QVERIFY2(p.result.ok(), qPrintable(p.result.error.summary()));
    QCOMPARE(p.result.records, total);
    QCOMPARE(qint64(p.ids.size()), total);
    QCOMPARE(qint64(QSet<qint64>(p.ids.begin(), p.ids.end()).size()), total); // no duplicates
    QVERIFY(std::is_sorted(p.ids.begin(), p.ids.end()));
    const int expectedPages = (2500 + pageSize - 1) / pageSize;
    QVERIFY(p.result.pages == expectedPages || p.result.pages == expectedPages + 1); // + an empty last page
    // Every page request carried pageSize (and the fields), whatever the Link header said.
    const QJsonArray requests = pageRequests();
    QCOMPARE(requests.size(), p.result.pages);
    for (const QJsonValue& entry : requests) {
        const QUrlQuery q = queryOfTarget(entry);
        QCOMPARE(q.queryItemValue(QStringLiteral("pageSize")), QString::number(pageSize));
        QCOMPARE(q.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded),
                 fullRecords ? QString() : QStringLiteral("id,name"));
        QCOMPARE(q.hasQueryItem(QStringLiteral("page")), mode == int(PageQuery::Mode::Navigable));
    }
}

void TestPager::conditionsSurviveEveryPage_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("navigable") << int(PageQuery::Mode::Navigable);
    QTest::newRow("forward-only") << int(PageQuery::Mode::ForwardOnly);
}

void TestPager::conditionsSurviveEveryPage()
{
    QFETCH(int, mode);
    PageQuery query;
    query.path = Endpoints::companies();
    query.mode = static_cast<PageQuery::Mode>(mode);
    query.pageSize = 200;
    query.conditions = Conditions::compare(QStringLiteral("id"), Conditions::Op::Greater, 1100);
    const qint64 expected = count(query);
    QVERIFY(expected > 0 && expected < 2500);
    const Pull p = pull(query);
    QVERIFY2(p.result.ok(), qPrintable(p.result.error.summary()));
    QCOMPARE(p.result.records, expected);
    for (const qint64 id : p.ids) {
        QVERIFY(id > 1100);
    }
    const QJsonArray requests = pageRequests();
    QVERIFY(requests.size() >= 3);
    for (const QJsonValue& entry : requests) {
        QCOMPARE(queryOfTarget(entry).queryItemValue(QStringLiteral("conditions"), QUrl::FullyDecoded),
                 QStringLiteral("id > 1100"));
        QCOMPARE(queryOfTarget(entry).queryItemValue(QStringLiteral("pageSize")), QStringLiteral("200"));
    }
}

void TestPager::manualAdvanceHoldsBack()
{
    PageQuery query;
    query.path = Endpoints::companies();
    query.pageSize = 100;
    query.mode = PageQuery::Mode::ForwardOnly;
    m_logOffset = CwTest::simRequests(m_sim.baseUrl(), QStringLiteral("company/companies")).size();
    Pager pager(m_client, query);
    pager.setAutoAdvance(false);
    QSignalSpy pages(&pager, &Pager::pageReady);
    QSignalSpy finished(&pager, &Pager::finished);
    pager.start();
    QVERIFY(pages.wait(30000));
    QCOMPARE(pages.size(), 1);
    // The consumer has not released page 1: at most kDefaultAhead pages are prefetched, nothing more.
    const int bound = 1 + Pager::kDefaultAhead;
    QTRY_COMPARE_WITH_TIMEOUT(pageRequests().size(), bound, 30000);
    QTest::qWait(300);
    QCOMPARE(pageRequests().size(), bound);
    QCOMPARE(pages.size(), 1);
    pager.next();
    QCOMPARE(pages.size(), 2); // the prefetched page comes at once
    while (finished.isEmpty()) {
        const qsizetype before = pages.size();
        pager.next(); // release the current page
        if (pages.size() == before && finished.isEmpty()) {
            QVERIFY(pages.wait(30000) || !finished.isEmpty());
        }
        // Never more than the page held by the consumer plus kDefaultAhead.
        QVERIFY(pageRequests().size() <= pages.size() + Pager::kDefaultAhead);
    }
    QVERIFY(finished.first().first().value<PagerResult>().ok());
    QCOMPARE(pager.recordsDelivered(), qint64(2500));
}

void TestPager::cancelStops()
{
    PageQuery query;
    query.path = Endpoints::companies();
    query.pageSize = 100;
    Pager pager(m_client, query);
    int seen = 0;
    connect(&pager, &Pager::pageReady, this, [&](const Page&) {
        if (++seen == 3) {
            pager.cancel();
        }
    });
    pager.start();
    const PagerResult r = CwTest::waitFor<PagerResult>(&pager, &Pager::finished);
    QCOMPARE(r.error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(r.pages, 3);
    QCOMPARE(r.records, qint64(300));
}

void TestPager::errorEndsPull()
{
    CwTest::simControl(m_sim.baseUrl(), QStringLiteral("/_sim/faults"), "{\"denyModules\":[\"company\"]}");
    PageQuery query;
    query.path = Endpoints::companies();
    Pager pager(m_client, query);
    pager.start();
    const PagerResult r = CwTest::waitFor<PagerResult>(&pager, &Pager::finished);
    CwTest::simControl(m_sim.baseUrl(), QStringLiteral("/_sim/faults"), "{}");
    QCOMPARE(r.error.kind, ApiError::Kind::PermissionDenied);
    QCOMPARE(r.error.permission, QStringLiteral("Companies > Company Maintenance"));
    QCOMPARE(r.records, qint64(0));
}

void TestPager::forwardOnlyRejectsOrderBy()
{
    PageQuery query;
    query.path = Endpoints::companies();
    query.mode = PageQuery::Mode::ForwardOnly;
    query.orderBy = QStringLiteral("name asc");
    Pager pager(m_client, query);
    pager.start();
    const PagerResult r = CwTest::waitFor<PagerResult>(&pager, &Pager::finished);
    QCOMPARE(r.error.kind, ApiError::Kind::Configuration);
}

void TestPager::forwardOnlyFallsBackToNavigable_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("requests");
    // Link with page=2 and no pageId after the first page: navigable pages 2 and 3 follow.
    QTest::newRow("several pages") << QString() << 2500 << 3;
    // One short page without any Link: nothing more to fetch.
    QTest::newRow("one page") << QStringLiteral("id <= 10") << 10 << 1;
    // One full page without any Link (navigable, or the end of a forward-only pull): page 2 tells, empty.
    QTest::newRow("one full page") << QStringLiteral("id <= 1000") << 1000 << 2;
}

void TestPager::forwardOnlyFallsBackToNavigable()
{
    QFETCH(QString, condition);
    QFETCH(int, records);
    QFETCH(int, requests);
    // The endpoint ignores pagination-type: forward-only, as some ConnectWise endpoints do.
    CwTest::simControl(m_sim.baseUrl(), QStringLiteral("/_sim/faults"), R"({"noForwardOnly":["company/companies"]})");
    PageQuery query;
    query.path = Endpoints::companies();
    query.mode = PageQuery::Mode::ForwardOnly;
    query.fields = {QStringLiteral("id")};
    if (!condition.isEmpty()) {
        query.conditions = Conditions::raw(condition);
    }
    if (records > 10) {
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("does not support forward-only paging")));
    }
    const Pull p = pull(query);
    CwTest::simControl(m_sim.baseUrl(), QStringLiteral("/_sim/faults"), "{}");
    QVERIFY2(p.result.ok(), qPrintable(p.result.error.summary()));
    QCOMPARE(p.ids.size(), records);
    QCOMPARE(qint64(QSet<qint64>(p.ids.begin(), p.ids.end()).size()), qint64(records));
    QVERIFY(std::is_sorted(p.ids.begin(), p.ids.end()));
    const QJsonArray sent = pageRequests();
    QCOMPARE(sent.size(), requests);
    for (int i = 0; i < sent.size(); ++i) {
        const QUrlQuery q = queryOfTarget(sent.at(i));
        QCOMPARE(q.queryItemValue(QStringLiteral("page")), i == 0 ? QString() : QString::number(i + 1));
        QVERIFY(!q.hasQueryItem(QStringLiteral("pageId")));
    }
}

void TestPager::prepareRunsOnTheParsingThread()
{
    // Full company records, 1000 a page: ~1.8 MB, read by the prepare function on a pool thread (no QJsonDocument);
    // its result arrives with the page, and the page's records are not kept.
    PageQuery query;
    query.path = QStringLiteral("company/companies");
    query.mode = PageQuery::Mode::ForwardOnly;
    query.pageSize = 1000;
    Pager pager(m_client, query);
    QThread* const main = QThread::currentThread();
    std::atomic_int offMain {0};
    pager.setRawPrepare(CwTest::idReader(&offMain, main));
    QList<qint64> ids;
    qsizetype counted = 0;
    connect(&pager, &Pager::pageReady, this, [&](const Page& page) {
        QVERIFY(page.records.isEmpty());
        const auto prepared = std::static_pointer_cast<QList<qint64>>(page.prepared);
        QVERIFY(prepared);
        QCOMPARE(prepared->size(), page.count);
        ids += *prepared;
        counted += page.count;
    });
    pager.start();
    const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &Pager::finished, 120000);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(ids.size(), 2500);
    QCOMPARE(counted, 2500);
    QCOMPARE(result.records, qint64(2500));
    QCOMPARE(ids.first(), qint64(1));
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend()));
    QCOMPARE(offMain.load(), 3); // three pages (1000, 1000, 500): each ≥ 256 KiB, so parsed off the main thread
}

QTEST_GUILESS_MAIN(TestPager)
#include "tst_pager.moc"
