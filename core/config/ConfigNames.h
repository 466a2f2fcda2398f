#pragma once

#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"

#include <QString>
#include <QStringList>

namespace Cw {

// The stable names of server variables and lookups used in the database, on the command line and in exports
// (PRODUCT.md "Command line"; entities and operations: core/domain), what each server variable and lookup is
// resolved against in ConnectWise, and which sync cells exist.
class ConfigNames final
{
public:
    // Every server variable, including the three that are connector fields (connectwise_url, company_id,
    // client_id) and not rows of server_variables.
    static QStringList serverVariables();
    // The server variables picked from live ConnectWise lists and stored in server_variables.
    static QStringList storedServerVariables();
    static bool isInstanceFieldVariable(const QString& key);
    // account_type currency invoice_stage invoice_type product_type unit_type order_stage country; also the names
    // of the local value lists they map (value_lists.list).
    static QStringList lookups();

    // Whether the entity x operation cell of the sync matrix exists (only those can be enabled).
    static bool isSupportedSyncOption(Entity entity, Operation operation);

    // The RemoteResolver kind a stored server variable / lookup value is an id of; empty for fixed
    // ConnectWise enumerations (product_billable_option, invoice_type), whose value is its own id, and for the
    // local payment-method ids (credit_card_method_id, bank_deposit_method_id).
    static QString resolverKindForVariable(const QString& key);
    static QString resolverKindForLookup(const QString& lookup);
    // The fixed values of an enumeration-typed variable or lookup; empty when the values come from a list.
    static QStringList fixedValuesForVariable(const QString& key);
    static QStringList fixedValuesForLookup(const QString& lookup);
};

} // namespace Cw
