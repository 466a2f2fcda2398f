#include "core/config/SyncMatrix.h"

#include "core/config/ConfigNames.h"
#include "core/connectwise/Endpoints.h"

#include <optional>

namespace Cw {

namespace {

QString endpointFor(Entity entity)
{
    switch (entity) {
    case Entity::Accounts:
        return Endpoints::companies();
    case Entity::Products:
        return Endpoints::catalog();
    case Entity::Invoices:
        return Endpoints::invoices();
    case Entity::Orders:
        return Endpoints::salesOrders();
    case Entity::Payments:
        return QStringLiteral("finance/invoices/{id}/payments");
    case Entity::InvoiceLines:
    case Entity::OrderLines:
        return Endpoints::productItems();
    case Entity::Users:
        break;
    }
    return {};
}

// The lists a synced entity resolves values against.
QStringList listsFor(Entity entity)
{
    switch (entity) {
    case Entity::Accounts:
        return {Endpoints::companyTypes(), Endpoints::companyStatuses(), Endpoints::currencies(),
                Endpoints::countries()};
    case Entity::Products:
        return {Endpoints::productTypes(), Endpoints::productCategories(), Endpoints::productSubcategories(),
                Endpoints::unitsOfMeasure()};
    case Entity::Invoices:
        return {Endpoints::billingStatuses(), Endpoints::currencies()};
    case Entity::Orders:
        return {Endpoints::orderStatuses()};
    case Entity::InvoiceLines:
    case Entity::OrderLines:
    case Entity::Payments:
    case Entity::Users:
        break;
    }
    return {};
}

// The lines an entity's records carry with them (pushed after each of them, under its options).
std::optional<Entity> linesOf(Entity entity)
{
    if (entity == Entity::Invoices) {
        return Entity::InvoiceLines;
    }
    if (entity == Entity::Orders) {
        return Entity::OrderLines;
    }
    return std::nullopt;
}

} // namespace

QList<Entity> SyncMatrix::entities()
{
    QList<Entity> synced;
    for (Entity entity : allOf<Entity>()) {
        for (Operation operation : allOf<Operation>()) {
            if (ConfigNames::isSupportedSyncOption(entity, operation)) {
                synced.append(entity); // users are mapped and lines travel with their parent: no cells
                break;
            }
        }
    }
    return synced;
}

QString SyncMatrix::entityTitle(Entity entity)
{
    switch (entity) {
    case Entity::Accounts:
        return tr("Account ↔ company");
    case Entity::Products:
        return tr("Product ↔ catalog item");
    case Entity::Invoices:
        return tr("Invoice ↔ invoice");
    case Entity::Orders:
        return tr("Order ↔ sales order");
    case Entity::Payments:
        return tr("Payment → invoice payment");
    case Entity::InvoiceLines:
        return tr("Invoice line → product item");
    case Entity::OrderLines:
        return tr("Order line → product item");
    case Entity::Users:
        break;
    }
    return nameOf(entity);
}

QString SyncMatrix::operationTitle(Operation operation)
{
    switch (operation) {
    case Operation::PullCreate:
        return tr("Pull create");
    case Operation::PullUpdate:
        return tr("Pull update");
    case Operation::PushCreate:
        return tr("Push create");
    case Operation::PushUpdate:
        return tr("Push update");
    }
    return nameOf(operation);
}

SyncCell SyncMatrix::cell(Entity entity, Operation operation)
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
    } else if (operation == Operation::PullCreate) {
        c.description = tr("Creates a local record for each new ConnectWise %1.").arg(target);
    } else if (operation == Operation::PullUpdate) {
        c.description = entity == Entity::Invoices ? tr("Updates local invoices from ConnectWise (status and balance).")
            : entity == Entity::Orders             ? tr("Updates local orders from ConnectWise (status).")
                                       : tr("Updates linked local records from their ConnectWise %1.").arg(target);
    } else if (operation == Operation::PushCreate) {
        c.description = tr("Creates a ConnectWise %1 for each new local record.").arg(target);
    } else {
        c.description = tr("Updates the linked ConnectWise %1 when the local record changes.").arg(target);
    }
    return c;
}

bool SyncMatrix::isEnabled(const ConnectorConfig& config, Entity entity, Operation operation)
{
    for (const SyncOption& o : config.syncOptions) {
        if (o.entity == entity && o.operation == operation) {
            return o.enabled && ConfigNames::isSupportedSyncOption(entity, operation);
        }
    }
    return false;
}

void SyncMatrix::setEnabled(ConnectorConfig* config, Entity entity, Operation operation, bool enabled)
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
    const QString entityName = text.left(dot).trimmed();
    const QString operationName = text.mid(dot + 1, eq - dot - 1).trimmed();
    const QString value = text.mid(eq + 1).trimmed().toLower();
    const auto entity = parseName<Entity>(entityName);
    if (!entity) {
        *error = tr("Unknown entity \"%1\" in \"%2\". Use one of: %3.")
                     .arg(entityName, text, namesOf(entities()).join(QLatin1String(", ")));
        return false;
    }
    const auto operation = parseName<Operation>(operationName);
    if (!operation) {
        *error = tr("Unknown operation \"%1\" in \"%2\". Use one of: %3.")
                     .arg(operationName, text, namesOf<Operation>().join(QLatin1String(", ")));
        return false;
    }
    option->entity = *entity;
    option->operation = *operation;
    if (!ConfigNames::isSupportedSyncOption(option->entity, option->operation)) {
        *error = tr("%1.%2 is not a supported sync option: %3")
                     .arg(entityName, operationName, cell(option->entity, option->operation).description);
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
    for (Entity entity : entities()) {
        bool any = false;
        for (Operation operation : allOf<Operation>()) {
            any = any || isEnabled(config, entity, operation);
        }
        if (!any) {
            continue;
        }
        // Payments are written under finance/invoices/{id}/payments: the invoices entry governs them.
        add(entity == Entity::Payments ? Endpoints::invoices() : endpointFor(entity));
        const QStringList lists = listsFor(entity);
        for (const QString& list : lists) {
            add(list);
        }
        if (entity == Entity::Orders) {
            add(Endpoints::members());
        }
        if (const auto lines = linesOf(entity)) {
            add(endpointFor(*lines));
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
