#pragma once

// A database with one connector pointed at a running cwconnector-sim, its configuration taken from the simulator's
// live lists, local records, syncs, and blocking helpers to read the simulator: shared by the sync tests of the
// engine (tests/core/sync), the sync windows (tests/ui/sync) and the command line (tests/app/cli).

#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Conditions.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLease.h"
#include "tests/support/SimFixture.h"
#include "tests/support/TestDatabase.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlRecord>

#include <memory>

namespace CwTest {

// A local record's values from (column, value) pairs: row({{"id", QStringLiteral("A1")}, {"city", ...}}).
inline QVariantHash row(std::initializer_list<std::pair<const char*, QVariant>> values)
{
    QVariantHash h;
    for (const auto& v : values) {
        h.insert(QLatin1String(v.first), v.second);
    }
    return h;
}

// The simulator's connection as the syncs use it: retries a little slower than simConnection()'s.
inline Cw::Connection syncSimConnection(const QUrl& simUrl)
{
    Cw::Connection c = simConnection(simUrl);
    c.retry.maxDelayMs = 400;
    return c;
}

// The lease of a sync that another desktop's cwconnector-cli runs (process 4242 on host h1), as a test holds it in
// its place: not renewed while the test runs (heartbeatMs), so a test can age it.
inline Cw::SyncLease::Options anotherDesktop(int heartbeatMs = 3600000)
{
    Cw::SyncLease::Options o;
    o.identity = {QStringLiteral("h1"), 4242, QStringLiteral("cwconnector-cli")};
    o.heartbeatMs = heartbeatMs;
    return o;
}

// "Sim is being synced by cwconnector-cli (process 4242) on host h1 since 14:03:12": how that lease is named.
inline QString busyText(const QString& connector, const Cw::SyncHolder& holder)
{
    return QStringLiteral("%1 is being synced by %2 (process %3) on host %4 since %5")
        .arg(connector, holder.program)
        .arg(holder.processId)
        .arg(holder.host, holder.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
}

class SyncFixture final
{
public:
    TestDatabase testDb;
    std::unique_ptr<Cw::Database> db;
    SimProcess sim;
    std::unique_ptr<Cw::ApiClient> client; // of a session of syncSimConnection()
    qint64 instanceId = 0;
    QString error;

    bool start(const QStringList& simArgs)
    {
        if (!testDb.init(&error)) {
            return false;
        }
        if (!sim.start(simArgs, 20000)) {
            error = QStringLiteral("sim did not start: ") + sim.output();
            return false;
        }
        return reopen(true);
    }

    // A fresh database (fresh=true) or the same one again; the connector row is made on a fresh one.
    bool reopen(bool fresh)
    {
        client.reset();
        db.reset();
        if (fresh) {
            const Cw::DatabaseLocation location = testDb.fresh(&error);
            m_location = location;
        }
        db = std::make_unique<Cw::Database>(m_location);
        Cw::StoreError storeError;
        if (!db->open(&storeError)) {
            error = storeError.message;
            return false;
        }
        client.reset(session(syncSimConnection(sim.baseUrl())).newClient());
        if (!fresh) {
            return true;
        }
        Cw::Instance i = simInstance(QStringLiteral("Sim"));
        if (!Cw::InstanceRepository(*db).create(&i, &storeError)) {
            error = storeError.message;
            return false;
        }
        instanceId = i.id;
        return true;
    }

    Cw::DatabaseLocation location() const { return m_location; }

    // A connector pointed at the simulator, not saved yet.
    Cw::Instance simInstance(const QString& name) const
    {
        Cw::Instance i;
        i.name = name;
        i.deployment = Cw::nameOf(Cw::Deployment::OnPremise);
        i.site = sim.baseUrl().toString();
        i.companyId = QStringLiteral("cwsim");
        return i;
    }

    // Prepares the command-line tool's database so that the next connector gets a random id: keychain
    // entries are named by connector id, and tests running in parallel share one keychain.
    static bool randomizeInstanceIds(const Cw::DatabaseLocation& location, QString* error)
    {
        Cw::Database database(location);
        Cw::StoreError storeError;
        const qint64 start = 100000 + qint64(QRandomGenerator::global()->bounded(1000000000));
        if (!database.open(&storeError) ||
            !database.exec(QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES ('instances', ?)"), {start},
                           &storeError)) {
            *error = storeError.message;
            return false;
        }
        return true;
    }

    qint64 instanceIdByName(const QString& name)
    {
        QSqlQuery q(db->connection());
        if (!db->exec(QStringLiteral("SELECT id FROM instances WHERE name = ?"), {name}, nullptr, &q) || !q.next()) {
            return 0;
        }
        return q.value(0).toLongLong();
    }

    // Uses another database (e.g. the command-line tool's) and its connector from now on.
    bool attach(const Cw::DatabaseLocation& location, qint64 instance)
    {
        m_location = location;
        instanceId = instance;
        return reopen(false);
    }

    // The one record of a list whose field equals key; empty when there is none, or more than one.
    QJsonObject byKey(const QString& path, const QString& field, const QString& key)
    {
        const QJsonArray found = list(path, Cw::Conditions::equals(field, key));
        return found.size() == 1 ? found.first().toObject() : QJsonObject();
    }

    QJsonArray list(const QString& path, const Cw::Conditions& conditions = {})
    {
        Cw::ApiRequest r = Cw::ApiRequest::get(path);
        r.addQuery(QStringLiteral("pageSize"), QStringLiteral("1000"));
        if (!conditions.isEmpty()) {
            r.addQuery(QStringLiteral("conditions"), conditions.toString());
        }
        return call(r).array();
    }

    Cw::ApiResult call(const Cw::ApiRequest& request) { return CwTest::run(client.get(), request); }

    // POST /_sim/faults (replaces every fault setting).
    bool setFaults(const QJsonObject& faults)
    {
        QNetworkAccessManager manager;
        QNetworkRequest request(sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/faults"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = manager.post(request, QJsonDocument(faults).toJson());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const bool ok = reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }

    // GET /_sim/<what> (state, requests, faults) as JSON.
    QJsonDocument simControl(const QString& what)
    {
        return CwTest::simControl(sim.baseUrl(), QStringLiteral("/_sim/") + what);
    }

    // Every record of a list (page by page, pageSize 1000), reduced to id -> the text of `field`.
    QHash<qint64, QString> remoteValues(const QString& path, const QString& field)
    {
        QHash<qint64, QString> values;
        for (int page = 1;; ++page) {
            Cw::ApiRequest r = Cw::ApiRequest::get(path);
            r.addQuery(QStringLiteral("pageSize"), QStringLiteral("1000"));
            r.addQuery(QStringLiteral("page"), QString::number(page));
            r.addQuery(QStringLiteral("orderBy"), QStringLiteral("id asc"));
            r.addQuery(QStringLiteral("fields"), QStringLiteral("id,") + field);
            const Cw::ApiResult result = call(r);
            if (!result.ok()) {
                error = result.error.message();
                return {};
            }
            const QJsonArray a = result.array();
            for (const QJsonValue& v : a) {
                const QJsonObject o = v.toObject();
                values.insert(o.value(QStringLiteral("id")).toInteger(), o.value(field).toString());
            }
            if (a.size() < 1000) {
                return values;
            }
        }
    }

    QString firstId(const QString& path)
    {
        const QJsonArray a = list(path);
        return a.isEmpty() ? QString() : QString::number(a.first().toObject().value(QStringLiteral("id")).toInteger());
    }

    // Every option on, every variable set from the simulator's lists, lookups for the local values used.
    bool configure()
    {
        Cw::ConnectorConfig config;
        for (Cw::Entity entity : Cw::allOf<Cw::Entity>()) {
            for (Cw::Operation op : Cw::allOf<Cw::Operation>()) {
                if (Cw::ConfigNames::isSupportedSyncOption(entity, op)) {
                    config.syncOptions.append({entity, op, true});
                }
            }
        }
        auto var = [&](const char* key, const QString& id) {
            config.serverVariables.append({QLatin1String(key), id, QStringLiteral("x")});
        };
        var("import_account_status", firstId(QStringLiteral("company/companies/statuses")));
        var("product_category", firstId(QStringLiteral("procurement/categories")));
        var("product_subcategory", firstId(QStringLiteral("procurement/subcategories")));
        var("product_uom", firstId(QStringLiteral("procurement/unitOfMeasures")));
        var("product_billable_option", QStringLiteral("Billable"));
        var("sales_representative", firstId(QStringLiteral("system/members")));
        // The local system's own payment-method ids (payments.method): only payments made with them are pushed.
        var("credit_card_method_id", creditCardMethod());
        var("bank_deposit_method_id", bankDepositMethod());
        // Lookups: local value "L<n>" of a list maps to the n-th remote value; every remote value is mapped,
        // so pulls of generated records map back.
        auto map = [&](const char* lookup, const QString& path) {
            int n = 0;
            for (const QJsonValue& v : list(path)) {
                const QString id = QString::number(v.toObject().value(QStringLiteral("id")).toInteger());
                config.lookups.append({QLatin1String(lookup), QStringLiteral("L%1").arg(n++), id, QStringLiteral("x")});
            }
            return n > 0;
        };
        const bool ok = map("account_type", QStringLiteral("company/companies/types")) &&
            map("currency", QStringLiteral("finance/currencies")) &&
            map("invoice_stage", QStringLiteral("finance/billingStatuses")) &&
            map("product_type", QStringLiteral("procurement/types")) &&
            map("unit_type", QStringLiteral("procurement/subcategories")) &&
            map("order_stage", QStringLiteral("sales/orders/statuses")) &&
            map("country", QStringLiteral("company/countries"));
        config.lookups.append({QStringLiteral("invoice_type"), QStringLiteral("standard"), QStringLiteral("Standard"),
                               QStringLiteral("Standard")});
        Cw::StoreError storeError;
        if (!ok || !Cw::ConnectorConfigRepository(*db).replace(instanceId, config, &storeError)) {
            error = QStringLiteral("configure failed: ") + storeError.message;
            return false;
        }
        return true;
    }

    // The rows sql selects, one line each with its cells joined by '|', for comparing two databases' states;
    // "query failed: ..." when it cannot be read.
    QString rowsAsText(const QString& sql)
    {
        QSqlQuery q(db->connection());
        Cw::StoreError storeError;
        if (!db->exec(sql, {}, &storeError, &q)) {
            return QStringLiteral("query failed: ") + storeError.message;
        }
        QString out;
        while (q.next()) {
            QStringList cells;
            for (int i = 0; i < q.record().count(); ++i) {
                cells.append(q.value(i).toString());
            }
            out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
        return out;
    }

    bool addLocal(Cw::Entity entity, const QList<QVariantHash>& rows)
    {
        QList<Cw::LocalRecord> records;
        for (const QVariantHash& row : rows) {
            records.append({row.value(QStringLiteral("id")).toString(), row});
        }
        Cw::LocalRecordStore::Counts counts;
        Cw::StoreError storeError;
        const bool ok =
            Cw::LocalRecordStore(*db).upsert(Cw::LocalSchema::entity(entity), records, &counts, &storeError);
        error = storeError.message;
        return ok;
    }

    static QString creditCardMethod() { return QStringLiteral("VISA"); }
    static QString bankDepositMethod() { return QStringLiteral("WIRE"); }

    // Every write the simulator refused for a model reason (since it started or was reset), one line each: empty
    // when every body sent was a valid ConnectWise model. Sync tests check it after each test function.
    QString modelViolations() const { return SimProcess::describe(sim.modelViolations()); }

    Cw::SyncSummary sync(bool push, bool pull, const QList<Cw::Entity>& entities = {}, bool dryRun = false,
                         int pageSize = 1000)
    {
        Cw::SyncEngine engine(*db, client.get());
        engine.setPageSize(pageSize);
        Cw::SyncRequest request;
        request.instanceId = instanceId;
        request.push = push;
        request.pull = pull;
        request.entities = entities;
        request.dryRun = dryRun;
        return engine.run(request);
    }

    int countRows(const QString& sql, const QVariantList& values = {})
    {
        QSqlQuery q(db->connection());
        if (!db->exec(sql, values, nullptr, &q) || !q.next()) {
            return -1;
        }
        return q.value(0).toInt();
    }

private:
    Cw::DatabaseLocation m_location;
};

} // namespace CwTest
