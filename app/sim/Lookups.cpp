#include "app/sim/Lookups.h"

#include "app/sim/JsonWriter.h"

namespace Sim::Lookups {

namespace {

enum Stream : quint64 {
    TypeStream = 101,
    StatusStream,
    CurrencyStream,
    BillingStatusStream,
    ProductTypeStream,
    CategoryStream,
    SubcategoryStream,
    UnitStream,
    OrderStatusStream,
    MemberStream,
};

constexpr qint64 kEpoch2021 = 1609459200; // 2021-01-01T00:00:00Z
constexpr qint64 kEpoch2023 = 1672531200;
constexpr int kThreeYears = 3 * 365 * 24 * 3600;

const LookupRow kCompanyTypes[] = {{1, "Client", 1},     {2, "Prospect", 0}, {3, "Vendor", 2},       {4, "Partner", 0},
                                   {5, "Competitor", 0}, {6, "Reseller", 0}, {7, "Former Client", 0}};
const LookupRow kCompanyStatuses[] = {
    {1, "Active", 1}, {2, "Inactive", 2}, {3, "Not Approved", 0}, {4, "Credit Hold", 0}, {5, "Imported", 0}};
const LookupRow kBillingStatuses[] = {{1, "New", 1},  {2, "Sent", 4},   {3, "Partially Paid", 4},
                                      {4, "Paid", 6}, {5, "Closed", 2}, {6, "Void", 2}};
const LookupRow kProductTypes[] = {{1, "Hardware", 0}, {2, "Software", 0},     {3, "Service", 0},
                                   {4, "License", 0},  {5, "Subscription", 0}, {6, "Labor", 0}};
const LookupRow kCategories[] = {
    {1, "Computers", 0}, {2, "Networking", 0}, {3, "Software", 0}, {4, "Cloud Services", 0}, {5, "Accessories", 0}};
const LookupRow kSubcategories[] = {{1, "Laptops", 1},        {2, "Desktops", 1},  {3, "Servers", 1},
                                    {4, "Switches", 2},       {5, "Firewalls", 2}, {6, "Wireless", 2},
                                    {7, "Productivity", 3},   {8, "Security", 3},  {9, "Backup", 4},
                                    {10, "Microsoft 365", 4}, {11, "Cables", 5},   {12, "Peripherals", 5}};
const LookupRow kUnits[] = {{1, "Each", 1}, {2, "Hour", 0}, {3, "Month", 0},
                            {4, "Year", 0}, {5, "Box", 0},  {6, "User", 0}};
const LookupRow kOrderStatuses[] = {{1, "New", 1},     {2, "Ordered", 0},  {3, "Partially Shipped", 0},
                                    {4, "Shipped", 0}, {5, "Invoiced", 2}, {6, "Cancelled", 2}};
const CurrencyRow kCurrencies[] = {{1, "USD", "$", "US Dollar"},
                                   {2, "EUR", "\xe2\x82\xac", "Euro"},
                                   {3, "GBP", "\xc2\xa3", "British Pound"},
                                   {4, "CAD", "$", "Canadian Dollar"},
                                   {5, "AUD", "$", "Australian Dollar"}};
const MemberRow kMembers[] = {
    {101, "jsmith", "John", "Smith", "Service Manager", 'F', false},
    {102, "mgarcia", "Maria", "Garcia", "Account Manager", 'F', false},
    {103, "dchen", "David", "Chen", "Network Engineer", 'F', false},
    {104, "sobrien", "Sinead", "O'Brien", "Sales Director", 'F', false},
    {105, "akumar", "Anil", "Kumar", "Systems Engineer", 'F', false},
    {106, "lmuller", "Lena", "M\xc3\xbcller", "Project Manager", 'F', false},
    {107, "tjohnson", "Tom", "Johnson", "Technician", 'F', false},
    {108, "ewilson", "Emma", "Wilson", "Account Manager", 'F', false},
    {109, "rnguyen", "Ryan", "Nguyen", "Help Desk Lead", 'F', false},
    {110, "pdubois", "Pierre", "Dubois", "Sales Engineer", 'F', false},
    {111, "kbrown", "Karen", "Brown", "Finance Manager", 'F', false},
    {112, "hsato", "Hiro", "Sato", "Technician", 'F', false},
    {113, "APIIntegration", "API", "Integration", "API Member", 'A', false},
    {114, "SyncAPI", "Sync", "Service", "API Member", 'A', false},
    {115, "bformer", "Bob", "Former", "Technician", 'F', true},
    {116, "cleft", "Carla", "Left", "Account Manager", 'F', true},
};

// One table per list: each accessor below keeps its own static (a static in this template would be
// shared by every list of the same length).
template <std::size_t N>
LookupTable table(const LookupRow (&rows)[N])
{
    return LookupTable {rows, static_cast<int>(N)};
}

QString text(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

template <typename Body>
std::vector<Record> build(const LookupTable& t, quint64 seed, quint64 stream, Body body)
{
    std::vector<Record> records;
    records.reserve(static_cast<std::size_t>(t.size));
    for (int i = 0; i < t.size; ++i) {
        const LookupRow& row = t.at(i);
        SeededRandom random(seed, stream, static_cast<quint64>(row.id));
        Record r;
        r.id = row.id;
        JsonWriter w;
        w.beginObject();
        w.field("id", row.id);
        w.field("name", text(row.name));
        body(w, row, random);
        writeInfo(w, random);
        w.endObject();
        r.json = w.take();
        records.push_back(std::move(r));
    }
    return records;
}

} // namespace

const LookupTable& companyTypes()
{
    static const LookupTable t = table(kCompanyTypes);
    return t;
}
const LookupTable& companyStatuses()
{
    static const LookupTable t = table(kCompanyStatuses);
    return t;
}
const LookupTable& billingStatuses()
{
    static const LookupTable t = table(kBillingStatuses);
    return t;
}
const LookupTable& productTypes()
{
    static const LookupTable t = table(kProductTypes);
    return t;
}
const LookupTable& productCategories()
{
    static const LookupTable t = table(kCategories);
    return t;
}
const LookupTable& productSubcategories()
{
    static const LookupTable t = table(kSubcategories);
    return t;
}
const LookupTable& unitsOfMeasure()
{
    static const LookupTable t = table(kUnits);
    return t;
}
const LookupTable& orderStatuses()
{
    static const LookupTable t = table(kOrderStatuses);
    return t;
}
const CurrencyRow& currency(int index)
{
    return kCurrencies[index];
}
int currencyCount()
{
    return static_cast<int>(std::size(kCurrencies));
}
const MemberRow& member(int index)
{
    return kMembers[index];
}
int memberCount()
{
    return static_cast<int>(std::size(kMembers));
}

const MemberRow& salesRep(SeededRandom& random)
{
    return kMembers[random.bounded(12)]; // the first twelve are the active full members
}

void writeInfo(JsonWriter& w, SeededRandom& random, const char* extraHref, qint64 id)
{
    const qint64 entered = kEpoch2021 + random.bounded(2 * 365 * 24 * 3600);
    const qint64 updated = kEpoch2023 + random.bounded(kThreeYears);
    w.beginObject("_info");
    w.timestamp("lastUpdated", (updated));
    w.field("updatedBy", member(random.bounded(14)).identifier);
    w.timestamp("dateEntered", (entered));
    w.field("enteredBy", member(random.bounded(12)).identifier);
    if (extraHref) {
        w.field(extraHref,
                QStringLiteral("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/") +
                    QString::fromLatin1(extraHref).section(QLatin1Char('_'), 0, 0) + QLatin1Char('/') +
                    QString::number(id));
    }
    w.endObject();
}

void writeCurrencyReference(JsonWriter& w, const char* key, const CurrencyRow& currency)
{
    w.beginObject(key);
    w.field("id", currency.id);
    w.field("symbol", text(currency.symbol));
    w.field("currencyCode", currency.code);
    w.field("currencyIdentifier", currency.code);
    w.field("name", text(currency.name));
    w.endObject();
}

std::vector<Record> companyTypeRecords(quint64 seed)
{
    return build(companyTypes(), seed, TypeStream, [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
        w.field("defaultFlag", (row.extra & 1) != 0);
        w.field("vendorFlag", (row.extra & 2) != 0);
        w.field("serviceAlertFlag", false);
        w.field("serviceAlertMessage", "");
    });
}

std::vector<Record> companyStatusRecords(quint64 seed)
{
    return build(companyStatuses(), seed, StatusStream, [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
        w.field("defaultFlag", (row.extra & 1) != 0);
        w.field("inactiveFlag", (row.extra & 2) != 0);
        w.field("notifyFlag", row.id == 4);
        w.field("disallowSavingFlag", false);
        w.field("notificationMessage", row.id == 4 ? "This company is on credit hold." : "");
        w.field("customNoteFlag", false);
        w.field("cancelOpenTracksFlag", false);
    });
}

std::vector<Record> currencyRecords(quint64 seed)
{
    std::vector<Record> records;
    for (const CurrencyRow& c : kCurrencies) {
        SeededRandom random(seed, CurrencyStream, static_cast<quint64>(c.id));
        Record r;
        r.id = c.id;
        JsonWriter w;
        w.beginObject();
        w.field("id", c.id);
        w.field("currencyIdentifier", c.code);
        w.field("name", text(c.name));
        w.field("symbol", text(c.symbol));
        w.reference("currencyCode", c.id,
                    text(c.code)); // an ISO code of ConnectWise's list; the code is the identifier
        w.field("decimalSeparator", c.id == 2 ? "," : ".");
        w.field("thousandsSeparator", c.id == 2 ? "." : ",");
        w.field("numberOfDecimals", 2);
        w.field("negativeParenthesesFlag", false);
        w.field("displaySymbolFlag", true);
        w.field("displayIdFlag", c.id != 1);
        w.field("rightAlign", c.id == 2);
        writeInfo(w, random);
        w.endObject();
        r.json = w.take();
        records.push_back(std::move(r));
    }
    return records;
}

std::vector<Record> billingStatusRecords(quint64 seed)
{
    return build(billingStatuses(), seed, BillingStatusStream, [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
        w.field("sortOrder", row.id);
        w.field("defaultFlag", (row.extra & 1) != 0);
        w.field("closedFlag", (row.extra & 2) != 0);
        w.field("inactiveFlag", false);
        w.field("sentFlag", (row.extra & 4) != 0);
    });
}

std::vector<Record> productTypeRecords(quint64 seed)
{
    return build(productTypes(), seed, ProductTypeStream, [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
        w.field("inactiveFlag", false);
        w.field("typeXref",
                row.id == 3 || row.id == 6 ? "Service" : (row.id == 1 ? "InventoryPart" : "NonInventoryPart"));
        w.field("defaultFlag", row.id == 1);
    });
}

std::vector<Record> productCategoryRecords(quint64 seed)
{
    return build(productCategories(), seed, CategoryStream, [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
        w.field("inactiveFlag", false);
        w.field("defaultFlag", row.id == 1);
    });
}

std::vector<Record> productSubcategoryRecords(quint64 seed)
{
    return build(productSubcategories(), seed, SubcategoryStream,
                 [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
                     const LookupRow& category = kCategories[row.extra - 1];
                     w.reference("category", category.id, text(category.name), "procurement/categories");
                     w.field("inactiveFlag", false);
                 });
}

std::vector<Record> unitOfMeasureRecords(quint64 seed)
{
    return build(unitsOfMeasure(), seed, UnitStream, [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
        w.field("inactiveFlag", false);
        w.field("defaultFlag", row.extra == 1);
    });
}

std::vector<Record> orderStatusRecords(quint64 seed)
{
    return build(orderStatuses(), seed, OrderStatusStream, [](JsonWriter& w, const LookupRow& row, SeededRandom&) {
        w.field("defaultFlag", (row.extra & 1) != 0);
        w.field("closedFlag", (row.extra & 2) != 0);
        w.field("inactiveFlag", false);
        w.field("sortOrder", row.id);
    });
}

std::vector<Record> memberRecords(quint64 seed)
{
    std::vector<Record> records;
    for (const MemberRow& m : kMembers) {
        SeededRandom random(seed, MemberStream, static_cast<quint64>(m.id));
        const bool api = m.licenseClass == 'A';
        const QString email = QString::fromLatin1(m.identifier).toLower() + QStringLiteral("@simulated-msp.example");
        Record r;
        r.id = m.id;
        JsonWriter w;
        w.beginObject();
        w.field("id", m.id);
        w.field("identifier", m.identifier);
        w.field("disableOnlineFlag", api);
        w.field("licenseClass", QString(QLatin1Char(m.licenseClass)));
        w.field("inactiveFlag", m.inactive);
        if (m.inactive) {
            w.timestamp("inactiveDate", (kEpoch2023 + random.bounded(365 * 24 * 3600)));
        }
        w.field("firstName", text(m.firstName));
        w.field("lastName", text(m.lastName));
        w.timestamp("hireDate", (kEpoch2021 - random.bounded(8 * 365) * 24 * 3600));
        w.field("officeEmail", email);
        w.field("defaultEmail", "Office");
        w.field("primaryEmail", email);
        w.field("officePhone", QStringLiteral("555-01%1").arg(m.id % 100, 2, 10, QLatin1Char('0')));
        w.field("defaultPhone", "Office");
        w.reference("securityRole", api ? 9 : (m.id == 101 ? 1 : 3),
                    api ? QStringLiteral("API Role")
                        : (m.id == 101 ? QStringLiteral("Admin") : QStringLiteral("Technician")));
        w.field("adminFlag", m.id == 101);
        w.field("title", text(m.title));
        w.reference("type", api ? 2 : 1, api ? QStringLiteral("API") : QStringLiteral("Employee"));
        w.reference("timeZone", 1, QStringLiteral("Eastern Standard Time"));
        w.reference("defaultLocation", 2, QStringLiteral("Tampa Office"));
        w.reference("defaultDepartment", 10, QStringLiteral("Services"));
        w.money("dailyCapacity", 8.0);
        w.money("hourlyCost", random.amount(35, 90));
        w.money("hourlyRate", random.amount(95, 220));
        if (!api) {
            w.timestamp("lastLogin", (kEpoch2023 + random.bounded(kThreeYears)));
        }
        writeInfo(w, random);
        w.endObject();
        r.json = w.take();
        records.push_back(std::move(r));
    }
    return records;
}

} // namespace Sim::Lookups
