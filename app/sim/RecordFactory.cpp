#include "app/sim/RecordFactory.h"

#include "app/sim/Countries.h"
#include "app/sim/JsonWriter.h"
#include "app/sim/Lookups.h"
#include "app/sim/SeedTables.h"

namespace Sim::RecordFactory {

namespace {

enum Stream : quint64 {
    CompanyStream = 1,
    CompanyNameStream,
    CatalogStream,
    InvoiceStream,
    OrderStream,
};

constexpr qint64 kEpoch2023 = 1672531200;
constexpr int kDay = 24 * 3600;

QString utf8(const char* s)
{
    return QString::fromUtf8(s);
}

void writeCurrency(JsonWriter& w, int index)
{
    Lookups::writeCurrencyReference(w, "currency", Lookups::currency(index));
}

int currencyIndexFor(SeededRandom& random)
{
    return random.chance(85) ? 0 : 1 + random.bounded(Lookups::currencyCount() - 1);
}

// A company reference: its identifier and name derive from (seed, id) alone.
struct CompanyRef
{
    qint64 id;
    QString identifier;
    QString name;

    CompanyRef(quint64 seed, qint64 companyId)
        : id(companyId), identifier(companyIdentifier(seed, companyId)), name(companyName(seed, companyId))
    { }
    void write(JsonWriter& w, const char* key) const { w.companyReference(key, id, identifier, name); }
};

void writeMemberRef(JsonWriter& w, const char* key, const MemberRow& m)
{
    w.beginObject(key);
    w.field("id", m.id);
    w.field("identifier", m.identifier);
    w.field("name", utf8(m.firstName) + QLatin1Char(' ') + utf8(m.lastName));
    w.endObject();
}

template <typename Body>
std::vector<Record> generate(int count, Body body)
{
    std::vector<Record> records;
    records.reserve(static_cast<std::size_t>(qMax(0, count)));
    JsonWriter w; // reused: its buffer keeps its capacity between records
    for (int i = 1; i <= count; ++i) {
        Record r;
        r.id = i;
        body(w, static_cast<qint64>(i));
        r.json = w.take();
        records.push_back(std::move(r));
    }
    return records;
}

} // namespace

QString companyName(quint64 seed, qint64 id)
{
    SeededRandom random(seed, CompanyNameStream, static_cast<quint64>(id));
    const char* first = random.pick(kNameFirst);
    const char* second = random.pick(kNameSecond);
    const char* suffix = random.pick(kNameSuffix);
    return utf8(first) + QLatin1Char(' ') + utf8(second) + QLatin1Char(' ') + utf8(suffix) + QStringLiteral(" #") +
        QString::number(id);
}

QString companyIdentifier(quint64 seed, qint64 id)
{
    SeededRandom random(seed, CompanyNameStream, static_cast<quint64>(id));
    QString first = utf8(random.pick(kNameFirst));
    first.remove(QLatin1Char(' ')).remove(QLatin1Char('\''));
    const QString second = utf8(random.pick(kNameSecond)).left(4);
    const QString stem = first + second;
    return stem.left(18) + QString::number(id);
}

std::vector<Record> companies(quint64 seed, int count)
{
    return generate(count, [seed](JsonWriter& w, qint64 id) {
        SeededRandom random(seed, CompanyStream, static_cast<quint64>(id));
        const City& city = random.pick(kCities);
        const LookupRow& status =
            random.chance(85) ? Lookups::companyStatuses().at(0) : Lookups::companyStatuses().pick(random);
        const LookupRow& type =
            random.chance(70) ? Lookups::companyTypes().at(0) : Lookups::companyTypes().pick(random);
        const CompanyRef self(seed, id);
        const QString& identifier = self.identifier;
        const QString domain = identifier.toLower() + QStringLiteral(".example");
        w.beginObject();
        w.field("id", id);
        w.field("identifier", identifier);
        w.field("name", self.name);
        w.reference("status", status.id, utf8(status.name), "company/companies/statuses");
        const int houseNumber = random.range(1, 9999);
        const char* street = random.pick(kStreets);
        w.field("addressLine1", QString::number(houseNumber) + QLatin1Char(' ') + utf8(street));
        if (random.chance(30)) {
            w.field("addressLine2", QStringLiteral("Suite ") + QString::number(random.range(100, 900)));
        }
        w.field("city", city.city);
        w.field("state", city.state);
        w.field("zip", city.zip);
        Countries::writeReference(w, "country", Countries::at(0)); // the seeded addresses are in the US
        w.field("phoneNumber", QStringLiteral("555%1").arg(random.range(1000000, 9999999)));
        w.field("faxNumber", "");
        w.field("website", QStringLiteral("https://www.") + domain);
        const int territory = random.range(1, 4);
        w.reference("territory", territory, QStringLiteral("Territory %1").arg(territory));
        w.reference("market", random.range(1, 6), QStringLiteral("Small Business"));
        w.field("accountNumber", QStringLiteral("ACC-%1").arg(id, 6, 10, QLatin1Char('0')));
        w.reference("defaultContact", id * 10 + 1, QStringLiteral("Primary Contact %1").arg(id));
        w.timestamp("dateAcquired", (kEpoch2023 - random.bounded(3000) * kDay));
        w.money("annualRevenue", random.amount(50000, 25000000));
        w.field("numberOfEmployees", random.range(2, 2500));
        w.reference("timeZoneSetup", 1, QStringLiteral("Eastern Standard Time"));
        w.field("leadFlag", type.id == 2);
        w.field("unsubscribeFlag", random.chance(5));
        w.field("userDefinedField1", random.chance(50) ? QStringLiteral("Managed") : QString());
        const int taxGroup = random.range(1, 3);
        w.reference("taxCode", taxGroup, QStringLiteral("Tax Group %1").arg(taxGroup));
        w.reference("billingTerms", 1, QStringLiteral("Net 30 days"));
        self.write(w, "billToCompany");
        w.reference("billingSite", id * 10, QStringLiteral("Main"));
        w.reference("invoiceDeliveryMethod", 1, QStringLiteral("Mail"));
        w.field("invoiceToEmailAddress", QStringLiteral("billing@") + domain);
        w.field("deletedFlag", false);
        w.field("mobileGuid",
                QStringLiteral("%1-0000-4000-8000-%2")
                    .arg(random.next() & 0xffffffffULL, 8, 16, QLatin1Char('0'))
                    .arg(random.next() & 0xffffffffffffULL, 12, 16, QLatin1Char('0')));
        writeCurrency(w, currencyIndexFor(random));
        w.field("isVendorFlag", type.id == 3);
        w.beginArray("types");
        w.beginObject();
        w.field("id", type.id);
        w.field("name", type.name);
        w.endObject();
        w.endArray();
        w.reference("site", id * 10, QStringLiteral("Main"));
        w.beginArray("integratorTags");
        w.endArray();
        Lookups::writeInfo(w, random);
        w.beginArray("customFields");
        w.beginObject();
        w.field("id", 1);
        w.field("caption", "Customer Tier");
        w.field("type", "Text");
        w.field("entryMethod", "List");
        w.field("numberOfDecimals", 0);
        w.field("value", random.chance(20) ? "Gold" : (random.chance(50) ? "Silver" : "Bronze"));
        w.endObject();
        w.endArray();
        w.endObject();
    });
}

std::vector<Record> catalogItems(quint64 seed, int count, int companyCount)
{
    return generate(count, [seed, companyCount](JsonWriter& w, qint64 id) {
        SeededRandom random(seed, CatalogStream, static_cast<quint64>(id));
        const int product = random.bounded(static_cast<int>(std::size(kProducts)));
        const LookupRow& sub = Lookups::productSubcategories().at(product);
        const LookupRow& category = Lookups::productCategories().at(sub.extra - 1);
        const LookupRow& type = Lookups::productTypes().at(product >= 6 ? 3 : 0);
        const char* maker = random.pick(kManufacturers);
        const double cost = random.amount(5, 3000);
        const double price = static_cast<double>(qRound64(cost * (1.15 + random.bounded(40) / 100.0) * 100)) / 100.0;
        const QString description = utf8(maker) + QLatin1Char(' ') + utf8(kProducts[product]);
        w.beginObject();
        w.field("id", id);
        w.field("identifier", QStringLiteral("SKU-%1").arg(id, 6, 10, QLatin1Char('0')));
        w.field("description", description);
        w.field("inactiveFlag", random.chance(4));
        w.reference("subcategory", sub.id, utf8(sub.name), "procurement/subcategories");
        w.reference("type", type.id, utf8(type.name), "procurement/types");
        w.field("productClass", product >= 6 ? "NonInventory" : "Inventory");
        w.field("serializedFlag", product < 6);
        w.field("serializedCostFlag", false);
        w.field("phaseProductFlag", false);
        const LookupRow& unit = Lookups::unitsOfMeasure().at(product >= 6 ? 2 : 0);
        w.reference("unitOfMeasure", unit.id, utf8(unit.name), "procurement/unitOfMeasures");
        w.field("minStockLevel", product < 6 ? random.range(0, 10) : 0);
        w.money("price", price);
        w.money("cost", cost);
        w.field("priceAttribute", "FixedFee");
        w.field("taxableFlag", product < 6);
        w.field("dropShipFlag", random.chance(20));
        w.field("specialOrderFlag", false);
        w.field("customerDescription", description);
        w.reference("manufacturer", random.range(1, 8), utf8(maker));
        w.field("manufacturerPartNumber",
                QStringLiteral("MPN-%1").arg(random.next() % 1000000, 6, 10, QLatin1Char('0')));
        CompanyRef(seed, companyCount > 0 ? 1 + random.bounded(companyCount) : 1).write(w, "vendor");
        w.field("vendorSku", QStringLiteral("V%1").arg(random.next() % 100000));
        w.field("notes", "");
        w.field("recurringFlag", product >= 9);
        w.money("recurringRevenue", product >= 9 ? price : 0.0);
        w.money("recurringCost", product >= 9 ? cost : 0.0);
        w.field("recurringOneTimeFlag", false);
        w.field("recurringCycleType", "ContractYear");
        w.field("calculatedPriceFlag", false);
        w.field("calculatedCostFlag", false);
        w.reference("category", category.id, utf8(category.name), "procurement/categories");
        w.money("calculatedPrice", price);
        w.money("calculatedCost", cost);
        Lookups::writeInfo(w, random);
        w.endObject();
    });
}

void invoicesAndPayments(quint64 seed, int count, int companyCount, std::vector<Record>* invoices,
                         std::vector<Record>* payments)
{
    payments->clear();
    qint64 paymentId = 0;
    *invoices = generate(count, [&](JsonWriter& w, qint64 id) {
        SeededRandom random(seed, InvoiceStream, static_cast<quint64>(id));
        const qint64 companyId = companyCount > 0 ? 1 + random.bounded(companyCount) : 1;
        const char* type = random.pick(kInvoiceTypes);
        const double product = random.amount(0, 8000);
        const double service = random.amount(0, 4000);
        const double subtotal = product + service;
        const double tax = static_cast<double>(qRound64(product * 0.07 * 100)) / 100.0;
        const double total = subtotal + tax;
        const int paidState = random.bounded(3); // 0 unpaid, 1 partly, 2 fully
        const double paid =
            paidState == 2 ? total : (paidState == 1 ? static_cast<double>(qRound64(total * 50)) / 100.0 : 0.0);
        const LookupRow& status = Lookups::billingStatuses().at(paidState == 2 ? 3 : (paidState == 1 ? 2 : 1));
        const qint64 date = kEpoch2023 + random.bounded(3 * 365) * kDay;
        const QString invoiceNumber = QString::number(100000 + id);
        w.beginObject();
        w.field("id", id);
        w.field("invoiceNumber", invoiceNumber);
        w.field("type", type);
        w.reference("status", status.id, utf8(status.name), "finance/billingStatuses");
        const CompanyRef company(seed, companyId);
        company.write(w, "company");
        company.write(w, "billToCompany");
        company.write(w, "shipToCompany");
        w.field("applyToType", "All");
        w.field("attention", QStringLiteral("Accounts Payable"));
        w.reference("billingSite", companyId * 10, QStringLiteral("Main"));
        w.reference("billingTerms", 1, QStringLiteral("Net 30 days"));
        w.field("reference", "");
        w.field("customerPO", random.chance(40) ? QStringLiteral("PO-%1").arg(random.range(1000, 99999)) : QString());
        w.timestamp("date", (date));
        w.timestamp("dueDate", (date + 30 * kDay));
        w.field("locationId", 2);
        w.field("departmentId", 10);
        w.field("taxableFlag", tax > 0);
        w.reference("taxCode", 1, QStringLiteral("Tax Group 1"));
        w.money("serviceTotal", service);
        w.money("expenseTotal", 0.0);
        w.money("productTotal", product);
        w.money("subtotal", subtotal);
        w.money("salesTax", tax);
        w.money("total", total);
        w.money("payments", paid);
        w.money("credits", 0.0);
        w.money("balance", total - paid);
        writeCurrency(w, 0);
        w.field("specialInvoiceFlag", false);
        Lookups::writeInfo(w, random);
        w.endObject();
        if (paid > 0) {
            Record p;
            p.id = ++paymentId;
            JsonWriter pw;
            pw.beginObject();
            pw.field("id", p.id);
            pw.field("type", "Payment");
            pw.beginObject("invoice");
            pw.field("id", id);
            pw.field("identifier", invoiceNumber);
            pw.field("billingType", type);
            pw.field("applyToType", "All");
            pw.endObject();
            pw.money("amount", paid);
            pw.timestamp("paymentDate", (date + random.range(1, 40) * kDay));
            pw.field("appliedBy", Lookups::member(10).identifier);
            Lookups::writeInfo(pw, random);
            pw.endObject();
            p.json = pw.take();
            payments->push_back(std::move(p));
        }
    });
}

std::vector<Record> salesOrders(quint64 seed, int count, int companyCount)
{
    return generate(count, [seed, companyCount](JsonWriter& w, qint64 id) {
        SeededRandom random(seed, OrderStream, static_cast<quint64>(id));
        const qint64 companyId = companyCount > 0 ? 1 + random.bounded(companyCount) : 1;
        const LookupRow& status = Lookups::orderStatuses().pick(random);
        const MemberRow& rep = Lookups::salesRep(random);
        const qint64 date = kEpoch2023 + random.bounded(3 * 365) * kDay;
        const double subTotal = random.amount(100, 20000);
        const double tax = static_cast<double>(qRound64(subTotal * 0.07 * 100)) / 100.0;
        w.beginObject();
        w.field("id", id);
        const CompanyRef company(seed, companyId);
        company.write(w, "company");
        w.reference("contact", companyId * 10 + 1, QStringLiteral("Primary Contact %1").arg(companyId));
        w.field("phone", QStringLiteral("555%1").arg(random.range(1000000, 9999999)));
        w.field("email", QStringLiteral("orders@") + company.identifier.toLower() + QStringLiteral(".example"));
        w.reference("site", companyId * 10, QStringLiteral("Main"));
        w.reference("status", status.id, utf8(status.name), "sales/orders/statuses");
        w.timestamp("orderDate", (date));
        w.timestamp("dueDate", (date + 14 * kDay));
        w.reference("billingTerms", 1, QStringLiteral("Net 30 days"));
        w.reference("taxCode", 1, QStringLiteral("Tax Group 1"));
        w.field("poNumber", QStringLiteral("PO-%1").arg(random.range(1000, 99999)));
        w.reference("location", 2, QStringLiteral("Tampa Office"));
        w.reference("department", 20, QStringLiteral("Sales"));
        writeMemberRef(w, "salesRep", rep);
        w.field("notes", "");
        w.field("billClosedFlag", false);
        w.field("billShippedFlag", false);
        w.field("restrictDownpaymentFlag", false);
        w.field("description", QStringLiteral("Order %1").arg(id));
        w.field("topCommentFlag", false);
        w.field("bottomCommentFlag", false);
        company.write(w, "billToCompany");
        company.write(w, "shipToCompany");
        w.beginArray("productIds");
        w.endArray();
        w.beginArray("invoiceIds");
        w.endArray();
        w.money("subTotal", subTotal);
        w.money("taxTotal", tax);
        w.money("total", subTotal + tax);
        writeCurrency(w, currencyIndexFor(random));
        Lookups::writeInfo(w, random);
        w.endObject();
    });
}

} // namespace Sim::RecordFactory
