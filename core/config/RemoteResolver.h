#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace Cw {

// Finds the id of a ConnectWise record by its name, for importing a configuration into another ConnectWise:
// ids differ between ConnectWise installations, names usually do not. The ConnectWise client implements it,
// typically by fetching the lists that ConfigExport::namesToResolve() asks for first (asynchronously) and then
// answering from them (MapResolver does exactly that).
class RemoteResolver
{
public:
    // The kinds of record, one per ConnectWise list.
    static constexpr const char* companyStatus = "companyStatus"; // /company/companies/statuses
    static constexpr const char* companyType = "companyType"; // /company/companies/types
    static constexpr const char* productCategory = "productCategory"; // /procurement/categories
    static constexpr const char* productSubcategory = "productSubcategory"; // /procurement/subcategories
    static constexpr const char* productType = "productType"; // /procurement/types
    static constexpr const char* unitOfMeasure = "unitOfMeasure"; // /procurement/unitOfMeasures
    static constexpr const char* member = "member"; // /system/members, matched by identifier
    static constexpr const char* currency = "currency"; // /finance/currencies
    static constexpr const char* billingStatus = "billingStatus"; // /finance/billingStatuses
    static constexpr const char* orderStatus = "orderStatus"; // /sales/orders/statuses
    static constexpr const char* country = "country"; // /company/countries, matched by name or ISO code

    virtual ~RemoteResolver() = default;
    // The id of the record of `kind` named `name`, or std::nullopt when there is none.
    virtual std::optional<QString> resolveId(const QString& kind, const QString& name) = 0;
};

// A RemoteResolver over lists fetched beforehand: exact name first, then a unique case-insensitive match.
class MapResolver final : public RemoteResolver
{
public:
    void add(const QString& kind, const QString& name, const QString& id);
    std::optional<QString> resolveId(const QString& kind, const QString& name) override;

private:
    QHash<QString, QHash<QString, QString>> m_byKind; // kind -> name -> id
};

} // namespace Cw
