#include "core/config/ServerVariables.h"

#include "core/config/ConfigNames.h"
#include "core/config/RemoteResolver.h"

namespace Cw {

namespace {

struct VariableText
{
    const char* key;
    const char* title;
    const char* usedFor;
    const char* explanation;
    const char* example;
};

// From the BSS document's "Server Variables" table.
const VariableText kTexts[] = {
    {"connectwise_url", QT_TRANSLATE_NOOP("Cw::ServerVariables", "ConnectWise URL"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Authentication, synchronization"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "The Manage site URL of the integrating instance."),
     "https://api-na.myconnectwise.net"},
    {"company_id", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Company ID"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Authentication"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "The company identifier used to log in to ConnectWise (part of the API user name)."),
     "acme"},
    {"client_id", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Client ID"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "All modules"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "The Client ID is sent with every call; ConnectWise requires it."),
     "8f5a7c0e-2b1d-4c3e-9f6a-5d4b3a2c1e0f"},
    {"import_account_status", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Import account status"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Accounts"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "Default status of every account imported from this system (Setup table \"Company Status\")."),
     "Active (1)"},
    {"product_category", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Product category"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Products"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "Used when the Unit type lookup is not set (Setup table \"Category\", Products)."),
     "Computers (1)"},
    {"product_subcategory", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Product subcategory"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Products"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "Default product subcategory (Setup table \"SubCategory\", Products); it must belong to the "
                       "chosen category."),
     "Laptops (1)"},
    {"product_uom", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Product unit of measure"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Products"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Default unit of measure for products (Setup table \"UOM\", Products)."),
     "Each (1)"},
    {"product_billable_option", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Product billable option"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Invoice and order lines"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "Billable option of the invoice and order lines sent to ConnectWise (product items): Billable, "
                       "DoNotBill or NoCharge."),
     "Billable"},
    {"sales_representative", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Sales representative"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Orders"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "The member set as sales representative on orders sent from this system (System › Members)."),
     "John Smith (jsmith, 101)"},
    {"credit_card_method_id", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Credit card method id"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Payments"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "This system's own id of the credit card payment method (a method of its payments): payments "
                       "made with it are pushed."),
     "credit_card"},
    {"bank_deposit_method_id", QT_TRANSLATE_NOOP("Cw::ServerVariables", "Bank deposit method id"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables", "Payments"),
     QT_TRANSLATE_NOOP("Cw::ServerVariables",
                       "This system's own id of the bank deposit payment method (a method of its payments): payments "
                       "made with it are pushed."),
     "bank_deposit"},
};

} // namespace

QList<VariableInfo> ServerVariables::all()
{
    QList<VariableInfo> out;
    for (const VariableText& t : kTexts) {
        VariableInfo info;
        info.key = QLatin1String(t.key);
        info.title = tr(t.title);
        info.usedFor = tr(t.usedFor);
        info.explanation = tr(t.explanation);
        info.example = QString::fromUtf8(t.example);
        info.kind = ConfigNames::resolverKindForVariable(info.key);
        info.instanceField = ConfigNames::isInstanceFieldVariable(info.key);
        // The payment-method ids are the local system's own (payments.method), never looked up in ConnectWise.
        info.localId = info.key.endsWith(QLatin1String("_method_id"));
        out.append(info);
    }
    return out;
}

VariableInfo ServerVariables::info(const QString& key)
{
    const QList<VariableInfo> infos = all();
    for (const VariableInfo& i : infos) {
        if (i.key == key) {
            return i;
        }
    }
    return {};
}

std::optional<ServerVariable> ServerVariables::stored(const ConnectorConfig& config, const QString& key)
{
    for (const ServerVariable& v : config.serverVariables) {
        if (v.key == key && !v.remoteId.isEmpty()) {
            return v;
        }
    }
    return std::nullopt;
}

QList<RemoteItem> ServerVariables::choices(const QString& key, const RemoteLists& lists, const QString& categoryId)
{
    QList<RemoteItem> out;
    const QStringList fixed = ConfigNames::fixedValuesForVariable(key);
    if (!fixed.isEmpty()) {
        for (const QString& value : fixed) {
            RemoteItem item;
            item.id = value;
            item.name = value;
            out.append(item);
        }
        return out;
    }
    const VariableInfo i = info(key);
    if (i.kind.isEmpty()) {
        return out;
    }
    const QList<RemoteItem> items =
        i.kind == QLatin1String(RemoteResolver::member) ? lists.mappableMembers() : lists.items(i.kind);
    for (const RemoteItem& item : items) {
        if (item.inactive) {
            continue;
        }
        if (key == QLatin1String("product_subcategory") && !categoryId.isEmpty() && item.parentId != categoryId) {
            continue;
        }
        out.append(item);
    }
    return out;
}

bool ServerVariables::validate(const QString& key, const QString& id, const RemoteLists& lists,
                               const ConnectorConfig& config, const QStringList& paymentMethods, RemoteItem* item,
                               QString* error)
{
    const VariableInfo i = info(key);
    if (i.key.isEmpty()) {
        *error = tr("Unknown server variable \"%1\". Use one of: %2.")
                     .arg(key, ConfigNames::storedServerVariables().join(QLatin1String(", ")));
        return false;
    }
    if (i.instanceField) {
        *error = tr("%1 comes from the connector itself. Change it with: cwconnector-cli instance add/rename, or "
                    "the connector's settings.")
                     .arg(key);
        return false;
    }
    if (id.trimmed().isEmpty()) {
        *error = tr("%1 needs a value. Fix: --set %1=ID.").arg(key);
        return false;
    }
    if (i.localId) {
        if (!paymentMethods.contains(id.trimmed())) {
            *error = paymentMethods.isEmpty()
                ? tr("%1: the local system has no payment methods yet. Import its payments first (their method "
                     "column), then pick one with --set %1=METHOD.")
                      .arg(key)
                : tr("%1: \"%2\" is not a payment method of the local system. Fix: pick one of %3 (the methods of its "
                     "payments).")
                      .arg(key, id.trimmed(), paymentMethods.join(QLatin1String(", ")));
            return false;
        }
        item->id = id.trimmed();
        item->name = id.trimmed();
        return true;
    }
    QString categoryId;
    if (key == QLatin1String("product_subcategory")) {
        if (const auto category = stored(config, QStringLiteral("product_category"))) {
            categoryId = category->remoteId;
        }
    }
    const QList<RemoteItem> allowed = choices(key, lists, categoryId);
    for (const RemoteItem& candidate : allowed) {
        if (candidate.id == id.trimmed()) {
            *item = candidate;
            return true;
        }
    }
    QStringList ids;
    for (const RemoteItem& candidate : allowed) {
        ids.append(candidate.label());
    }
    *error = tr("%1: %2 is not an active value in ConnectWise. Fix: pick one of %3.")
                 .arg(key, id,
                      ids.isEmpty() ? tr("(none: add one in %1)").arg(RemoteLists::setupTableFor(i.kind))
                                    : ids.join(QLatin1String(", ")));
    return false;
}

QList<StaleVariable> ServerVariables::staleVariables(const ConnectorConfig& config, const RemoteLists& lists)
{
    QList<StaleVariable> out;
    for (const ServerVariable& v : config.serverVariables) {
        if (v.remoteId.isEmpty()) {
            continue;
        }
        const VariableInfo i = info(v.key);
        StaleVariable stale;
        stale.key = v.key;
        stale.remoteId = v.remoteId;
        stale.remoteName = v.remoteName;
        stale.fix = tr("Pick another value for %1 (%2) in the connector's server variables (Settings › Server "
                       "variables), or make it active again in ConnectWise under %3.")
                        .arg(i.title, v.key, RemoteLists::setupTableFor(i.kind));
        const QStringList fixed = ConfigNames::fixedValuesForVariable(v.key);
        if (!fixed.isEmpty()) {
            if (!fixed.contains(v.remoteId)) {
                stale.reason =
                    tr("%1 \"%2\" is not one of %3.").arg(i.title, v.remoteId, fixed.join(QLatin1String(", ")));
                stale.fix =
                    tr("Pick one of %1 under Server variables › %2.").arg(fixed.join(QLatin1String(", ")), i.title);
                out.append(stale);
            }
            continue;
        }
        if (i.kind.isEmpty() || !lists.has(i.kind)) {
            continue;
        }
        const auto item = lists.find(i.kind, v.remoteId);
        const QString shown =
            v.remoteName.isEmpty() ? v.remoteId : QStringLiteral("%1 \"%2\"").arg(v.remoteId, v.remoteName);
        if (!item) {
            stale.reason = tr("%1: %2 no longer exists in ConnectWise.").arg(i.title, shown);
        } else if (item->inactive) {
            stale.reason = tr("%1: %2 is inactive in ConnectWise.").arg(i.title, shown);
        } else if (i.kind == QLatin1String(RemoteResolver::member) && !item->member.isMappable()) {
            stale.reason = tr("%1: %2 is an API member, not a person.").arg(i.title, shown);
        } else if (v.key == QLatin1String("product_subcategory")) {
            const auto category = stored(config, QStringLiteral("product_category"));
            if (category && !item->parentId.isEmpty() && item->parentId != category->remoteId) {
                stale.reason = tr("%1: %2 belongs to another category than the chosen product category %3.")
                                   .arg(i.title, shown, category->remoteId);
            }
        }
        if (!stale.reason.isEmpty()) {
            out.append(stale);
        }
    }
    return out;
}

QList<QPair<Entity, Operation>> ServerVariables::usedBy(const QString& key)
{
    if (key == QLatin1String("import_account_status")) {
        return {{Entity::Accounts, Operation::PullCreate}, {Entity::Accounts, Operation::PushCreate}};
    }
    if (key == QLatin1String("product_category") || key == QLatin1String("product_subcategory") ||
        key == QLatin1String("product_uom")) {
        return {{Entity::Products, Operation::PushCreate}, {Entity::Products, Operation::PushUpdate}};
    }
    if (key == QLatin1String("product_billable_option")) {
        // The lines travel with their invoice or order, under its options.
        return {{Entity::Invoices, Operation::PushCreate},
                {Entity::Invoices, Operation::PushUpdate},
                {Entity::Orders, Operation::PushCreate},
                {Entity::Orders, Operation::PushUpdate}};
    }
    if (key == QLatin1String("sales_representative")) {
        return {{Entity::Orders, Operation::PushCreate}, {Entity::Orders, Operation::PushUpdate}};
    }
    if (key == QLatin1String("credit_card_method_id") || key == QLatin1String("bank_deposit_method_id")) {
        return {{Entity::Payments, Operation::PushCreate}};
    }
    return {};
}

QList<SyncBlocker> ServerVariables::syncBlockers(const ConnectorConfig& config, const RemoteLists& lists, Entity entity)
{
    QList<SyncBlocker> out;
    const QList<StaleVariable> stale = staleVariables(config, lists);
    for (const QString& key : ConfigNames::storedServerVariables()) {
        QString reason;
        QString fix;
        for (const StaleVariable& s : stale) {
            if (s.key == key) {
                reason = s.reason;
                fix = s.fix;
            }
        }
        if (reason.isEmpty() && !stored(config, key)) {
            reason = tr("%1 is not set.").arg(info(key).title);
            fix = tr("Set %1 (%2) in the connector's server variables (Settings › Server variables).")
                      .arg(info(key).title, key);
        }
        if (reason.isEmpty()) {
            continue;
        }
        for (const auto& [cellEntity, operation] : usedBy(key)) {
            if (cellEntity == entity) {
                out.append({key, cellEntity, operation, reason, fix});
            }
        }
    }
    return out;
}

} // namespace Cw
