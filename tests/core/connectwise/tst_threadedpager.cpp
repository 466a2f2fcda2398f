// ThreadedPager and ClientThread against the real cwconnector-sim: the pages come through a client in its own
// thread, so a consumer that blocks its thread (as a database write does) does not hold up the next transfer.
#include "core/connectwise/ClientThread.h"
#include "core/connectwise/CompanyLookup.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/JsonView.h"
#include "core/connectwise/ThreadedPager.h"
#include "tests/core/connectwise/PageReaders.h"
#include "tests/support/SimFixture.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

using namespace Cw;
using CwTest::SimProcess;

namespace {

// Reads a page's ids and counts the pages it read (all of them: the consumer's thread is never the Pager's here).
Pager::RawPrepare idReader(std::atomic_int* prepared)
{
    return CwTest::idReader(prepared, nullptr);
}

PageQuery companies(int pageSize)
{
    PageQuery query;
    query.path = Endpoints::companies();
    query.mode = PageQuery::Mode::ForwardOnly;
    query.pageSize = pageSize;
    return query;
}

} // namespace

class TestThreadedPager final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pullsAllInOrder();
    void blockedConsumerDoesNotStopTheTransfer();
    void lookAheadStaysBounded();
    void cancelFromAnotherThread();
    void errorEndsPull();
    void destroyedMidPull();
    void clientThreadKeepsTheConnection();

private:
    int companyRequests() const;

    SimProcess m_sim;
    ApiClient* m_client = nullptr;
};

void TestThreadedPager::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--records"), QStringLiteral("2500")}), qPrintable(m_sim.output()));
    m_client = CwTest::simClient(m_sim.baseUrl(), this);
}

void TestThreadedPager::cleanupTestCase()
{
    delete m_client;
    m_sim.stop();
}

int TestThreadedPager::companyRequests() const
{
    int n = 0;
    for (const QJsonValue& v : CwTest::simRequests(m_sim.baseUrl(), QStringLiteral("company/companies"))) {
        n += v.toObject().value(QLatin1String("target")).toString().contains(QLatin1String("/count")) ? 0 : 1;
    }
    return n;
}

void TestThreadedPager::pullsAllInOrder()
{
    ClientThread network(*m_client);
    QVERIFY(network.thread()->isRunning());
    QVERIFY(network.client());
    QCOMPARE(network.client()->thread(), network.thread());
    ThreadedPager pager(network, companies(100));
    std::atomic_int prepared {0};
    pager.setRawPrepare(idReader(&prepared));
    QList<qint64> ids;
    QList<int> numbers;
    connect(&pager, &ThreadedPager::pageReady, this, [&](const Page& page) {
        QCOMPARE(QThread::currentThread(), thread()); // handed over in the consumer's thread
        QCOMPARE(page.firstIndex, qint64(ids.size()));
        ids += *std::static_pointer_cast<QList<qint64>>(page.prepared);
        numbers.append(page.number);
    });
    pager.start();
    const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &ThreadedPager::finished, 120000);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(result.records, qint64(2500));
    QCOMPARE(result.pages, 25);
    QCOMPARE(pager.recordsDelivered(), qint64(2500));
    QCOMPARE(prepared.load(), 25);
    QCOMPARE(ids.size(), 2500);
    QCOMPARE(ids.first(), qint64(1));
    QCOMPARE(ids.last(), qint64(2500));
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend()));
    QCOMPARE(numbers.last(), 25);
    QVERIFY(std::is_sorted(numbers.cbegin(), numbers.cend()));
}

void TestThreadedPager::blockedConsumerDoesNotStopTheTransfer()
{
    // The consumer blocks its thread on page 1 (no event loop turns) until page 2 has been fetched and read on the
    // parsing thread. With a Pager in the consumer's thread this cannot happen: the reply for page 2 would wait for
    // that thread.
    ClientThread network(*m_client);
    ThreadedPager pager(network, companies(500));
    std::atomic_int prepared {0};
    pager.setRawPrepare(idReader(&prepared));
    bool sawNextPageWhileBlocked = false;
    int pages = 0;
    connect(&pager, &ThreadedPager::pageReady, this, [&](const Page& page) {
        ++pages;
        if (page.number != 1) {
            return;
        }
        QElapsedTimer waited;
        waited.start();
        while (prepared.load() < 2 && waited.elapsed() < 20000) {
            QThread::msleep(5);
        }
        sawNextPageWhileBlocked = prepared.load() >= 2;
    });
    pager.start();
    const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &ThreadedPager::finished, 120000);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QVERIFY(sawNextPageWhileBlocked);
    QCOMPARE(pages, 5);
    QCOMPARE(result.records, qint64(2500));
}

void TestThreadedPager::lookAheadStaysBounded()
{
    // While the consumer holds page 1, at most pagesAhead pages beyond it are asked for.
    ClientThread network(*m_client);
    ThreadedPager pager(network, companies(100));
    pager.setPagesAhead(2);
    std::atomic_int prepared {0};
    pager.setRawPrepare(idReader(&prepared));
    const int before = companyRequests();
    int requestedWhileHeld = -1;
    connect(&pager, &ThreadedPager::pageReady, this, [&](const Page& page) {
        if (page.number == 1) {
            QElapsedTimer waited;
            waited.start();
            while (prepared.load() < 3 && waited.elapsed() < 20000) {
                QThread::msleep(5);
            }
            QThread::msleep(300); // time enough for a request beyond the bound to show up
            requestedWhileHeld = companyRequests() - before;
        }
    });
    pager.start();
    const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &ThreadedPager::finished, 120000);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(requestedWhileHeld, 3); // page 1 (held) + 2 ahead
    QCOMPARE(result.records, qint64(2500));
}

void TestThreadedPager::cancelFromAnotherThread()
{
    ClientThread network(*m_client);
    ThreadedPager pager(network, companies(100));
    std::atomic_int prepared {0};
    pager.setRawPrepare(idReader(&prepared));
    int pagesAfterCancel = 0;
    std::atomic_bool cancelled {false};
    std::unique_ptr<std::thread> canceller;
    int pages = 0;
    connect(&pager, &ThreadedPager::pageReady, this, [&](const Page&) {
        ++pages;
        if (cancelled) {
            ++pagesAfterCancel;
        }
        if (pages == 3) {
            canceller = std::make_unique<std::thread>([&] {
                pager.cancel();
                cancelled = true;
            });
            canceller->join(); // cancel() has returned: no page may follow
        }
    });
    pager.start();
    const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &ThreadedPager::finished, 60000);
    QCOMPARE(result.error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(pages, 3);
    QCOMPARE(pagesAfterCancel, 0);
    QCOMPARE(result.pages, 3);
    QCOMPARE(result.records, qint64(300));
    QTest::qWait(200);
    QCOMPARE(pages, 3);
}

void TestThreadedPager::errorEndsPull()
{
    CwTest::simControl(m_sim.baseUrl(), QStringLiteral("/_sim/faults"), "{\"denyModules\":[\"company\"]}");
    ClientThread network(*m_client);
    ThreadedPager pager(network, companies(100));
    int pages = 0;
    connect(&pager, &ThreadedPager::pageReady, this, [&](const Page&) { ++pages; });
    pager.start();
    const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &ThreadedPager::finished, 60000);
    CwTest::simControl(m_sim.baseUrl(), QStringLiteral("/_sim/faults"), "{}");
    QCOMPARE(result.error.kind, ApiError::Kind::PermissionDenied);
    QCOMPARE(result.error.permission, QStringLiteral("Companies > Company Maintenance"));
    QCOMPARE(pages, 0);
    QCOMPARE(result.records, qint64(0));
}

void TestThreadedPager::destroyedMidPull()
{
    // Deleting the pager from its own page handler's aftermath, then the thread: the request in flight is aborted,
    // nothing more is asked for, and nothing is delivered to the deleted object.
    auto network = std::make_unique<ClientThread>(*m_client);
    auto* pager = new ThreadedPager(*network, companies(100));
    int pages = 0;
    connect(pager, &ThreadedPager::pageReady, this, [&](const Page&) { ++pages; });
    pager->start();
    QTRY_VERIFY_WITH_TIMEOUT(pages >= 2, 30000);
    delete pager;
    QThread* thread = network->thread();
    QVERIFY(thread->isRunning());
    network.reset(); // stops the thread and deletes its client
    const int requests = companyRequests();
    QTest::qWait(300);
    QCOMPARE(companyRequests(), requests);
    QVERIFY(pages < 25);
}

void TestThreadedPager::clientThreadKeepsTheConnection()
{
    // Over HTTPS with the connection's own CA file, without a second company lookup: the thread's client adopts what
    // the source client already learned.
    SimProcess tls;
    QVERIFY2(tls.start(CwTest::tlsArgs("server") + QStringList {QStringLiteral("--records"), QStringLiteral("300")}),
             qPrintable(tls.output()));
    Connection connection = CwTest::simConnection(tls.baseUrl());
    connection.caFile = CwTest::tlsFile("ca.pem");
    ApiClient source(CwTest::network(), connection);
    const CompanyLookupResult lookup =
        CwTest::waitFor<CompanyLookupResult>(source.lookupCompany(), &CompanyLookup::finished);
    QVERIFY2(lookup.ok(), qPrintable(lookup.error.message()));
    const int lookups = CwTest::simRequests(tls.baseUrl(), QStringLiteral("/login/companyinfo")).size();
    QCOMPARE(lookups, 1);

    ClientThread network(source);
    QCOMPARE(network.client()->baseUrl(), source.baseUrl());
    QCOMPARE(network.client()->connection().caFile, connection.caFile);
    ThreadedPager pager(network, companies(100));
    std::atomic_int prepared {0};
    pager.setRawPrepare(idReader(&prepared));
    pager.start();
    const PagerResult result = CwTest::waitFor<PagerResult>(&pager, &ThreadedPager::finished, 60000);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(result.records, qint64(300));
    QCOMPARE(CwTest::simRequests(tls.baseUrl(), QStringLiteral("/login/companyinfo")).size(), lookups);
    tls.stop();
}

QTEST_GUILESS_MAIN(TestThreadedPager)
#include "tst_threadedpager.moc"
