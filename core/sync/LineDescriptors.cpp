// The invoice-line and order-line descriptors: each local line is a ConnectWise product item (ProductItem) of its
// invoice or sales order, pushed by the parent's job right after the parent (LinePush).
#include "core/connectwise/Endpoints.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncMapping.h"

namespace Cw {

using namespace SyncMapping;

namespace {

QString value(const LocalRecord& record, const QString& column)
{
    return text(record.values.value(column));
}

// Only members of ProductItem (connectwise-models-2022.1.json): catalogItem, the parent reference, quantity, price,
// description, billableOption (required) and integrationXRef, which carries the local line: the key a create whose
// answer was lost is found again by.
PushBody productItemBody(const LocalRecord& r, const SyncInputs& in, Entity entity, Entity parent,
                         const QString& parentColumn, const QString& parentField)
{
    PushBody out;
    out.path = Endpoints::productItems();
    out.key = nameOf(entity) + QLatin1Char(':') + r.id;
    const QString parentId = value(r, parentColumn);
    const qint64 parentRemote = in.linkedRemoteId(parent, parentId);
    if (parentRemote <= 0) {
        out.skipReason = SyncSettings::missingLinkReason(parent, parentId);
        return out;
    }
    const QString product = value(r, QStringLiteral("product_id"));
    const qint64 catalogItem = in.linkedRemoteId(Entity::Products, product);
    if (catalogItem <= 0) {
        out.skipReason = SyncSettings::tr("missing linked record: product %1 is not linked to a ConnectWise catalog "
                                          "item; sync products first")
                             .arg(product);
        return out;
    }
    const QString billable = in.settings->variable(QStringLiteral("product_billable_option"));
    if (billable.isEmpty()) {
        out.skipReason = SyncSettings::missingVariableReason(QStringLiteral("product_billable_option"));
        return out;
    }
    QJsonObject& b = out.body;
    b.insert(QStringLiteral("catalogItem"), reference(QString::number(catalogItem)));
    b.insert(parentField, reference(QString::number(parentRemote)));
    put(&b, QStringLiteral("quantity"), money(r.values.value(QStringLiteral("quantity"))));
    put(&b, QStringLiteral("price"), money(r.values.value(QStringLiteral("price"))));
    put(&b, QStringLiteral("description"), value(r, QStringLiteral("description")));
    b.insert(QStringLiteral("billableOption"), billable);
    b.insert(QStringLiteral("integrationXRef"), out.key);
    return out;
}

SyncDescriptor lineDescriptor(Entity entity, Entity parent, const QString& parentColumn, const QString& parentField)
{
    SyncDescriptor d;
    d.entity = entity;
    d.remoteName = QStringLiteral("product item");
    d.path = Endpoints::productItems();
    d.keyField = QStringLiteral("integrationXRef");
    d.parentEntity = parent;
    d.followsParent = true;
    d.parentField = parentField;
    d.requiredVariables = {QStringLiteral("product_billable_option")};
    d.variables = d.requiredVariables;
    // A line moved to another invoice or order is moved in ConnectWise too (its parent reference is replaced).
    d.updatableFields = {QStringLiteral("catalogItem"), parentField,
                         QStringLiteral("quantity"),    QStringLiteral("price"),
                         QStringLiteral("description"), QStringLiteral("billableOption")};
    d.toRemote = [entity, parent, parentColumn, parentField](const LocalRecord& r, const SyncInputs& in) {
        return productItemBody(r, in, entity, parent, parentColumn, parentField);
    };
    return d;
}

} // namespace

SyncDescriptor SyncDescriptors::invoiceLines()
{
    return lineDescriptor(Entity::InvoiceLines, Entity::Invoices, QStringLiteral("invoice_id"),
                          QStringLiteral("invoice"));
}

SyncDescriptor SyncDescriptors::orderLines()
{
    return lineDescriptor(Entity::OrderLines, Entity::Orders, QStringLiteral("order_id"), QStringLiteral("salesOrder"));
}

} // namespace Cw
