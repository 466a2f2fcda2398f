#include "core/config/SyncMatrix.h"

#include "core/config/ConfigNames.h"
#include "core/connectwise/Endpoints.h"

namespace Cw {

namespace {

QString endpointFor(const QString& entity)
{
    if (entity == QLatin1String("accounts")) {
        return Endpoints::companies();
    }
    if (entity == QLatin1String("products")) {
        return Endpoints::catalog();
    }
    if (entity == QLatin1String("invoices")) {
        return Endpoints::invoices();
    }
    if (entity == QLatin1String("orders")) {
        return Endpoints::salesOrders();
    }
    if (entity == QLatin1String("payments")) {
        return QStringLiteral("finance/invoices/{id}/payments");
    }
    return {};
}

// The lists a synced entity resolves values against.
QStringList listsFor(const QString& entity)
{
    if (entity == QLatin1String("accounts")) {
        return {Endpoints::companyTypes(), Endpoints::companyStatuses(), Endpoints::currencies()};
    }
    if (entity == QLatin1String("products")) {
        return {Endpoints::productTypes(), Endpoints::productCategories(), Endpoints::productSubcategories(),
                Endpoints::unitsOfMeasure()};
    }
    if (entity == QLatin1String("invoices")) {
        return {Endpoints::billingStatuses(), Endpoints::currencies()};
    }
    if (entity == QLatin1String("orders")) {
        return {Endpoints::orderStatuses()};
    }
    return {};
}

} // namespace

QStringList SyncMatrix::entities()
{
    return {QStringLiteral("accounts"), QStringLiteral("products"), QStringLiteral("invoices"),
            QStringLiteral("orders"), QStringLiteral("payments")};
}

QString SyncMatrix::entityTitle(const QString& entity)
{
    if (entity == QLatin1String("accounts")) {
        return tr("Account ↔ company");
    }
    if (entity == QLatin1String("products")) {
        return tr("Product ↔ catalog item");
    }
    if (entity == QLatin1String("invoices")) {
        return tr("Invoice ↔ invoice");
    }
    if (entity == QLatin1String("orders")) {
        return tr("Order ↔ sales order");
    }
    if (entity == QLatin1String("payments")) {
        return tr("Payment → invoice payment");
    }
    return entity;
}

QString SyncMatrix::operationTitle(const QString& operation)
{
    if (operation == QLatin1String("pull_create")) {
        return tr("Pull create");
    }
    if (operation == QLatin1String("pull_update")) {
        return tr("Pull update");
    }
    if (operation == QLatin1String("push_create")) {
        return tr("Push create");
    }
    if (operation == QLatin1String("push_update")) {
        return tr("Push update");
    }
    return operation;
}

SyncCell SyncMatrix::cell(const QString& entity, const QString& operation)
{
    SyncCell c;
    c.entity = entity;
    c.operation = operation;
    c.supported = ConfigNames::isSupportedSyncOption(entity, operation);
    c.path = endpointFor(entity);
    if (const auto endpoint = Endpoints::find(c.path)) {
        c.permission = endpoint->permission();
    } else {
        c.permission = Endpoints::permissionFor(c.path);
    }
    const QString target = entityTitle(entity).section(QChar(0x2194), -1).section(QChar(0x2192), -1).trimmed();
    if (!c.supported) {
        c.description = tr("Not supported: ConnectWise does not allow this for %1.").arg(target);
    } else if (operation == QLatin1String("pull_create")) {
        c.description = tr("Creates a local record for each new ConnectWise %1.").arg(target);
    } else if (operation == QLatin1String("pull_update")) {
        c.description = entity == QLatin1String("invoices")
            ? tr("Updates local invoices from ConnectWise (status and balance).")
            : entity == QLatin1String("orders")
            ? tr("Updates local orders from ConnectWise (status).")
            : tr("Updates linked local records from their ConnectWise %1.").arg(target);
    } else if (operation == QLatin1String("push_create")) {
        c.description = tr("Creates a ConnectWise %1 for each new local record.").arg(target);
    } else {
        c.description = tr("Updates the linked ConnectWise %1 when the local record changes.").arg(target);
    }
    return c;
}

bool SyncMatrix::isEnabled(const ConnectorConfig& config, const QString& entity, const QString& operation)
{
    for (const SyncOption& o : config.syncOptions) {
        if (o.entity == entity && o.operation == operation) {
            return o.enabled && ConfigNames::isSupportedSyncOption(entity, operation);
        }
    }
    return false;
}

void SyncMatrix::setEnabled(ConnectorConfig* config, const QString& entity, const QString& operation, bool enabled)
{
    for (SyncOption& o : config->syncOptions) {
        if (o.entity == entity && o.operation == operation) {
            o.enabled = enabled;
            return;
        }
    }
    config->syncOptions.append({entity, operation, enabled});
}

bool SyncMatrix::parseSetting(const QString& text, SyncOption* option, QString* error)
{
    const int eq = text.indexOf(QLatin1Char('='));
    const int dot = text.indexOf(QLatin1Char('.'));
    if (eq < 0 || dot < 0 || dot > eq) {
        *error = tr("\"%1\" is not ENTITY.OPERATION=on|off (e.g. accounts.push_create=on).").arg(text);
        return false;
    }
    option->entity = text.left(dot).trimmed();
    option->operation = text.mid(dot + 1, eq - dot - 1).trimmed();
    const QString value = text.mid(eq + 1).trimmed().toLower();
    if (!ConfigNames::entities().contains(option->entity)) {
        *error = tr("Unknown entity \"%1\" in \"%2\". Use one of: %3.")
                     .arg(option->entity, text, entities().join(QLatin1String(", ")));
        return false;
    }
    if (!ConfigNames::operations().contains(option->operation)) {
        *error = tr("Unknown operation \"%1\" in \"%2\". Use one of: %3.")
                     .arg(option->operation, text, ConfigNames::operations().join(QLatin1String(", ")));
        return false;
    }
    if (!ConfigNames::isSupportedSyncOption(option->entity, option->operation)) {
        *error = tr("%1.%2 is not a supported sync option: %3")
                     .arg(option->entity, option->operation, cell(option->entity, option->operation).description);
        return false;
    }
    if (value == QLatin1String("on")) {
        option->enabled = true;
    } else if (value == QLatin1String("off")) {
        option->enabled = false;
    } else {
        *error = tr("\"%1\": the value must be on or off.").arg(text);
        return false;
    }
    return true;
}

QStringList SyncMatrix::permissionPathsFor(const ConnectorConfig& config)
{
    QStringList paths {Endpoints::members()};
    auto add = [&paths](const QString& path) {
        if (!paths.contains(path)) {
            paths.append(path);
        }
    };
    for (const QString& entity : entities()) {
        bool any = false;
        for (const QString& operation : ConfigNames::operations()) {
            any = any || isEnabled(config, entity, operation);
        }
        if (!any) {
            continue;
        }
        // Payments are written under finance/invoices/{id}/payments: the invoices entry governs them.
        add(entity == QLatin1String("payments") ? Endpoints::invoices() : endpointFor(entity));
        const QStringList lists = listsFor(entity);
        for (const QString& list : lists) {
            add(list);
        }
        if (entity == QLatin1String("orders")) {
            add(Endpoints::members());
        }
    }
    return paths;
}

CheckPlan SyncMatrix::checkPlanFor(const ConnectorConfig& config)
{
    const CheckPlan full = CheckPlan::full();
    CheckPlan plan;
    plan.permissionPaths = permissionPathsFor(config);
    for (const CheckPlan::ListSource& list : full.lists) {
        if (plan.permissionPaths.contains(list.path)) {
            plan.lists.append(list);
        }
    }
    plan.pullMembers = true;
    return plan;
}

} // namespace Cw
