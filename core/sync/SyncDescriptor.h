#pragma once

#include "core/connectwise/JsonView.h"
#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"
#include "core/localdata/CsvEntityParser.h"
#include "core/sync/PulledFields.h"
#include "core/sync/SyncSettings.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Cw {

// What a descriptor needs besides the record: the configuration, and the ConnectWise id linked to another
// local record (0 when it has none yet), e.g. the company of an invoice's account.
struct SyncInputs
{
    const SyncSettings* settings = nullptr;
    std::function<qint64(Entity entity, const QString& localId)> linkedRemoteId;
};

// A local record as ConnectWise would get it, or the reason it cannot be sent.
struct PushBody
{
    QJsonObject body; // top-level fields only; references as {"id": n}
    QString path; // collection path; payments: finance/invoices/{id}/payments
    QString key; // value of the descriptor's keyField in body (reconciliation); empty when it has none
    QString skipReason; // translated; set when the record cannot be sent
};

// A ConnectWise record as the local system would get it: the local column values it sets.
struct PullValues
{
    PulledFields values;
    QString skipReason;
};

// One local entity <-> ConnectWise entity pair. The engine runs the same loop for every descriptor.
struct SyncDescriptor
{
    Entity entity = Entity::Accounts;
    QString remoteName; // company, catalog item, ...
    QString path; // collection path for lists and creates: company/companies
    QString keyField; // unique remote field a lost create is looked up by ("identifier"); empty: none
    // payments: invoices (the path holds the linked invoice id); lines: the invoice or order they belong to
    std::optional<Entity> parentEntity;
    // Lines: pushed by their parent's job right after each parent, under the parent's sync options (they have no
    // cells of their own); parentField is the member that references the parent ("invoice", "salesOrder").
    bool followsParent = false;
    QString parentField;
    QStringList totalFields; // invoices, orders: read back after their lines to compare `total` (fields=)
    QStringList requiredVariables; // push refuses to start without them
    QStringList variables; // every server variable it applies
    QStringList lookups; // every lookup it applies
    QStringList updatableFields; // fields a PATCH may replace (others are sent on create only)
    QStringList pullFields; // leaf fields asked for on pulls (`fields=`, e.g. `status/id`); empty = all
    std::function<PushBody(const LocalRecord& record, const SyncInputs& inputs)> toRemote;
    // Reads a record straight from the page's bytes (JsonRecord), not from a QJsonDocument.
    std::function<PullValues(const JsonRecord& remote, const SyncInputs& inputs)> fromRemote; // null: no pull

    // The entity whose sync options apply: the parent's for lines, else its own.
    Entity optionsEntity() const { return followsParent && parentEntity ? *parentEntity : entity; }
    bool supports(Operation operation) const;
    // Whether it syncs in that direction at all (Pull or Push).
    bool syncs(Direction direction) const { return supports(createIn(direction)) || supports(updateIn(direction)); }
    // The security-role entry the API member needs (Endpoints::permissionFor).
    QString permission() const;
};

class SyncDescriptors final
{
public:
    // In dependency order: accounts, products, invoices, invoice_lines, orders, order_lines, payments.
    static const QList<SyncDescriptor>& all();
    static const SyncDescriptor* find(Entity entity);
    // The entities a sync is asked for (--entities, the sync window): all but the lines, which follow their parent.
    static QList<Entity> entities();
    // The lines pushed with each record of parent (invoices: invoice_lines); null when it has none.
    static const SyncDescriptor* linesOf(Entity parent);

    // The parts built by each entity's own file.
    static SyncDescriptor accounts();
    static SyncDescriptor products();
    static SyncDescriptor invoices();
    static SyncDescriptor invoiceLines();
    static SyncDescriptor orders();
    static SyncDescriptor orderLines();
    static SyncDescriptor payments();
};

} // namespace Cw
