#include "app/sim/Dataset.h"

#include "app/sim/Lookups.h"
#include "app/sim/RecordFactory.h"

namespace Sim {

namespace {

const QString kInvoices = QStringLiteral("finance/invoices");

CollectionSpec lookupSpec(const QString& path, const QString& resource)
{
    return CollectionSpec {path, resource, {QStringLiteral("name")}, QStringLiteral("name"), true, {}};
}

} // namespace

Dataset::Dataset(int records, quint64 seed) : m_records(records), m_seed(seed)
{
    build();
}

void Dataset::build()
{
    m_collections.clear();
    m_invoicesMade = false;
    m_pendingPayments.clear();
    const quint64 seed = m_seed;
    const int n = m_records;
    auto add = [this](CollectionSpec spec, Collection::Generator generator) {
        const QString path = spec.path;
        m_collections[path] = std::make_unique<Collection>(std::move(spec), std::move(generator));
    };
    add(CollectionSpec {QStringLiteral("system/members"),
                        QStringLiteral("member"),
                        {QStringLiteral("identifier"), QStringLiteral("firstName"), QStringLiteral("lastName")},
                        QStringLiteral("identifier"),
                        false,
                        {}},
        [seed] { return Lookups::memberRecords(seed); });
    add(CollectionSpec {QStringLiteral("company/companies"),
                        QStringLiteral("company"),
                        {QStringLiteral("identifier"), QStringLiteral("name")},
                        QStringLiteral("identifier"),
                        true,
                        {}},
        [seed, n] { return RecordFactory::companies(seed, n); });
    add(lookupSpec(QStringLiteral("company/companies/types"), QStringLiteral("companyType")),
        [seed] { return Lookups::companyTypeRecords(seed); });
    add(lookupSpec(QStringLiteral("company/companies/statuses"), QStringLiteral("companyStatus")),
        [seed] { return Lookups::companyStatusRecords(seed); });
    add(CollectionSpec {QStringLiteral("finance/currencies"),
                        QStringLiteral("currency"),
                        {QStringLiteral("currencyIdentifier"), QStringLiteral("name")},
                        QStringLiteral("currencyIdentifier"),
                        true,
                        {}},
        [seed] { return Lookups::currencyRecords(seed); });
    add(lookupSpec(QStringLiteral("finance/billingStatuses"), QStringLiteral("billingStatus")),
        [seed] { return Lookups::billingStatusRecords(seed); });
    add(CollectionSpec {kInvoices,
                        QStringLiteral("invoice"),
                        {QStringLiteral("type"), QStringLiteral("company")},
                        QStringLiteral("invoiceNumber"),
                        true,
                        {}},
        [this] {
            makeInvoices();
            std::vector<Record> invoices;
            std::swap(invoices, m_pendingInvoices);
            return invoices;
        });
    add(CollectionSpec {QStringLiteral("procurement/catalog"),
                        QStringLiteral("catalogItem"),
                        {QStringLiteral("identifier"), QStringLiteral("description"), QStringLiteral("subcategory"),
                         QStringLiteral("type"), QStringLiteral("customerDescription")},
                        QStringLiteral("identifier"),
                        true,
                        {}},
        [seed, n] { return RecordFactory::catalogItems(seed, n, n); });
    add(lookupSpec(QStringLiteral("procurement/types"), QStringLiteral("productType")),
        [seed] { return Lookups::productTypeRecords(seed); });
    add(lookupSpec(QStringLiteral("procurement/categories"), QStringLiteral("productCategory")),
        [seed] { return Lookups::productCategoryRecords(seed); });
    add(lookupSpec(QStringLiteral("procurement/subcategories"), QStringLiteral("productSubcategory")),
        [seed] { return Lookups::productSubcategoryRecords(seed); });
    add(lookupSpec(QStringLiteral("procurement/unitOfMeasures"), QStringLiteral("unitOfMeasure")),
        [seed] { return Lookups::unitOfMeasureRecords(seed); });
    add(CollectionSpec {QStringLiteral("sales/orders"),
                        QStringLiteral("order"),
                        {QStringLiteral("company"), QStringLiteral("status"), QStringLiteral("salesRep")},
                        {},
                        true,
                        {}},
        [seed, n] { return RecordFactory::salesOrders(seed, n, n); });
    add(lookupSpec(QStringLiteral("sales/orders/statuses"), QStringLiteral("orderStatus")),
        [seed] { return Lookups::orderStatusRecords(seed); });

    m_paymentsOwner =
        std::make_unique<Collection>(CollectionSpec {QStringLiteral("finance/invoices/payments"),
                                                     QStringLiteral("invoicePayment"),
                                                     {QStringLiteral("amount"), QStringLiteral("paymentDate")},
                                                     {},
                                                     true,
                                                     QStringLiteral("invoice")},
                                     [this] {
                                         makeInvoices();
                                         std::vector<Record> payments;
                                         std::swap(payments, m_pendingPayments);
                                         return payments;
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
