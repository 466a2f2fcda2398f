#include "core/config/ConfigNames.h"
#include "core/config/RemoteResolver.h"
#include "core/config/ServerVariables.h"
#include "tests/support/SimFixture.h"

using namespace Cw;

// Server variables against the live lists of cwconnector-sim: the choices, the stale-id guard after a
// status is deleted in ConnectWise, and the syncs it blocks (the systems-check step: tests/core/check).
class TestServerVariables final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void elevenVariablesWithTexts();
    void choicesComeFromLiveLists();
    void validateNamesKeyAndFix();
    void deletedStatusIsStaleAndBlocksAccounts();
    void inactiveAndApiMembersAreStale();
    void statusMadeInactiveIsStale();
    void unsetVariableBlocksItsSyncs();

private:
    static ConnectorConfig configWith(const QList<ServerVariable>& variables);
    CwTest::SimProcess m_sim;
    ApiClient* m_client = nullptr;
};

void TestServerVariables::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    m_client = CwTest::simClient(m_sim.baseUrl(), this);
}

ConnectorConfig TestServerVariables::configWith(const QList<ServerVariable>& variables)
{
    ConnectorConfig config;
    config.serverVariables = variables;
    return config;
}

void TestServerVariables::elevenVariablesWithTexts()
{
    const QList<VariableInfo> all = ServerVariables::all();
    QCOMPARE(all.size(), 11);
    QStringList keys;
    for (const VariableInfo& i : all) {
        keys.append(i.key);
        QVERIFY2(!i.usedFor.isEmpty() && !i.explanation.isEmpty() && !i.example.isEmpty(), qPrintable(i.key));
    }
    QCOMPARE(keys, ConfigNames::serverVariables());
    QVERIFY(ServerVariables::info(QStringLiteral("company_id")).instanceField);
    QVERIFY(ServerVariables::info(QStringLiteral("bank_deposit_method_id")).localId);
    QVERIFY(ServerVariables::info(QStringLiteral("bank_deposit_method_id")).kind.isEmpty());
}

void TestServerVariables::choicesComeFromLiveLists()
{
    ApiError error;
    const RemoteLists lists = CwTest::fetchLists(m_client, RemoteLists::variableKinds(), &error);
    QVERIFY2(error.isOk(), qPrintable(error.message()));

    // Inactive company status "Inactive" (2) is not offered.
    QStringList statuses;
    for (const RemoteItem& i : ServerVariables::choices(QStringLiteral("import_account_status"), lists)) {
        statuses.append(i.name);
    }
    QVERIFY(statuses.contains(QStringLiteral("Active")));
    QVERIFY(!statuses.contains(QStringLiteral("Inactive")));

    // Subcategories filtered by the chosen category (Networking = 2).
    const QList<RemoteItem> subs =
        ServerVariables::choices(QStringLiteral("product_subcategory"), lists, QStringLiteral("2"));
    QCOMPARE(subs.size(), 3);
    for (const RemoteItem& s : subs) {
        QCOMPARE(s.parentId, QStringLiteral("2"));
    }
    QCOMPARE(ServerVariables::choices(QStringLiteral("product_subcategory"), lists).size(), 12);

    // Members: no API (113, 114) and no inactive (115, 116) ones.
    QStringList members;
    for (const RemoteItem& m : ServerVariables::choices(QStringLiteral("sales_representative"), lists)) {
        members.append(m.id);
    }
    QCOMPARE(members.size(), 12);
    for (const char* left : {"113", "114", "115", "116"}) {
        QVERIFY(!members.contains(QLatin1String(left)));
    }
    QCOMPARE(ServerVariables::choices(QStringLiteral("product_billable_option"), lists).size(), 3);
}

void TestServerVariables::validateNamesKeyAndFix()
{
    const RemoteLists lists = CwTest::fetchLists(m_client, RemoteLists::variableKinds());
    RemoteItem item;
    QString error;
    QVERIFY(ServerVariables::validate(QStringLiteral("import_account_status"), QStringLiteral("1"), lists, {}, {},
                                      &item, &error));
    QCOMPARE(item.name, QStringLiteral("Active"));
    QVERIFY(!ServerVariables::validate(QStringLiteral("import_account_status"), QStringLiteral("999"), lists, {}, {},
                                       &item, &error));
    QVERIFY2(error.contains(QLatin1String("import_account_status")) && error.contains(QLatin1String("Fix")),
             qPrintable(error));
    // Laptops (1) is in Computers, not in the chosen Networking category.
    const ConnectorConfig networking =
        configWith({{QStringLiteral("product_category"), QStringLiteral("2"), QStringLiteral("Networking")}});
    QVERIFY(!ServerVariables::validate(QStringLiteral("product_subcategory"), QStringLiteral("1"), lists, networking,
                                       {}, &item, &error));
    QVERIFY(ServerVariables::validate(QStringLiteral("product_subcategory"), QStringLiteral("4"), lists, networking, {},
                                      &item, &error));
    QVERIFY(!ServerVariables::validate(QStringLiteral("product_billable_option"), QStringLiteral("Free"), lists, {}, {},
                                       &item, &error));
    // The payment-method ids are the local system's own: picked from the methods of its payments, nothing else.
    const QStringList methods {QStringLiteral("VISA"), QStringLiteral("cc-7"), QStringLiteral("wire")};
    QVERIFY(ServerVariables::validate(QStringLiteral("credit_card_method_id"), QStringLiteral(" cc-7 "), lists, {},
                                      methods, &item, &error));
    QCOMPARE(item.id, QStringLiteral("cc-7"));
    QVERIFY(!ServerVariables::validate(QStringLiteral("bank_deposit_method_id"), QStringLiteral("11"), lists, {},
                                       methods, &item, &error));
    QVERIFY2(error.contains(QLatin1String("bank_deposit_method_id")) &&
                 error.contains(QLatin1String("VISA, cc-7, wire")),
             qPrintable(error));
    QVERIFY(!ServerVariables::validate(QStringLiteral("bank_deposit_method_id"), QStringLiteral("wire"), lists, {}, {},
                                       &item, &error));
    QVERIFY2(error.contains(QLatin1String("no payment methods yet")), qPrintable(error));
    QVERIFY(
        !ServerVariables::validate(QStringLiteral("company_id"), QStringLiteral("x"), lists, {}, {}, &item, &error));
    QVERIFY(!ServerVariables::validate(QStringLiteral("nonsense"), QStringLiteral("1"), lists, {}, {}, &item, &error));
}

void TestServerVariables::deletedStatusIsStaleAndBlocksAccounts()
{
    const ConnectorConfig config =
        configWith({{QStringLiteral("import_account_status"), QStringLiteral("5"), QStringLiteral("Imported")},
                    {QStringLiteral("sales_representative"), QStringLiteral("101"), QStringLiteral("John Smith")}});
    RemoteLists lists = CwTest::fetchLists(m_client, RemoteLists::variableKinds());
    QVERIFY(ServerVariables::staleVariables(config, lists).isEmpty());

    // The status is deleted in ConnectWise after it was chosen.
    const ApiResult deleted = CwTest::run(m_client, ApiRequest::del(QStringLiteral("company/companies/statuses/5")));
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.message()));

    lists = CwTest::fetchLists(m_client, RemoteLists::variableKinds());
    const QList<StaleVariable> stale = ServerVariables::staleVariables(config, lists);
    QCOMPARE(stale.size(), 1);
    QCOMPARE(stale.first().key, QStringLiteral("import_account_status"));
    QVERIFY2(stale.first().reason.contains(QLatin1String("no longer exists")), qPrintable(stale.first().reason));
    QVERIFY(stale.first().fix.contains(QStringLiteral("Company › Company Status")));

    const QList<SyncBlocker> blockers = ServerVariables::syncBlockers(config, lists, Cw::Entity::Accounts);
    QList<Operation> blocked;
    for (const SyncBlocker& b : blockers) {
        QCOMPARE(b.variable, QStringLiteral("import_account_status"));
        QCOMPARE(b.reason, stale.first().reason);
        blocked.append(b.operation);
    }
    QCOMPARE(blocked, (QList<Operation> {Operation::PullCreate, Operation::PushCreate}));
    // Orders are not blocked by it (the sales representative is fine; only their lines' billable option is unset).
    for (const SyncBlocker& b : ServerVariables::syncBlockers(config, lists, Cw::Entity::Orders)) {
        QCOMPARE(b.variable, QStringLiteral("product_billable_option"));
    }
}

void TestServerVariables::inactiveAndApiMembersAreStale()
{
    const RemoteLists lists = CwTest::fetchLists(m_client, {QLatin1String(RemoteResolver::member)});
    const QList<StaleVariable> inactive = ServerVariables::staleVariables(
        configWith({{QStringLiteral("sales_representative"), QStringLiteral("115"), QStringLiteral("Bob Former")}}),
        lists);
    QCOMPARE(inactive.size(), 1);
    QVERIFY(inactive.first().reason.contains(QLatin1String("inactive")));
    const QList<StaleVariable> api = ServerVariables::staleVariables(
        configWith({{QStringLiteral("sales_representative"), QStringLiteral("113"), QString()}}), lists);
    QCOMPARE(api.size(), 1);
    QVERIFY(api.first().reason.contains(QLatin1String("API member")));
}

void TestServerVariables::statusMadeInactiveIsStale()
{
    const ConnectorConfig config =
        configWith({{QStringLiteral("import_account_status"), QStringLiteral("4"), QStringLiteral("Credit Hold")}});
    QVERIFY(
        ServerVariables::staleVariables(config, CwTest::fetchLists(m_client, RemoteLists::variableKinds())).isEmpty());
    const QJsonDocument patch(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                                       {QStringLiteral("path"), QStringLiteral("inactiveFlag")},
                                                       {QStringLiteral("value"), true}}});
    const ApiResult patched =
        CwTest::run(m_client, ApiRequest::patch(QStringLiteral("company/companies/statuses/4"), patch));
    QVERIFY2(patched.ok(), qPrintable(patched.error.message()));
    const RemoteLists lists = CwTest::fetchLists(m_client, RemoteLists::variableKinds());
    const QList<StaleVariable> stale = ServerVariables::staleVariables(config, lists);
    QCOMPARE(stale.size(), 1);
    QVERIFY2(stale.first().reason.contains(QLatin1String("inactive")), qPrintable(stale.first().reason));
    for (const RemoteItem& item : ServerVariables::choices(QStringLiteral("import_account_status"), lists)) {
        QVERIFY(item.id != QLatin1String("4")); // no longer offered
    }
}

void TestServerVariables::unsetVariableBlocksItsSyncs()
{
    const QList<SyncBlocker> blockers = ServerVariables::syncBlockers({}, {}, Cw::Entity::Orders);
    QCOMPARE(blockers.size(), 4); // their lines need the billable option, they the sales representative
    QCOMPARE(blockers.first().variable, QStringLiteral("product_billable_option"));
    QCOMPARE(blockers.last().variable, QStringLiteral("sales_representative"));
    QVERIFY(blockers.first().reason.contains(QLatin1String("not set")));
    QVERIFY(ServerVariables::syncBlockers({}, {}, Cw::Entity::Users).isEmpty());
}

QTEST_GUILESS_MAIN(TestServerVariables)
#include "tst_servervariables.moc"
