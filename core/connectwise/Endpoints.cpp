#include "core/connectwise/Endpoints.h"

namespace Cw {

namespace {
const char* const kContext = "Cw::Endpoints";

QString cleanPath(const QString& path)
{
    QString p = path;
    const qsizetype query = p.indexOf(QLatin1Char('?'));
    if (query >= 0) {
        p.truncate(query);
    }
    const qsizetype apis = p.indexOf(QLatin1String("apis/3.0/"));
    if (apis >= 0) {
        p = p.mid(apis + 9);
    }
    while (p.startsWith(QLatin1Char('/'))) {
        p.remove(0, 1);
    }
    while (p.endsWith(QLatin1Char('/'))) {
        p.chop(1);
    }
    return p;
}
} // namespace

QString Endpoint::purpose() const
{
    return QCoreApplication::translate(kContext, purposeSource);
}

QString Endpoint::permission() const
{
    return module + QStringLiteral(" > ") + entry;
}

const QList<Endpoint>& Endpoints::all()
{
    // Security-role entries from connectwise-api.md section 7; lookup lists are gated by Table Setup.
    static const QList<Endpoint> table = {
        {systemInfo(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Server version and cloud flag (systems check)"),
         QStringLiteral("System"), QStringLiteral("My Company")},
        {members(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Members: sales reps and the user mapping"),
         QStringLiteral("System"), QStringLiteral("Member Maintenance")},
        {companies(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Companies: pulled and pushed"), QStringLiteral("Companies"),
         QStringLiteral("Company Maintenance")},
        {companyTypes(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Company types lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Company / Company Type)")},
        {companyStatuses(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Company statuses lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Company / Company Status)")},
        {contacts(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Contacts: billing contacts of companies"),
         QStringLiteral("Companies"), QStringLiteral("Contacts")},
        {currencies(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Currencies lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Company / Currency)")},
        {countries(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Countries lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Company / Country)")},
        {billingStatuses(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Invoice (billing) statuses lookup"),
         QStringLiteral("System"), QStringLiteral("Table Setup (Invoicing / Billing Status)")},
        {invoices(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Invoices and their payments"), QStringLiteral("Finance"),
         QStringLiteral("Invoicing")},
        {QStringLiteral("finance/accounting"),
         QT_TRANSLATE_NOOP("Cw::Endpoints", "Accounting batches and unposted payments"), QStringLiteral("Finance"),
         QStringLiteral("Accounting Interface")},
        {catalog(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Product catalog items: pulled and pushed"),
         QStringLiteral("Procurement"), QStringLiteral("Product Catalog")},
        {productItems(),
         QT_TRANSLATE_NOOP("Cw::Endpoints", "Product items: the lines of invoices and sales orders, pushed"),
         QStringLiteral("Procurement"), QStringLiteral("Products")},
        {productTypes(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Product types lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Products / Product Type)")},
        {productCategories(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Product categories lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Products / Category)")},
        {productSubcategories(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Product subcategories lookup"),
         QStringLiteral("System"), QStringLiteral("Table Setup (Products / Subcategory)")},
        {unitsOfMeasure(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Units of measure lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Products / UOM)")},
        {salesOrders(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Sales orders: pulled and pushed"), QStringLiteral("Sales"),
         QStringLiteral("Sales Order")},
        {orderStatuses(), QT_TRANSLATE_NOOP("Cw::Endpoints", "Sales order statuses lookup"), QStringLiteral("System"),
         QStringLiteral("Table Setup (Sales / Order Status)")},
    };
    return table;
}

std::optional<Endpoint> Endpoints::find(const QString& path)
{
    const QString clean = cleanPath(path);
    std::optional<Endpoint> best;
    for (const Endpoint& e : all()) {
        const bool matches = clean.compare(e.path, Qt::CaseInsensitive) == 0 ||
            (clean.startsWith(e.path, Qt::CaseInsensitive) && clean.size() > e.path.size() &&
             clean.at(e.path.size()) == QLatin1Char('/'));
        if (matches && (!best || e.path.size() > best->path.size())) {
            best = e;
        }
    }
    return best;
}

QString Endpoints::moduleForSegment(const QString& firstSegment)
{
    const QString s = firstSegment.toLower();
    if (s == QLatin1String("company")) {
        return QStringLiteral("Companies");
    }
    if (s == QLatin1String("finance")) {
        return QStringLiteral("Finance");
    }
    if (s == QLatin1String("procurement")) {
        return QStringLiteral("Procurement");
    }
    if (s == QLatin1String("sales")) {
        return QStringLiteral("Sales");
    }
    if (s == QLatin1String("system")) {
        return QStringLiteral("System");
    }
    if (s == QLatin1String("service")) {
        return QStringLiteral("Service Desk");
    }
    if (s == QLatin1String("project")) {
        return QStringLiteral("Project");
    }
    return QString();
}

QString Endpoints::permissionFor(const QString& path)
{
    if (const std::optional<Endpoint> e = find(path)) {
        return e->permission();
    }
    const QString clean = cleanPath(path);
    return moduleForSegment(clean.section(QLatin1Char('/'), 0, 0));
}

} // namespace Cw
