#include "core/sync/SyncSettings.h"

#include "core/config/ConnectorConfigRepository.h"

namespace Cw {

SyncSettings::SyncSettings(const ConnectorConfig& config) : m_conflictPolicy(config.conflictPolicy)
{
    for (const ServerVariable& v : config.serverVariables) {
        if (!v.remoteId.isEmpty()) {
            m_variables.insert(v.key, v.remoteId);
        }
    }
    for (const LookupValue& l : config.lookups) {
        if (l.remoteId.isEmpty()) {
            continue;
        }
        m_lookups[l.lookup].insert(l.localValue, l.remoteId);
        QHash<QString, QString>& reverse = m_reverse[l.lookup];
        if (!reverse.contains(l.remoteId)) {
            reverse.insert(l.remoteId, l.localValue);
        }
    }
    // Only matches the admin confirmed: an unconfirmed suggestion (auto-match) is not used, so an order owned by
    // that user falls back to the sales_representative variable.
    for (const UserMapping& u : config.userMappings) {
        if (u.confirmed) {
            m_members.insert(u.localUserId, u.memberId);
        }
    }
    for (const SyncOption& o : config.syncOptions) {
        if (o.enabled) {
            m_enabled.insert({o.entity, o.operation});
        } else {
            m_enabled.remove({o.entity, o.operation});
        }
    }
}

std::optional<SyncSettings> SyncSettings::load(Database& database, qint64 instanceId, StoreError* error)
{
    const auto config = ConnectorConfigRepository(database).load(instanceId, error);
    if (!config) {
        return std::nullopt;
    }
    return SyncSettings(*config);
}

QString SyncSettings::lookup(const QString& lookup, const QString& localValue) const
{
    return m_lookups.value(lookup).value(localValue);
}

QString SyncSettings::reverseLookup(const QString& lookup, const QString& remoteId) const
{
    return m_reverse.value(lookup).value(remoteId);
}

bool SyncSettings::isEnabled(Entity entity, Operation operation) const
{
    return m_enabled.contains({entity, operation});
}

QString SyncSettings::unmappedReason(const QString& lookup, const QString& value)
{
    return tr("unmapped lookup value: %1 \"%2\" has no ConnectWise value; map it in the connector's lookups")
        .arg(lookup, value);
}

QString SyncSettings::missingVariableReason(const QString& key)
{
    return tr("missing variable: server variable %1 is not set; pick it in the connector's server variables").arg(key);
}

QString SyncSettings::missingLinkReason(Entity entity, const QString& localId)
{
    return tr("missing linked record: %1 %2 is not in ConnectWise yet; sync %1 first").arg(nameOf(entity), localId);
}

QString SyncSettings::invalidFieldReason(const QString& field, const QString& why)
{
    return tr("invalid field: %1 %2").arg(field, why);
}

} // namespace Cw
