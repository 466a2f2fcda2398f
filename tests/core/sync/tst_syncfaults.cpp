// Issue 7, "Done when": with the simulator's faults on (every 10th request a 503/500, a 429 rate limit with
// Retry-After, dropped connections that reach the client, truncated pages), a full push and pull of 5,000
// records per entity ends with exactly the same database content as the same run without faults, and with no
// duplicate in ConnectWise.
#include "tests/support/SyncFixture.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlRecord>
#include <QTest>
#include <QTimer>

#include <thread>

using CwTest::SyncFixture;

namespace {

constexpr int kRecords = 5000; // per entity: local records pushed, and the simulator's own records
constexpr int kMaxAttempts = 30;
const char* const kSeed = "11";

struct Remote
{
    const char* entity;
    const char* path; // list of the remote records
    const char* key; // the field sync_links.remote_ref holds; empty: none (payments)
    const char* count; // the name in /_sim/state "counts"
    const char* local; // the prefix of the local ids of localRows()
    bool seeded; // the simulator has records of its own (pulled into the local system)
};

// Every invoice has one line (a product item): its amount is the invoice's total, so that the payment fits in the
// balance ConnectWise computes from it.
const Remote kRemotes[] = {
    {"accounts", "company/companies", "identifier", "company/companies", "LA", true},
    {"products", "procurement/catalog", "identifier", "procurement/catalog", "LP", true},
    {"invoices", "finance/invoices", "invoiceNumber", "finance/invoices", "LI", true},
    {"invoice_lines", "procurement/products", "integrationXRef", "procurement/products", "LL", false},
    {"orders", "sales/orders", "poNumber", "sales/orders", "LO", true},
    {"payments", "", "", "finance/invoices/payments", "LY", false},
};

QStringList entities()
{
    QStringList out;
    for (const Remote& r : kRemotes) {
        out.append(QLatin1String(r.entity));
    }
    return out;
}

QList<QVariantHash> localRows(const QString& entity)
{
    QList<QVariantHash> rows;
    const QDate day(2026, 3, 1);
    for (int i = 0; i < kRecords; ++i) {
        if (entity == QLatin1String("accounts")) {
            rows.append({{QStringLiteral("id"), QStringLiteral("LA%1").arg(i)},
                         {QStringLiteral("name"), QStringLiteral("Local Account %1").arg(i)},
                         {QStringLiteral("account_type"), QStringLiteral("L%1").arg(i % 2)},
                         {QStringLiteral("currency"), QStringLiteral("L0")},
                         {QStringLiteral("city"), QStringLiteral("Town %1").arg(i)}});
        } else if (entity == QLatin1String("products")) {
            rows.append({{QStringLiteral("id"), QStringLiteral("LP%1").arg(i)},
                         {QStringLiteral("name"), QStringLiteral("Local Product %1").arg(i)},
                         {QStringLiteral("product_type"), QStringLiteral("L0")},
                         {QStringLiteral("price"), QStringLiteral("%1.25").arg(i)}});
        } else if (entity == QLatin1String("invoices")) {
            rows.append({{QStringLiteral("id"), QStringLiteral("LI%1").arg(i)},
                         {QStringLiteral("number"), QStringLiteral("LINV-%1").arg(i)},
                         {QStringLiteral("account_id"), QStringLiteral("LA%1").arg(i)},
                         {QStringLiteral("invoice_stage"), QStringLiteral("L%1").arg(i % 2)},
                         {QStringLiteral("invoice_type"), QStringLiteral("standard")},
                         {QStringLiteral("currency"), QStringLiteral("L0")},
                         {QStringLiteral("date"), QVariant(day.addDays(i % 28))},
                         {QStringLiteral("total"), QStringLiteral("%1.50").arg(i + 100)}});
        } else if (entity == QLatin1String("invoice_lines")) {
            rows.append({{QStringLiteral("id"), QStringLiteral("LL%1").arg(i)},
                         {QStringLiteral("invoice_id"), QStringLiteral("LI%1").arg(i)},
                         {QStringLiteral("product_id"), QStringLiteral("LP%1").arg(i)},
                         {QStringLiteral("quantity"), QStringLiteral("1")},
                         {QStringLiteral("price"), QStringLiteral("%1.50").arg(i + 100)}});
        } else if (entity == QLatin1String("orders")) {
            rows.append({{QStringLiteral("id"), QStringLiteral("LO%1").arg(i)},
                         {QStringLiteral("account_id"), QStringLiteral("LA%1").arg(i)},
                         {QStringLiteral("order_stage"), QStringLiteral("L0")},
                         {QStringLiteral("date"), QVariant(day.addDays(i % 28))},
                         {QStringLiteral("total"), QStringLiteral("%1.00").arg(i + 10)},
                         {QStringLiteral("description"), QStringLiteral("Order %1").arg(i)}});
        } else { // payments: one per invoice, a distinct amount each (payments are matched by amount and date)
            rows.append(
                {{QStringLiteral("id"), QStringLiteral("LY%1").arg(i)},
                 {QStringLiteral("invoice_id"), QStringLiteral("LI%1").arg(i)},
                 {QStringLiteral("method"), i % 2 ? SyncFixture::bankDepositMethod() : SyncFixture::creditCardMethod()},
                 {QStringLiteral("amount"), QStringLiteral("%1.75").arg(i + 1)},
                 {QStringLiteral("date"), QVariant(day.addDays(4 + i % 20))}});
        }
    }
    return rows;
}

// The faults the client really saw, counted on its QNetworkAccessManager.
struct Seen
{
    int replies = 0;
    int status503 = 0;
    int status500 = 0;
    int status429 = 0;
    int dropped = 0; // connection closed before any answer, after Qt's own re-sends
    int truncated = 0; // headers came, the body was cut off

    QString text() const
    {
        return QStringLiteral("%1 replies: %2 x 503, %3 x 500, %4 x 429, %5 dropped, %6 truncated")
            .arg(replies)
            .arg(status503)
            .arg(status500)
            .arg(status429)
            .arg(dropped)
            .arg(truncated);
    }
};

struct Outcome
{
    QString state; // the database, as text
    QJsonObject counts; // /_sim/state counts at the end
    QJsonObject seeded; // /_sim/state counts before the sync
    Seen seen;
    QJsonArray requestLog; // /_sim/requests after the first attempt (its last 10,000 requests)
    int attempts = 0;
    qint64 ms = 0;
};

// The product items (invoice lines) as the keys of what they hold: integrationXRef, the catalog item's identifier,
// the invoice's number, quantity and price; by ConnectWise id.
QHash<qint64, QString> productItems(SyncFixture& f)
{
    QHash<qint64, QString> items;
    for (int page = 1;; ++page) {
        Cw::ApiRequest r = Cw::ApiRequest::get(QStringLiteral("procurement/products"));
        r.addQuery(QStringLiteral("pageSize"), QStringLiteral("1000"));
        r.addQuery(QStringLiteral("page"), QString::number(page));
        r.addQuery(QStringLiteral("orderBy"), QStringLiteral("id asc"));
        r.addQuery(QStringLiteral("fields"), QStringLiteral("id,integrationXRef,catalogItem,invoice,quantity,price"));
        const QJsonArray a = f.call(r).array();
        for (const QJsonValue& v : a) {
            const QJsonObject o = v.toObject();
            items.insert(
                o.value(QStringLiteral("id")).toInteger(),
                QStringList {
                    o.value(QStringLiteral("integrationXRef")).toString(),
                    o.value(QStringLiteral("catalogItem")).toObject().value(QStringLiteral("identifier")).toString(),
                    o.value(QStringLiteral("invoice")).toObject().value(QStringLiteral("identifier")).toString(),
                    QString::number(o.value(QStringLiteral("quantity")).toDouble()),
                    QString::number(o.value(QStringLiteral("price")).toDouble())}
                    .join(QLatin1Char('/')));
        }
        if (a.size() < 1000) {
            return items;
        }
    }
}

// Every table the sync writes, as text, in a stable order. ConnectWise ids of pulled records are the same in
// both runs (same seed); those of pushed records depend on the order of creation, so a pushed link shows the
// key of the record its remote_id points at instead (which must be its own remote_ref).
bool dump(SyncFixture& f, QString* out)
{
    for (const QString& entity : entities()) {
        const Cw::LocalEntity e = *Cw::LocalSchema::entity(entity);
        QSqlQuery q(f.db->connection());
        const QString sql =
            QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(e.columnNames().join(QLatin1Char(',')), e.table);
        if (!f.db->exec(sql, {}, nullptr, &q)) {
            f.error = QStringLiteral("cannot read ") + e.table;
            return false;
        }
        *out += QStringLiteral("# ") + e.table + QLatin1Char('\n');
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i) {
                row.append(q.value(i).toString());
            }
            *out += row.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    for (const Remote& r : kRemotes) {
        const QString key = QLatin1String(r.key);
        // A line's pushed hash holds the ConnectWise ids of its catalog item and invoice, which depend on the order of
        // creation: what its product item holds is compared instead. So do the hashes of invoices, orders and
        // payments (their company or invoice), as pushes run side by side and land in any order: only the records
        // without references to pushed ones (accounts, products) show theirs.
        const bool line = key == QLatin1String("integrationXRef");
        const bool ownHash = QLatin1String(r.entity) == QLatin1String("accounts") ||
            QLatin1String(r.entity) == QLatin1String("products");
        const QHash<qint64, QString> remote = key.isEmpty() ? QHash<qint64, QString>()
            : line                                          ? productItems(f)
                                                            : f.remoteValues(QLatin1String(r.path), key);
        if (!key.isEmpty() && remote.isEmpty()) {
            f.error = QStringLiteral("cannot list ") + QLatin1String(r.path) + QLatin1String(": ") + f.error;
            return false;
        }
        QSqlQuery q(f.db->connection());
        if (!f.db->exec(QStringLiteral("SELECT local_id, remote_ref, pushed_hash, pulled_values, remote_id"
                                       " FROM sync_links WHERE entity = ? ORDER BY local_id"),
                        {QLatin1String(r.entity)}, nullptr, &q)) {
            f.error = QStringLiteral("cannot read sync_links");
            return false;
        }
        *out += QStringLiteral("# sync_links ") + QLatin1String(r.entity) + QLatin1Char('\n');
        while (q.next()) {
            const QString localId = q.value(0).toString();
            const qint64 remoteId = q.value(4).toLongLong();
            QString target;
            if (remoteId <= 0) {
                target = QStringLiteral("PENDING");
            } else if (localId.startsWith(QLatin1String("cw-"))) {
                target = QString::number(remoteId);
            } else if (key.isEmpty()) {
                target = QStringLiteral("pushed");
            } else {
                target = remote.value(remoteId, QStringLiteral("MISSING"));
            }
            *out +=
                QStringList {localId, q.value(1).toString(),
                             line || (!ownHash && !localId.startsWith(QLatin1String("cw-"))) ? QStringLiteral("-")
                                                                                             : q.value(2).toString(),
                             q.value(3).toString(), target}
                    .join(QLatin1Char('|')) +
                QLatin1Char('\n');
        }
    }
    return true;
}

// A fault switched on for a while in the middle of a phase of the first attempt, over the base faults.
struct Burst
{
    const char* phase; // "push products": once half of that entity is done
    QJsonObject extra;
    int ms;
};

// dropEvery 1: every connection closes unanswered, so the failure reaches the client past Qt's own
// re-sends (README). The rate limit (20 requests a second, Retry-After 1) only for a while: each 429 costs
// the client a second.
const QList<Burst> kBursts = {
    {"push products", {{QStringLiteral("dropEvery"), 1}}, 300},
    {"push payments",
     {{QStringLiteral("rateLimit"), 20}, {QStringLiteral("rateWindowMs"), 1000}, {QStringLiteral("retryAfter"), 1}},
     1500},
    {"pull accounts", {{QStringLiteral("dropEvery"), 1}}, 300},
};

// POST /_sim/faults without waiting for the answer (the sync engine is running on this thread's event loop).
void postFaultsLater(QNetworkAccessManager* manager, const QUrl& simUrl, const QJsonObject& faults)
{
    QNetworkRequest request(simUrl.resolved(QUrl(QStringLiteral("/_sim/faults"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = manager->post(request, QJsonDocument(faults).toJson());
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

// One whole scenario in a fresh simulator and database: 5,000 local records per entity, then push + pull
// until a run succeeds. With `faults`, each attempt runs with them, and the first one also gets kBursts.
bool scenario(const QJsonObject& faults, Outcome* outcome, QString* error)
{
    QElapsedTimer timer;
    timer.start();
    SyncFixture f;
    if (!f.start(
            {QStringLiteral("--records"), QString::number(kRecords), QStringLiteral("--seed"), QLatin1String(kSeed)}) ||
        !f.configure()) {
        *error = f.error;
        return false;
    }
    // The file stays on disk, but without an fsync per commit (two per pushed record): crash safety is
    // another test's subject, and this one is about the content.
    if (!f.testDb.isPostgres()) {
        f.db->exec(QStringLiteral("PRAGMA synchronous=OFF"));
    }
    for (const QString& entity : entities()) {
        if (!f.addLocal(*Cw::parseName<Cw::Entity>(entity), localRows(entity))) {
            *error = QStringLiteral("adding local %1 failed: %2").arg(entity, f.error);
            return false;
        }
    }
    outcome->seeded = f.simControl(QStringLiteral("state")).object().value(QStringLiteral("counts")).toObject();

    QObject watch;
    QObject::connect(f.client->networkAccessManager(), &QNetworkAccessManager::finished, &watch,
                     [outcome](QNetworkReply* reply) {
                         Seen& s = outcome->seen;
                         ++s.replies;
                         const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                         const int code = status.toInt();
                         s.status503 += code == 503;
                         s.status500 += code == 500;
                         s.status429 += code == 429;
                         const QNetworkReply::NetworkError e = reply->error();
                         if (e == QNetworkReply::NoError || e == QNetworkReply::OperationCanceledError) {
                             return;
                         }
                         if (!status.isValid()) {
                             ++s.dropped;
                         } else if (code >= 200 && code < 300) {
                             ++s.truncated;
                         }
                     });

    QNetworkAccessManager control;
    bool ok = false;
    QString lastError;
    while (!ok && outcome->attempts < kMaxAttempts) {
        if (!f.setFaults(faults)) {
            *error = QStringLiteral("cannot set the faults");
            return false;
        }
        const bool first = ++outcome->attempts == 1;
        Cw::SyncEngine engine(*f.db, f.client.get());
        engine.setPageSize(1000);
        QList<Burst> bursts;
        if (first && !faults.isEmpty()) {
            bursts = kBursts;
        }
        QObject::connect(&engine, &Cw::SyncEngine::progress, &watch,
                         [&](Cw::Direction direction, Cw::Entity entity, int processed, int) {
                             const QString phase = Cw::SyncSlot {direction, entity}.label();
                             for (int i = 0; i < bursts.size(); ++i) {
                                 const Burst b = bursts.at(i);
                                 if (phase != QLatin1String(b.phase) || processed < kRecords / 2) {
                                     continue;
                                 }
                                 bursts.removeAt(i);
                                 QJsonObject on = faults;
                                 for (auto it = b.extra.begin(); it != b.extra.end(); ++it) {
                                     on.insert(it.key(), it.value());
                                 }
                                 postFaultsLater(&control, f.sim.baseUrl(), on);
                                 QTimer::singleShot(b.ms, &watch, [&control, &f, faults] {
                                     postFaultsLater(&control, f.sim.baseUrl(), faults);
                                 });
                                 return;
                             }
                         });
        Cw::SyncRequest request;
        request.instanceId = f.instanceId;
        request.entities = Cw::SyncDescriptors::entities(); // the invoice lines go with the invoices
        const Cw::SyncSummary summary = engine.run(request);
        ok = summary.ok();
        qInfo("%s attempt %d: %lld ms, %d created, %d updated, %d failed, fatal: %s",
              faults.isEmpty() ? "without faults:" : "with faults:", outcome->attempts, timer.elapsed(),
              summary.totals().created, summary.totals().updated, summary.totals().failed,
              qPrintable(summary.fatalError));
        lastError = summary.fatalError.isEmpty() ? QStringLiteral("%1 records failed").arg(summary.totals().failed)
                                                 : summary.fatalError;
        if (first) {
            outcome->requestLog = f.simControl(QStringLiteral("requests")).array();
        }
    }
    f.setFaults({});
    if (!ok) {
        *error =
            QStringLiteral("no successful sync after %1 attempts; the last one: %2").arg(kMaxAttempts).arg(lastError);
        return false;
    }
    if (!f.modelViolations().isEmpty()) {
        *error = QStringLiteral("bodies ConnectWise refused: ") + f.modelViolations();
        return false;
    }
    outcome->counts = f.simControl(QStringLiteral("state")).object().value(QStringLiteral("counts")).toObject();
    if (!dump(f, &outcome->state)) {
        *error = f.error;
        return false;
    }
    outcome->ms = timer.elapsed();
    return true;
}

int statusCount(const QJsonArray& log, int status)
{
    int n = 0;
    for (const QJsonValue& v : log) {
        n += v.toObject().value(QStringLiteral("status")).toInt(-1) == status;
    }
    return n;
}

} // namespace

class TestSyncFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fiveThousandPerEntityEndTheSameWithFaults();
};

void TestSyncFaults::initTestCase()
{
    // Thousands of expected retries and failed requests: their log lines would drown the test's own output.
    QLoggingCategory::setFilterRules(QStringLiteral("cwconnector.*.info=false\ncwconnector.*.warning=false"));
}

void TestSyncFaults::fiveThousandPerEntityEndTheSameWithFaults()
{
    Outcome clean;
    Outcome faulty;
    // The two scenarios are independent (own simulator, database, network manager): the one without faults
    // runs in a second thread meanwhile, which halves the wall time on two cores.
    QString cleanError;
    bool cleanOk = false;
    std::thread cleanRun([&] { cleanOk = scenario({}, &clean, &cleanError); });
    QString error;
    const bool faultyOk =
        scenario({{QStringLiteral("failEvery"), 10}, {QStringLiteral("truncateEvery"), 211}}, &faulty, &error);
    cleanRun.join();
    QVERIFY2(cleanOk, qPrintable(cleanError));
    QVERIFY2(faultyOk, qPrintable(error));
    qInfo("without faults: %d attempt(s), %lld ms, %s", clean.attempts, clean.ms, qPrintable(clean.seen.text()));
    qInfo("with faults: %d attempts, %lld ms, %s", faulty.attempts, faulty.ms, qPrintable(faulty.seen.text()));

    // The faults were on and reached the client; without them, one run did it all.
    QCOMPARE(clean.attempts, 1);
    QCOMPARE(clean.seen.status503 + clean.seen.status500 + clean.seen.status429 + clean.seen.dropped +
                 clean.seen.truncated,
             0);
    QVERIFY2(faulty.seen.status503 > 0 && faulty.seen.status500 > 0, qPrintable(faulty.seen.text()));
    QVERIFY2(faulty.seen.status429 > 0, qPrintable(faulty.seen.text()));
    QVERIFY2(faulty.seen.dropped > 0, qPrintable(faulty.seen.text()));
    QVERIFY2(faulty.seen.truncated > 0, qPrintable(faulty.seen.text()));
    QVERIFY(statusCount(faulty.requestLog, 503) > 0);
    QVERIFY(statusCount(faulty.requestLog, 429) > 0);
    QVERIFY(statusCount(faulty.requestLog, 0) > 0); // dropped unanswered

    // No duplicate in ConnectWise: each count is the seeded records plus the 5,000 pushed.
    for (const Remote& r : kRemotes) {
        const QString name = QLatin1String(r.count);
        QVERIFY2(clean.seeded.value(name).toInt() >= (r.seeded ? kRecords : 0), qPrintable(name));
        QCOMPARE(clean.counts.value(name).toInt(), clean.seeded.value(name).toInt() + kRecords);
        QCOMPARE(faulty.counts.value(name).toInt(), faulty.seeded.value(name).toInt() + kRecords);
    }
    QCOMPARE(faulty.seeded, clean.seeded);

    // Every local record and link of both entities pushed and pulled, and not one pending create or wrong link.
    QVERIFY(!clean.state.contains(QLatin1String("|PENDING\n")));
    QVERIFY(!clean.state.contains(QLatin1String("|MISSING\n")));
    for (const Remote& r : kRemotes) {
        // The last local record, and its link
        const QString last =
            QLatin1Char('\n') + QLatin1String(r.local) + QString::number(kRecords - 1) + QLatin1Char('|');
        QVERIFY2(clean.state.count(last) == 2, r.entity);
    }
    QVERIFY(clean.state.count(QLatin1String("\ncw-")) >= 2 * kRecords); // pulled accounts + their links, at least
    if (faulty.state != clean.state) {
        const QStringList a = clean.state.split(QLatin1Char('\n'));
        const QStringList b = faulty.state.split(QLatin1Char('\n'));
        int shown = 0;
        for (int i = 0; i < qMax(a.size(), b.size()) && shown < 10; ++i) {
            if (a.value(i) != b.value(i)) {
                qWarning("line %d\n  without faults: %s\n  with faults:    %s", i, qPrintable(a.value(i)),
                         qPrintable(b.value(i)));
                ++shown;
            }
        }
    }
    QCOMPARE(faulty.state.size(), clean.state.size());
    QVERIFY2(faulty.state == clean.state, "the database differs from the run without faults (lines above)");
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
