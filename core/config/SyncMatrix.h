#pragma once

#include "core/check/ConnectionCheck.h"
#include "core/config/ConnectorConfig.h"

#include <QCoreApplication>
#include <QStringList>

namespace Cw {

// One cell of the sync-options matrix as the panel and the CLI show it.
struct SyncCell
{
    Entity entity = Entity::Accounts;
    Operation operation = Operation::PullCreate;
    bool supported = false;
    QString description; // what ticking it does
    QString path; // the ConnectWise endpoint it reads or writes
    QString permission; // "Finance > Invoicing", from Endpoints
};

// The entity x operation matrix of PRODUCT.md: what each cell does, which permission it needs, and the
// endpoints the systems check must probe for the enabled cells.
class SyncMatrix final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncMatrix)

public:
    static QList<Entity> entities(); // the synced entities (users are mapped, not synced)
    static QString entityTitle(Entity entity); // "Account ↔ company"
    static QString operationTitle(Operation operation); // "Pull create"
    static SyncCell cell(Entity entity, Operation operation);
    static bool isEnabled(const ConnectorConfig& config, Entity entity, Operation operation);
    static void setEnabled(ConnectorConfig* config, Entity entity, Operation operation, bool enabled);

    // Parses "accounts.push_create=on"; *error names the setting and the fix.
    static bool parseSetting(const QString& text, SyncOption* option, QString* error);

    // The endpoints the systems check must probe for the enabled options (and the lists they use),
    // plus system/members (user mapping) — so a CheckPlan can be built from the configuration.
    static QStringList permissionPathsFor(const ConnectorConfig& config);
    static CheckPlan checkPlanFor(const ConnectorConfig& config);
};

} // namespace Cw
