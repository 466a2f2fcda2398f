#include "core/config/LookupTables.h"
#include "core/config/RemoteResolver.h"
#include "core/config/UserMappings.h"
#include "core/localdata/CsvImport.h"
#include "core/store/Database.h"
#include "tests/support/SimFixture.h"
#include "tests/support/TestDatabase.h"

#include <QBuffer>

using namespace Cw;

// Lookup tables and user mapping on tricky data (case, accents, whitespace, an inactive member with the
// matching e-mail, two members with the same name) against the simulator's live lists.
class TestMappingTables final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void autoMapLookupsOnTrickyValues();
    void countriesMapByNameOrIsoCode();
    void fixedInvoiceTypesFromTheSpec();
    void emptyListSaysWhichTableToCustomise();
    void resolveByIdNameOrCode();
    void autoMatchUsersOnTrickyData();
    void twoMembersWithTheSameNameAreAmbiguous();
    void mappedMemberThatBecameInactiveIsFlagged();

private:
    CwTest::SimProcess m_sim;
    RemoteLists m_lists;
};

void TestMappingTables::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    ApiClient* client = CwTest::simClient(m_sim.baseUrl(), this);
    ApiError error;
    m_lists = CwTest::fetchLists(
        client, RemoteLists::lookupKinds() + QStringList {QLatin1String(RemoteResolver::member)}, &error);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
}

void TestMappingTables::autoMapLookupsOnTrickyValues()
{
    ConnectorConfig config;
    config.lookups.append({QStringLiteral("account_type"), QStringLiteral("Partner"), QStringLiteral("6"),
                           QStringLiteral("Reseller")}); // set by hand: kept
    const QList<LookupRow> rows = LookupTables::rows(
        QStringLiteral("account_type"),
        {QStringLiteral("  CLIENT "), QStringLiteral("véndor"), QStringLiteral("Wholesale"), QStringLiteral("Partner")},
        config);
    QCOMPARE(rows.size(), 4);
    const QList<LookupRow> mapped = LookupTables::autoMap(QStringLiteral("account_type"), rows, m_lists);
    QHash<QString, LookupRow> byLocal;
    for (const LookupRow& r : mapped) {
        byLocal.insert(r.localValue, r);
    }
    QCOMPARE(byLocal.value(QStringLiteral("  CLIENT ")).remoteName, QStringLiteral("Client"));
    QVERIFY(byLocal.value(QStringLiteral("  CLIENT ")).confidence >= 60);
    QCOMPARE(byLocal.value(QStringLiteral("véndor")).remoteId, QStringLiteral("3"));
    QVERIFY(!byLocal.value(QStringLiteral("Wholesale")).mapped()); // never guessed
    QCOMPARE(byLocal.value(QStringLiteral("Partner")).remoteId, QStringLiteral("6")); // manual mapping kept
    QCOMPARE(byLocal.value(QStringLiteral("Partner")).confidence, -1);

    // Currencies map by ISO code (currencyIdentifier), or by name.
    const QList<LookupRow> currencies = LookupTables::autoMap(
        QStringLiteral("currency"),
        LookupTables::rows(QStringLiteral("currency"), {QStringLiteral("eur "), QStringLiteral("british pound")}, {}),
        m_lists);
    QCOMPARE(currencies.at(0).localValue, QStringLiteral("british pound")); // rows are sorted
    QCOMPARE(currencies.at(0).remoteId, QStringLiteral("3"));
    QCOMPARE(currencies.at(1).remoteId, QStringLiteral("2"));
    QCOMPARE(currencies.at(1).confidence, 100);
    // Unit type -> product subcategory.
    const QList<LookupRow> units = LookupTables::autoMap(
        QStringLiteral("unit_type"), LookupTables::rows(QStringLiteral("unit_type"), {QStringLiteral("LAPTOPS")}, {}),
        m_lists);
    QCOMPARE(units.first().remoteName, QStringLiteral("Laptops"));
}

void TestMappingTables::countriesMapByNameOrIsoCode()
{
    // The simulator's country list (company/countries): name and countryCode, as ConnectWise has them.
    QCOMPARE(m_lists.find(QLatin1String(RemoteResolver::country), QStringLiteral("5"))->code, QStringLiteral("DE"));
    const QList<LookupRow> rows = LookupTables::autoMap(
        QStringLiteral("country"),
        LookupTables::rows(QStringLiteral("country"),
                           {QStringLiteral("de"), QStringLiteral(" Germany"), QStringLiteral("UNITED STATES"),
                            QStringLiteral("GB"), QStringLiteral("Atlantis")},
                           {}),
        m_lists);
    QHash<QString, LookupRow> byLocal;
    for (const LookupRow& r : rows) {
        byLocal.insert(r.localValue, r);
    }
    QCOMPARE(byLocal.value(QStringLiteral("de")).remoteId, QStringLiteral("5"));
    QCOMPARE(byLocal.value(QStringLiteral("de")).remoteName, QStringLiteral("Germany"));
    QCOMPARE(byLocal.value(QStringLiteral(" Germany")).remoteId, QStringLiteral("5"));
    QCOMPARE(byLocal.value(QStringLiteral("UNITED STATES")).remoteId, QStringLiteral("1"));
    QCOMPARE(byLocal.value(QStringLiteral("GB")).remoteName, QStringLiteral("United Kingdom"));
    QVERIFY(!byLocal.value(QStringLiteral("Atlantis")).mapped()); // never guessed
    QVERIFY(!byLocal.value(QStringLiteral("de")).ambiguous); // its name and its code are one value
    // By hand: by id, name or code; the title names the table.
    RemoteItem item;
    QString error;
    QVERIFY(LookupTables::resolve(QStringLiteral("country"), QStringLiteral("ie"), m_lists, &item, &error));
    QCOMPARE(item.name, QStringLiteral("Ireland"));
    QCOMPARE(LookupTables::title(QStringLiteral("country")), QStringLiteral("Country → country"));
    QCOMPARE(RemoteLists::setupTableFor(QLatin1String(RemoteResolver::country)), QStringLiteral("Company › Country"));
}

void TestMappingTables::fixedInvoiceTypesFromTheSpec()
{
    QStringList names;
    for (const RemoteItem& i : LookupTables::choices(QStringLiteral("invoice_type"), m_lists)) {
        names.append(i.id);
    }
    // Invoice.type's enum in the 2026.4 OpenAPI subset.
    for (const char* value : {"Agreement", "CreditMemo", "DownPayment", "Miscellaneous", "Progress", "Standard"}) {
        QVERIFY2(names.contains(QLatin1String(value)), value);
    }
    const QList<LookupRow> rows = LookupTables::autoMap(
        QStringLiteral("invoice_type"),
        LookupTables::rows(QStringLiteral("invoice_type"), {QStringLiteral("standard")}, {}), m_lists);
    QCOMPARE(rows.first().remoteId, QStringLiteral("Standard"));
}

void TestMappingTables::emptyListSaysWhichTableToCustomise()
{
    QVERIFY(LookupTables::emptyListFix(QStringLiteral("order_stage"), m_lists).isEmpty());
    RemoteLists empty;
    empty.set(QLatin1String(RemoteResolver::orderStatus), {});
    const QString fix = LookupTables::emptyListFix(QStringLiteral("order_stage"), empty);
    QVERIFY2(fix.contains(QStringLiteral("Sales › Order Status")), qPrintable(fix));
    // Not fetched is not "empty".
    QVERIFY(LookupTables::emptyListFix(QStringLiteral("order_stage"), RemoteLists()).isEmpty());
}

void TestMappingTables::resolveByIdNameOrCode()
{
    RemoteItem item;
    QString error;
    QVERIFY(LookupTables::resolve(QStringLiteral("currency"), QStringLiteral("2"), m_lists, &item, &error));
    QCOMPARE(item.name, QStringLiteral("Euro"));
    QVERIFY(LookupTables::resolve(QStringLiteral("currency"), QStringLiteral("gbp"), m_lists, &item, &error));
    QCOMPARE(item.id, QStringLiteral("3"));
    // "New" is 1 in the simulator's order statuses (and, through a simulator bug, its billing statuses too).
    QVERIFY2(LookupTables::resolve(QStringLiteral("order_stage"), QStringLiteral(" new"), m_lists, &item, &error),
             qPrintable(error));
    QCOMPARE(item.id, QStringLiteral("1"));
    QVERIFY(!LookupTables::resolve(QStringLiteral("order_stage"), QStringLiteral("99"), m_lists, &item, &error));
    QVERIFY2(error.contains(QLatin1String("order_stage")) && error.contains(QLatin1String("New (1)")),
             qPrintable(error));
    QString lookup;
    QString local;
    QString remote;
    QVERIFY(LookupTables::parseSetting(QStringLiteral("currency:EUR=2"), &lookup, &local, &remote, &error));
    QCOMPARE(local, QStringLiteral("EUR"));
    QVERIFY(!LookupTables::parseSetting(QStringLiteral("colour:red=1"), &lookup, &local, &remote, &error));
}

void TestMappingTables::autoMatchUsersOnTrickyData()
{
    CwTest::TestDatabase backend;
    QString error;
    QVERIFY2(backend.init(&error), qPrintable(error));
    Database db(backend.fresh(&error));
    StoreError storeError;
    QVERIFY2(db.open(&storeError), qPrintable(storeError.message));
    QByteArray csv = "id,name,email\n"
                     "u1,J. Smith, JSmith@Simulated-MSP.example \n"
                     "u2,  lena   MULLER,\n"
                     "u3,Robert F,bformer@simulated-msp.example\n"
                     "u4,Nobody Here,nobody@example.org\n";
    QBuffer buffer(&csv);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const CsvImport::Result imported =
        CsvImport(db).importDevice(*LocalSchema::entity(QStringLiteral("users")), &buffer);
    QVERIFY2(imported.imported, qPrintable(imported.describe()));

    const QList<LocalUser> users = UserMappings::localUsers(db, &storeError);
    QCOMPARE(users.size(), 4);
    const QList<UserRow> rows = UserMappings::autoMatch(UserMappings::rows(users, {}, m_lists), m_lists);
    QCOMPARE(rows.at(0).memberId, QStringLiteral("101")); // e-mail, case and spaces ignored
    QCOMPARE(rows.at(0).matchBy, QStringLiteral("email"));
    QCOMPARE(rows.at(0).confidence, 100);
    QVERIFY(!rows.at(0).confirmed); // the admin confirms
    QCOMPARE(rows.at(1).memberId, QStringLiteral("106")); // Lena Müller by name
    QCOMPARE(rows.at(1).matchBy, QStringLiteral("name"));
    QVERIFY(!rows.at(2).mapped()); // the e-mail belongs to an inactive member: never suggested
    QVERIFY(!rows.at(3).mapped());
    QVERIFY(!rows.at(3).note.isEmpty());

    const UserMapping mapping = UserMappings::toMapping(rows.at(0), m_lists, true);
    QCOMPARE(mapping.memberIdentifier, QStringLiteral("jsmith"));
    QCOMPARE(mapping.matchBy, UserMapping::MatchBy::Email);
    QVERIFY(mapping.confirmed);
}

void TestMappingTables::twoMembersWithTheSameNameAreAmbiguous()
{
    RemoteLists lists;
    QList<RemoteItem> members;
    for (int id : {201, 202}) {
        RemoteItem item;
        item.id = QString::number(id);
        item.member.id = id;
        item.member.identifier = QStringLiteral("akim%1").arg(id);
        item.member.firstName = QStringLiteral("Alex");
        item.member.lastName = QStringLiteral("Kim");
        item.member.licenseClass = QStringLiteral("F");
        item.name = item.member.fullName();
        members.append(item);
    }
    lists.set(QLatin1String(RemoteResolver::member), members);
    const QList<UserRow> rows = UserMappings::autoMatch(
        UserMappings::rows({{QStringLiteral("u9"), QStringLiteral("alex KIM"), QString()}}, {}, lists), lists);
    QVERIFY(!rows.first().mapped());
    QVERIFY(rows.first().ambiguous);
}

void TestMappingTables::mappedMemberThatBecameInactiveIsFlagged()
{
    ConnectorConfig config;
    config.userMappings.append({QStringLiteral("u3"), QStringLiteral("115"), QStringLiteral("bformer"),
                                UserMapping::MatchBy::Manual, 100, true});
    const QList<UserRow> rows =
        UserMappings::rows({{QStringLiteral("u3"), QStringLiteral("Bob"), QString()}}, config, m_lists);
    QVERIFY2(rows.first().note.contains(QLatin1String("inactive")), qPrintable(rows.first().note));
    RemoteItem item;
    QString error;
    QVERIFY(!UserMappings::validateMember(QStringLiteral("115"), m_lists, &item, &error));
    QVERIFY(!UserMappings::validateMember(QStringLiteral("113"), m_lists, &item, &error));
    QVERIFY(!UserMappings::validateMember(QStringLiteral("999"), m_lists, &item, &error));
    QVERIFY(UserMappings::validateMember(QStringLiteral("102"), m_lists, &item, &error));
}

QTEST_GUILESS_MAIN(TestMappingTables)
#include "tst_mappingtables.moc"
