#include "core/config/ConfigNames.h"

#include "core/config/RemoteResolver.h"

namespace Cw {

namespace {

// One row per server variable or lookup: its stable name, the RemoteResolver kind its stored value is an id of
// (none for fixed enumerations and local ids), and the fixed values of an enumeration. Adding one is a row here.
struct NameRow
{
    const char* name;
    const char* resolverKind; // nullptr: none
    QStringList fixedValues;
};

// PRODUCT.md's order; the first three are connector fields (connectwise_url, company_id, client_id).
constexpr int kInstanceFieldVariables = 3;

const QList<NameRow>& variableRows()
{
    static const QList<NameRow> rows = {
        {"connectwise_url", nullptr, {}},
        {"company_id", nullptr, {}},
        {"client_id", nullptr, {}},
        {"import_account_status", RemoteResolver::companyStatus, {}},
        {"product_category", RemoteResolver::productCategory, {}},
        {"product_subcategory", RemoteResolver::productSubcategory, {}},
        {"product_uom", RemoteResolver::unitOfMeasure, {}},
        {"product_billable_option",
         nullptr,
         {QStringLiteral("Billable"), QStringLiteral("DoNotBill"), QStringLiteral("NoCharge")}},
        {"sales_representative", RemoteResolver::member, {}},
        // Local payment-method ids (payments.method), not ConnectWise records: the same in every ConnectWise.
        {"credit_card_method_id", nullptr, {}},
        {"bank_deposit_method_id", nullptr, {}},
    };
    return rows;
}

const QList<NameRow>& lookupRows()
{
    static const QList<NameRow> rows = {
        {"account_type", RemoteResolver::companyType, {}},
        {"currency", RemoteResolver::currency, {}},
        {"invoice_stage", RemoteResolver::billingStatus, {}},
        {"invoice_type",
         nullptr,
         {QStringLiteral("Agreement"), QStringLiteral("CreditMemo"), QStringLiteral("DownPayment"),
          QStringLiteral("Miscellaneous"), QStringLiteral("Progress"), QStringLiteral("Standard"),
          QStringLiteral("Consolidated")}},
        {"product_type", RemoteResolver::productType, {}},
        {"unit_type", RemoteResolver::productSubcategory, {}},
        {"order_stage", RemoteResolver::orderStatus, {}},
        {"country", RemoteResolver::country, {}},
    };
    return rows;
}

QStringList rowNames(const QList<NameRow>& rows, int from = 0)
{
    QStringList names;
    for (int i = from; i < rows.size(); ++i) {
        names.append(QLatin1String(rows.at(i).name));
    }
    return names;
}

const NameRow* rowOf(const QList<NameRow>& rows, const QString& name)
{
    for (const NameRow& row : rows) {
        if (name == QLatin1String(row.name)) {
            return &row;
        }
    }
    return nullptr;
}

QString resolverKindOf(const QList<NameRow>& rows, const QString& name)
{
    const NameRow* row = rowOf(rows, name);
    return row && row->resolverKind ? QLatin1String(row->resolverKind) : QString();
}

QStringList fixedValuesOf(const QList<NameRow>& rows, const QString& name)
{
    const NameRow* row = rowOf(rows, name);
    return row ? row->fixedValues : QStringList();
}

} // namespace

QStringList ConfigNames::serverVariables()
{
    return rowNames(variableRows());
}

QStringList ConfigNames::storedServerVariables()
{
    return rowNames(variableRows(), kInstanceFieldVariables);
}

bool ConfigNames::isInstanceFieldVariable(const QString& key)
{
    const qsizetype index = serverVariables().indexOf(key);
    return index >= 0 && index < kInstanceFieldVariables;
}

QStringList ConfigNames::lookups()
{
    return rowNames(lookupRows());
}

bool ConfigNames::isSupportedSyncOption(Entity entity, Operation operation)
{
    switch (entity) {
    case Entity::Accounts:
    case Entity::Products:
        return true;
    case Entity::Invoices:
    case Entity::Orders:
        return operation != Operation::PullCreate;
    case Entity::Payments:
        return operation == Operation::PushCreate;
    case Entity::InvoiceLines:
    case Entity::OrderLines:
        return false; // they travel with their invoice or order, under its options
    case Entity::Users:
        return false; // users are mapped to members, not synced
    }
    return false;
}

QString ConfigNames::resolverKindForVariable(const QString& key)
{
    return resolverKindOf(variableRows(), key);
}

QString ConfigNames::resolverKindForLookup(const QString& lookup)
{
    return resolverKindOf(lookupRows(), lookup);
}

QStringList ConfigNames::fixedValuesForVariable(const QString& key)
{
    return fixedValuesOf(variableRows(), key);
}

QStringList ConfigNames::fixedValuesForLookup(const QString& lookup)
{
    return fixedValuesOf(lookupRows(), lookup);
}

} // namespace Cw
