#include "app/sim/Dataset.h"

#include "app/sim/Countries.h"
#include "app/sim/Lookups.h"
#include "app/sim/RecordFactory.h"

namespace Sim {

namespace {

CollectionSpec spec(const char* path, const char* resource, const char* model, QStringList alsoRequired = {},
                    const char* uniqueField = nullptr, bool writable = true)
{
    return CollectionSpec {QLatin1String(path),
                           QLatin1String(resource),
                           QLatin1String(model),
                           std::move(alsoRequired),
                           uniqueField ? QLatin1String(uniqueField) : QString(),
                           writable,
                           {}};
}

} // namespace

Dataset::Dataset(int records, quint64 seed) : m_records(records), m_seed(seed), m_ledger(*this)
{
    build();
}

void Dataset::build()
{
    m_ledger.forget();
    m_collections.clear();
    m_invoicesMade = false;
    m_pendingPayments.clear();
    const quint64 seed = m_seed;
    const int n = m_records;
    auto add = [this](CollectionSpec spec, Collection::Generator generator) {
        const QString path = spec.path;
        m_collections[path] = std::make_unique<Collection>(std::move(spec), std::move(generator));
    };
    auto lookup = [&add](const char* path, const char* resource, const char* model, auto generator) {
        add(spec(path, resource, model, {}, "name"), generator);
    };
    add(spec("system/members", "member", "Member", {}, "identifier", false),
        [seed] { return Lookups::memberRecords(seed); });
    // ConnectWise refuses a company without a site (connectwise-api.md §6) or without an address (ModelGate).
    add(spec("company/companies", "company", "Company", {QStringLiteral("site")}, "identifier"),
        [seed, n] { return RecordFactory::companies(seed, n); });
    lookup("company/companies/types", "companyType", "CompanyType",
           [seed] { return Lookups::companyTypeRecords(seed); });
    lookup("company/companies/statuses", "companyStatus", "CompanyStatus",
           [seed] { return Lookups::companyStatusRecords(seed); });
    lookup("company/countries", "country", "Country", [seed] { return Countries::records(seed); });
    add(spec("finance/currencies", "currency", "Finance.Currency", {}, "currencyIdentifier"),
        [seed] { return Lookups::currencyRecords(seed); });
    lookup("finance/billingStatuses", "billingStatus", "BillingStatus",
           [seed] { return Lookups::billingStatusRecords(seed); });
    add(spec("finance/invoices", "invoice", "Invoice", {QStringLiteral("company")}, "invoiceNumber"), [this] {
        makeInvoices();
        std::vector<Record> invoices;
        std::swap(invoices, m_pendingInvoices);
        return invoices;
    });
    add(spec("procurement/catalog", "catalogItem", "CatalogItem",
             {QStringLiteral("subcategory"), QStringLiteral("type")}, "identifier"),
        [seed, n] { return RecordFactory::catalogItems(seed, n, n); });
    lookup("procurement/types", "productType", "ProductType", [seed] { return Lookups::productTypeRecords(seed); });
    lookup("procurement/categories", "productCategory", "Category",
           [seed] { return Lookups::productCategoryRecords(seed); });
    lookup("procurement/subcategories", "productSubcategory", "SubCategory",
           [seed] { return Lookups::productSubcategoryRecords(seed); });
    lookup("procurement/unitOfMeasures", "unitOfMeasure", "UnitOfMeasure",
           [seed] { return Lookups::unitOfMeasureRecords(seed); });
    // Product items (lines of invoices and sales orders): none seeded.
    add(spec("procurement/products", "productItem", "ProductItem", {QStringLiteral("catalogItem")}),
        [] { return std::vector<Record>(); });
    add(spec("sales/orders", "order", "Order",
             {QStringLiteral("company"), QStringLiteral("status"), QStringLiteral("salesRep")}),
        [seed, n] { return RecordFactory::salesOrders(seed, n, n); });
    lookup("sales/orders/statuses", "orderStatus", "OrderStatus", [seed] { return Lookups::orderStatusRecords(seed); });

    CollectionSpec payments =
        spec("finance/invoices/payments", "invoicePayment", "Payment", {QStringLiteral("amount")});
    payments.parentField = QStringLiteral("invoice");
    m_paymentsOwner = std::make_unique<Collection>(payments, [this] {
        makeInvoices();
        std::vector<Record> made;
        std::swap(made, m_pendingPayments);
        return made;
    });
    m_payments = m_paymentsOwner.get();
}

// Invoices and payments come out of one generator run; each collection takes its half on first use.
void Dataset::makeInvoices()
{
    if (m_invoicesMade) {
        return;
    }
    m_invoicesMade = true;
    RecordFactory::invoicesAndPayments(m_seed, m_records, m_records, &m_pendingInvoices, &m_pendingPayments);
}

Collection* Dataset::collection(const QString& path)
{
    const auto it = m_collections.find(path);
    return it == m_collections.end() ? nullptr : it->second.get();
}

QStringList Dataset::paths() const
{
    QStringList result;
    for (const auto& entry : m_collections) {
        result.append(entry.first);
    }
    return result;
}

void Dataset::warmUp()
{
    collection(QStringLiteral("company/companies"))->records();
}

void Dataset::reset(quint64 seed)
{
    m_seed = seed;
    m_paymentsOwner.reset();
    build();
}

QJsonObject Dataset::counts()
{
    QJsonObject result;
    for (const auto& entry : m_collections) {
        result.insert(entry.first, static_cast<qint64>(entry.second->records().size()));
    }
    result.insert(QStringLiteral("finance/invoices/payments"), static_cast<qint64>(m_payments->records().size()));
    return result;
}

} // namespace Sim
