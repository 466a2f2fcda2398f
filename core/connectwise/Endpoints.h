#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Cw {

// One ConnectWise endpoint the product uses, relative to {base}/apis/3.0/, and the security-role entry
// (System > Security Roles > role > module > entry) that a 403 on it points at.
struct Endpoint
{
    QString path; // "finance/invoices" (no leading or trailing slash)
    const char* purposeSource = ""; // untranslated; use purpose()
    QString module; // "Finance"
    QString entry; // "Invoicing"

    QString purpose() const; // translated: what the product uses it for
    QString permission() const; // "Finance > Invoicing"
};

// The table of endpoints, and lookup from any request path to the entry that governs it.
class Endpoints final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::Endpoints)

public:
    // Well-known paths, so callers need no string literals.
    static QString systemInfo() { return QStringLiteral("system/info"); }
    static QString members() { return QStringLiteral("system/members"); }
    static QString companies() { return QStringLiteral("company/companies"); }
    static QString companyTypes() { return QStringLiteral("company/companies/types"); }
    static QString companyStatuses() { return QStringLiteral("company/companies/statuses"); }
    static QString countries() { return QStringLiteral("company/countries"); }
    static QString contacts() { return QStringLiteral("company/contacts"); }
    static QString currencies() { return QStringLiteral("finance/currencies"); }
    static QString billingStatuses() { return QStringLiteral("finance/billingStatuses"); }
    static QString invoices() { return QStringLiteral("finance/invoices"); }
    static QString catalog() { return QStringLiteral("procurement/catalog"); }
    static QString productItems() { return QStringLiteral("procurement/products"); } // lines of invoices and orders
    static QString productTypes() { return QStringLiteral("procurement/types"); }
    static QString productCategories() { return QStringLiteral("procurement/categories"); }
    static QString productSubcategories() { return QStringLiteral("procurement/subcategories"); }
    static QString unitsOfMeasure() { return QStringLiteral("procurement/unitOfMeasures"); }
    static QString salesOrders() { return QStringLiteral("sales/orders"); }
    static QString orderStatuses() { return QStringLiteral("sales/orders/statuses"); }

    static const QList<Endpoint>& all();
    // Longest match on whole path segments: "company/companies/12" and "company/companies/count" map to
    // company/companies, "finance/invoices/3/payments" to finance/invoices. Query strings are ignored.
    static std::optional<Endpoint> find(const QString& path);
    // "Module > Entry" for the path, or a module guessed from its first segment ("Finance"), or empty.
    static QString permissionFor(const QString& path);
    static QString moduleForSegment(const QString& firstSegment); // "finance" -> "Finance"
};

} // namespace Cw
