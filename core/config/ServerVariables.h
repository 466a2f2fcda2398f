#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/RemoteLists.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Cw {

// What the panel shows about one server variable (texts from the BSS document).
struct VariableInfo
{
    QString key; // ConfigNames::serverVariables()
    QString title; // "Import account status"
    QString usedFor; // "Accounts"
    QString explanation;
    QString example;
    QString kind; // RemoteResolver kind the value is picked from; empty for fixed or local values
    bool instanceField = false; // connectwise_url, company_id, client_id: read-only here
    bool localId = false; // the payment method ids: the local system's own, picked from its payment methods
};

// A stored id that ConnectWise no longer has, or has made inactive.
struct StaleVariable
{
    QString key;
    QString remoteId;
    QString remoteName; // as stored
    QString reason; // "Company status 5 \"Imported\" no longer exists in ConnectWise."
    QString fix; // "Pick another value under Server variables › Import account status, ..."
};

// A sync that cannot run because of a server variable, and why.
struct SyncBlocker
{
    QString variable;
    Entity entity = Entity::Accounts;
    Operation operation = Operation::PushCreate;
    QString reason;
    QString fix;
};

// Server-variable logic of the configuration panels and the CLI: descriptions, the choices from live
// lists (subcategories filtered by the chosen category, members without API and inactive ones), the
// stale-id guard and which syncs a bad variable blocks.
class ServerVariables final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ServerVariables)

public:
    static QList<VariableInfo> all(); // the eleven, in PRODUCT.md's order
    static VariableInfo info(const QString& key);

    // The values a variable can be set to. product_subcategory is filtered by categoryId when given;
    // product_billable_option gives its three enum values (id = name). Inactive records are left out.
    static QList<RemoteItem> choices(const QString& key, const RemoteLists& lists, const QString& categoryId = {});

    // Checks `id` for `key` against the lists (and the chosen category), or for a payment-method id against the
    // local system's payment methods (LocalRecordStore::values(LocalSchema::paymentMethodList())); on failure
    // *error names the key and the fix. Fills *item with the record picked.
    static bool validate(const QString& key, const QString& id, const RemoteLists& lists, const ConnectorConfig& config,
                         const QStringList& paymentMethods, RemoteItem* item, QString* error);

    // Every stored variable whose id is missing from its (fetched) list, inactive, an API member, or a
    // subcategory of another category. Lists that were not fetched are not judged.
    static QList<StaleVariable> staleVariables(const ConnectorConfig& config, const RemoteLists& lists);

    // The syncs of `entity` that a stale or unset variable blocks, with the reason.
    static QList<SyncBlocker> syncBlockers(const ConnectorConfig& config, const RemoteLists& lists, Entity entity);
    // The entity.operation cells a variable is needed by.
    static QList<QPair<Entity, Operation>> usedBy(const QString& key);

    static std::optional<ServerVariable> stored(const ConnectorConfig& config, const QString& key);
};

} // namespace Cw
