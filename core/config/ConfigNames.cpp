#include "core/config/ConfigNames.h"

#include "core/config/RemoteResolver.h"

namespace Cw {

QStringList ConfigNames::serverVariables()
{
    return QStringList {QStringLiteral("connectwise_url"), QStringLiteral("company_id"), QStringLiteral("client_id")} +
        storedServerVariables();
}

QStringList ConfigNames::storedServerVariables()
{
    return {QStringLiteral("import_account_status"),   QStringLiteral("product_category"),
            QStringLiteral("product_subcategory"),     QStringLiteral("product_uom"),
            QStringLiteral("product_billable_option"), QStringLiteral("sales_representative"),
            QStringLiteral("credit_card_method_id"),   QStringLiteral("bank_deposit_method_id")};
}

bool ConfigNames::isInstanceFieldVariable(const QString& key)
{
    return key == QLatin1String("connectwise_url") || key == QLatin1String("company_id") ||
        key == QLatin1String("client_id");
}

QStringList ConfigNames::lookups()
{
    return {QStringLiteral("account_type"), QStringLiteral("currency"),     QStringLiteral("invoice_stage"),
            QStringLiteral("invoice_type"), QStringLiteral("product_type"), QStringLiteral("unit_type"),
            QStringLiteral("order_stage")};
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
    case Entity::Users:
        return false; // users are mapped to members, not synced
    }
    return false;
}

QString ConfigNames::resolverKindForVariable(const QString& key)
{
    if (key == QLatin1String("import_account_status")) {
        return QLatin1String(RemoteResolver::companyStatus);
    }
    if (key == QLatin1String("product_category")) {
        return QLatin1String(RemoteResolver::productCategory);
    }
    if (key == QLatin1String("product_subcategory")) {
        return QLatin1String(RemoteResolver::productSubcategory);
    }
    if (key == QLatin1String("product_uom")) {
        return QLatin1String(RemoteResolver::unitOfMeasure);
    }
    if (key == QLatin1String("sales_representative")) {
        return QLatin1String(RemoteResolver::member);
    }
    if (key == QLatin1String("credit_card_method_id") || key == QLatin1String("bank_deposit_method_id")) {
        return QLatin1String(RemoteResolver::paymentMethod);
    }
    return {};
}

QString ConfigNames::resolverKindForLookup(const QString& lookup)
{
    if (lookup == QLatin1String("account_type")) {
        return QLatin1String(RemoteResolver::companyType);
    }
    if (lookup == QLatin1String("currency")) {
        return QLatin1String(RemoteResolver::currency);
    }
    if (lookup == QLatin1String("invoice_stage")) {
        return QLatin1String(RemoteResolver::billingStatus);
    }
    if (lookup == QLatin1String("product_type")) {
        return QLatin1String(RemoteResolver::productType);
    }
    if (lookup == QLatin1String("unit_type")) {
        return QLatin1String(RemoteResolver::productSubcategory);
    }
    if (lookup == QLatin1String("order_stage")) {
        return QLatin1String(RemoteResolver::orderStatus);
    }
    return {};
}

QStringList ConfigNames::fixedValuesForVariable(const QString& key)
{
    if (key == QLatin1String("product_billable_option")) {
        return {QStringLiteral("Billable"), QStringLiteral("DoNotBill"), QStringLiteral("NoCharge")};
    }
    return {};
}

QStringList ConfigNames::fixedValuesForLookup(const QString& lookup)
{
    if (lookup == QLatin1String("invoice_type")) {
        return {QStringLiteral("Agreement"),     QStringLiteral("CreditMemo"), QStringLiteral("DownPayment"),
                QStringLiteral("Miscellaneous"), QStringLiteral("Progress"),   QStringLiteral("Standard"),
                QStringLiteral("Consolidated")};
    }
    return {};
}

} // namespace Cw
