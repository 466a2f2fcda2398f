#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>

#include <optional>

namespace Cw {

class Database;

// Server variables, sync options, lookups and user mappings of one connector (by instance id). Setters
// validate the names (ConfigNames) and upsert in one transaction; removing the instance cascades to all of
// them. Call them inside an outer WriteTransaction to group several changes into one.
class ConnectorConfigRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ConnectorConfigRepository)

public:
    explicit ConnectorConfigRepository(Database& database);

    std::optional<ConnectorConfig> load(qint64 instanceId, StoreError* error = nullptr) const;
    // Replaces the four sets and the conflict policy with `config` in one transaction.
    bool replace(qint64 instanceId, const ConnectorConfig& config, StoreError* error = nullptr);

    QList<ServerVariable> serverVariables(qint64 instanceId, StoreError* error = nullptr) const;
    bool setServerVariable(qint64 instanceId, const ServerVariable& variable, StoreError* error = nullptr);
    bool clearServerVariable(qint64 instanceId, const QString& key, StoreError* error = nullptr);

    QList<SyncOption> syncOptions(qint64 instanceId, StoreError* error = nullptr) const;
    bool setSyncOption(qint64 instanceId, const SyncOption& option, StoreError* error = nullptr);
    bool isSyncEnabled(qint64 instanceId, Entity entity, Operation operation, StoreError* error = nullptr) const;

    // The connector's conflict policy (report when none was set).
    std::optional<ConflictPolicy> conflictPolicy(qint64 instanceId, StoreError* error = nullptr) const;
    bool setConflictPolicy(qint64 instanceId, ConflictPolicy policy, StoreError* error = nullptr);

    QList<LookupValue> lookups(qint64 instanceId, StoreError* error = nullptr) const; // every lookup
    bool setLookup(qint64 instanceId, const LookupValue& value, StoreError* error = nullptr);
    bool clearLookup(qint64 instanceId, const QString& lookup, const QString& localValue, StoreError* error = nullptr);

    QList<UserMapping> userMappings(qint64 instanceId, StoreError* error = nullptr) const;
    bool setUserMapping(qint64 instanceId, const UserMapping& mapping, StoreError* error = nullptr);
    bool clearUserMapping(qint64 instanceId, const QString& localUserId, StoreError* error = nullptr);

    // Validation used by the setters and by ConfigExport (messages name the field and the fix).
    static bool validate(const ServerVariable& variable, StoreError* error);
    static bool validate(const SyncOption& option, StoreError* error);
    // A sync option from its names (an import, the database): nullopt with the error naming the unknown name.
    static std::optional<SyncOption> syncOption(const QString& entity, const QString& operation, bool enabled,
                                                StoreError* error);
    static bool validate(const LookupValue& value, StoreError* error);
    static bool validate(const UserMapping& mapping, StoreError* error);

private:
    bool write(const QString& sql, const QVariantList& values, StoreError* error);

    Database& m_database;
};

} // namespace Cw
