#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QHash>
#include <QPair>
#include <QSet>

#include <optional>

namespace Cw {

class Database;

// One connector's configuration as the sync applies it: server variables, lookups (both ways), user
// mappings and sync options, loaded once per run from ConnectorConfigRepository.
class SyncSettings final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncSettings)

public:
    SyncSettings() = default;
    explicit SyncSettings(const ConnectorConfig& config);
    static std::optional<SyncSettings> load(Database& database, qint64 instanceId, StoreError* error = nullptr);

    // The ConnectWise id of a stored server variable; empty when it is not set.
    QString variable(const QString& key) const { return m_variables.value(key); }
    // The ConnectWise id a local value maps to; empty when unmapped.
    QString lookup(const QString& lookup, const QString& localValue) const;
    // The local value a ConnectWise id maps back to (the first one mapped to it); empty when none.
    QString reverseLookup(const QString& lookup, const QString& remoteId) const;
    // The member id of a local user; empty when the user is not mapped or the mapping is not confirmed.
    QString memberFor(const QString& localUserId) const { return m_members.value(localUserId); }
    bool isEnabled(Entity entity, Operation operation) const;
    ConflictPolicy conflictPolicy() const { return m_conflictPolicy; }

    // Reasons a record is skipped, shared by every descriptor (translated).
    static QString unmappedReason(const QString& lookup, const QString& value);
    static QString missingVariableReason(const QString& key);
    static QString missingLinkReason(Entity entity, const QString& localId);
    static QString invalidFieldReason(const QString& field, const QString& why);

private:
    QHash<QString, QString> m_variables;
    QHash<QString, QHash<QString, QString>> m_lookups; // lookup -> local value -> remote id
    QHash<QString, QHash<QString, QString>> m_reverse; // lookup -> remote id -> local value
    QHash<QString, QString> m_members;
    QSet<QPair<Entity, Operation>> m_enabled;
    ConflictPolicy m_conflictPolicy = ConflictPolicy::Report;
};

} // namespace Cw
