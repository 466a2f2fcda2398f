#include "core/config/ConnectorConfigRepository.h"

#include "core/config/ConfigNames.h"
#include "core/store/Database.h"

#include <QSqlQuery>

namespace Cw {

namespace {

bool invalid(StoreError* error, const QString& field, const QString& message)
{
    return StoreError::fail(error, StoreError::Code::Invalid, message, field);
}

} // namespace

ConnectorConfigRepository::ConnectorConfigRepository(Database& database) : m_database(database) { }

bool ConnectorConfigRepository::validate(const ServerVariable& variable, StoreError* error)
{
    if (ConfigNames::isInstanceFieldVariable(variable.key)) {
        return invalid(error, tr("Server variable"),
                       tr("Server variable: '%1' is a setting of the connector itself; change it in the connector's "
                          "settings.")
                           .arg(variable.key));
    }
    if (!ConfigNames::storedServerVariables().contains(variable.key)) {
        return invalid(error, tr("Server variable"),
                       tr("Server variable: '%1' is not known; use one of %2.")
                           .arg(variable.key, ConfigNames::storedServerVariables().join(QLatin1String(", "))));
    }
    if (variable.remoteId.trimmed().isEmpty()) {
        return invalid(error, variable.key,
                       tr("%1: no ConnectWise value was chosen; pick one from the list.").arg(variable.key));
    }
    const QStringList fixed = ConfigNames::fixedValuesForVariable(variable.key);
    if (!fixed.isEmpty() && !fixed.contains(variable.remoteId)) {
        return invalid(
            error, variable.key,
            tr("%1: '%2' is not one of %3.").arg(variable.key, variable.remoteId, fixed.join(QLatin1String(", "))));
    }
    return true;
}

std::optional<SyncOption> ConnectorConfigRepository::syncOption(const QString& entity, const QString& operation,
                                                                bool enabled, StoreError* error)
{
    const auto parsedEntity = parseName<Entity>(entity);
    if (!parsedEntity) {
        invalid(error, tr("Sync option"),
                tr("Sync option: '%1' is not an entity; use one of %2.")
                    .arg(entity, namesOf<Entity>().join(QLatin1String(", "))));
        return std::nullopt;
    }
    const auto parsedOperation = parseName<Operation>(operation);
    if (!parsedOperation) {
        invalid(error, tr("Sync option"),
                tr("Sync option: '%1' is not an operation; use one of %2.")
                    .arg(operation, namesOf<Operation>().join(QLatin1String(", "))));
        return std::nullopt;
    }
    const SyncOption option {*parsedEntity, *parsedOperation, enabled};
    if (!validate(option, error)) {
        return std::nullopt;
    }
    return option;
}

bool ConnectorConfigRepository::validate(const SyncOption& option, StoreError* error)
{
    if (option.enabled && !ConfigNames::isSupportedSyncOption(option.entity, option.operation)) {
        return invalid(error, tr("Sync option"),
                       tr("Sync option: %1.%2 is not supported by ConnectWise; only the ticked cells of the sync "
                          "matrix can be turned on.")
                           .arg(nameOf(option.entity), nameOf(option.operation)));
    }
    return true;
}

bool ConnectorConfigRepository::validate(const LookupValue& value, StoreError* error)
{
    if (!ConfigNames::lookups().contains(value.lookup)) {
        return invalid(error, tr("Lookup"),
                       tr("Lookup: '%1' is not known; use one of %2.")
                           .arg(value.lookup, ConfigNames::lookups().join(QLatin1String(", "))));
    }
    if (value.localValue.isEmpty()) {
        return invalid(error, value.lookup, tr("%1: the local value is empty; choose one.").arg(value.lookup));
    }
    if (value.remoteId.trimmed().isEmpty()) {
        return invalid(error, value.lookup,
                       tr("%1: no ConnectWise value was chosen for '%2'; pick one from the list.")
                           .arg(value.lookup, value.localValue));
    }
    const QStringList fixed = ConfigNames::fixedValuesForLookup(value.lookup);
    if (!fixed.isEmpty() && !fixed.contains(value.remoteId)) {
        return invalid(
            error, value.lookup,
            tr("%1: '%2' is not one of %3.").arg(value.lookup, value.remoteId, fixed.join(QLatin1String(", "))));
    }
    return true;
}

bool ConnectorConfigRepository::validate(const UserMapping& mapping, StoreError* error)
{
    if (mapping.localUserId.isEmpty()) {
        return invalid(error, tr("User"), tr("User: the local user id is empty; choose a user."));
    }
    if (mapping.memberId.trimmed().isEmpty()) {
        return invalid(
            error, tr("Member"),
            tr("Member: no ConnectWise member was chosen for user '%1'; pick one.").arg(mapping.localUserId));
    }
    if (mapping.confidence < 0 || mapping.confidence > 100) {
        return invalid(error, tr("Confidence"), tr("Confidence: %1 is not between 0 and 100.").arg(mapping.confidence));
    }
    return true;
}

bool ConnectorConfigRepository::write(const QString& sql, const QVariantList& values, StoreError* error)
{
    WriteTransaction transaction(m_database);
    return transaction.begin(error) && m_database.exec(sql, values, error) && transaction.commit(error);
}

QList<ServerVariable> ConnectorConfigRepository::serverVariables(qint64 instanceId, StoreError* error) const
{
    QList<ServerVariable> result;
    QSqlQuery q;
    if (m_database.exec(QStringLiteral("SELECT variable, remote_id, remote_name FROM server_variables "
                                       "WHERE instance_id = ? ORDER BY variable"),
                        {instanceId}, error, &q)) {
        while (q.next()) {
            result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
        }
    }
    return result;
}

bool ConnectorConfigRepository::setServerVariable(qint64 instanceId, const ServerVariable& variable, StoreError* error)
{
    return validate(variable, error) &&
        write(QStringLiteral("INSERT INTO server_variables (instance_id, variable, remote_id, remote_name) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (instance_id, variable) DO UPDATE SET "
                             "remote_id = excluded.remote_id, remote_name = excluded.remote_name"),
              {instanceId, variable.key, variable.remoteId.trimmed(), variable.remoteName}, error);
}

bool ConnectorConfigRepository::clearServerVariable(qint64 instanceId, const QString& key, StoreError* error)
{
    return write(QStringLiteral("DELETE FROM server_variables WHERE instance_id = ? AND variable = ?"),
                 {instanceId, key}, error);
}

QList<SyncOption> ConnectorConfigRepository::syncOptions(qint64 instanceId, StoreError* error) const
{
    QList<SyncOption> result;
    QSqlQuery q;
    if (m_database.exec(QStringLiteral("SELECT entity, operation, enabled FROM sync_options WHERE instance_id = ? "
                                       "ORDER BY entity, operation"),
                        {instanceId}, error, &q)) {
        while (q.next()) {
            const auto entity = parseName<Entity>(q.value(0).toString());
            const auto operation = parseName<Operation>(q.value(1).toString());
            if (entity && operation) { // rows are validated when written; another program's stray row is ignored
                result.append({*entity, *operation, q.value(2).toInt() != 0});
            }
        }
    }
    return result;
}

bool ConnectorConfigRepository::setSyncOption(qint64 instanceId, const SyncOption& option, StoreError* error)
{
    return validate(option, error) &&
        write(QStringLiteral("INSERT INTO sync_options (instance_id, entity, operation, enabled) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (instance_id, entity, operation) DO UPDATE SET enabled = excluded.enabled"),
              {instanceId, nameOf(option.entity), nameOf(option.operation), option.enabled ? 1 : 0}, error);
}

bool ConnectorConfigRepository::isSyncEnabled(qint64 instanceId, Entity entity, Operation operation,
                                              StoreError* error) const
{
    QSqlQuery q;
    if (!m_database.exec(QStringLiteral("SELECT enabled FROM sync_options WHERE instance_id = ? AND entity = ? "
                                        "AND operation = ?"),
                         {instanceId, nameOf(entity), nameOf(operation)}, error, &q)) {
        return false;
    }
    return q.next() && q.value(0).toInt() != 0;
}

QList<LookupValue> ConnectorConfigRepository::lookups(qint64 instanceId, StoreError* error) const
{
    QList<LookupValue> result;
    QSqlQuery q;
    if (m_database.exec(QStringLiteral("SELECT lookup, local_value, remote_id, remote_name FROM lookups "
                                       "WHERE instance_id = ? ORDER BY lookup, local_value"),
                        {instanceId}, error, &q)) {
        while (q.next()) {
            result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
        }
    }
    return result;
}

bool ConnectorConfigRepository::setLookup(qint64 instanceId, const LookupValue& value, StoreError* error)
{
    return validate(value, error) &&
        write(QStringLiteral("INSERT INTO lookups (instance_id, lookup, local_value, remote_id, remote_name) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (instance_id, lookup, local_value) DO UPDATE SET "
                             "remote_id = excluded.remote_id, remote_name = excluded.remote_name"),
              {instanceId, value.lookup, value.localValue, value.remoteId.trimmed(), value.remoteName}, error);
}

bool ConnectorConfigRepository::clearLookup(qint64 instanceId, const QString& lookup, const QString& localValue,
                                            StoreError* error)
{
    return write(QStringLiteral("DELETE FROM lookups WHERE instance_id = ? AND lookup = ? AND local_value = ?"),
                 {instanceId, lookup, localValue}, error);
}

QList<UserMapping> ConnectorConfigRepository::userMappings(qint64 instanceId, StoreError* error) const
{
    QList<UserMapping> result;
    QSqlQuery q;
    if (m_database.exec(QStringLiteral("SELECT local_user_id, member_id, member_identifier, match_by, confidence, "
                                       "confirmed FROM user_mappings WHERE instance_id = ? ORDER BY local_user_id"),
                        {instanceId}, error, &q)) {
        while (q.next()) {
            UserMapping m;
            m.localUserId = q.value(0).toString();
            m.memberId = q.value(1).toString();
            m.memberIdentifier = q.value(2).toString();
            UserMapping::matchByFromName(q.value(3).toString(), &m.matchBy);
            m.confidence = q.value(4).toInt();
            m.confirmed = q.value(5).toInt() != 0;
            result.append(m);
        }
    }
    return result;
}

bool ConnectorConfigRepository::setUserMapping(qint64 instanceId, const UserMapping& m, StoreError* error)
{
    return validate(m, error) &&
        write(QStringLiteral("INSERT INTO user_mappings (instance_id, local_user_id, member_id, member_identifier, "
                             "match_by, confidence, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (instance_id, local_user_id) DO UPDATE SET member_id = excluded.member_id, "
                             "member_identifier = excluded.member_identifier, match_by = excluded.match_by, "
                             "confidence = excluded.confidence, confirmed = excluded.confirmed"),
              {instanceId, m.localUserId, m.memberId.trimmed(), m.memberIdentifier, UserMapping::matchByName(m.matchBy),
               m.confidence, m.confirmed ? 1 : 0},
              error);
}

bool ConnectorConfigRepository::clearUserMapping(qint64 instanceId, const QString& localUserId, StoreError* error)
{
    return write(QStringLiteral("DELETE FROM user_mappings WHERE instance_id = ? AND local_user_id = ?"),
                 {instanceId, localUserId}, error);
}

std::optional<ConflictPolicy> ConnectorConfigRepository::conflictPolicy(qint64 instanceId, StoreError* error) const
{
    QSqlQuery q(m_database.connection());
    if (!m_database.exec(QStringLiteral("SELECT conflicts FROM sync_policies WHERE instance_id = ?"), {instanceId},
                         error, &q)) {
        return std::nullopt;
    }
    return q.next() ? parseName<ConflictPolicy>(q.value(0).toString()).value_or(ConflictPolicy::Report)
                    : ConflictPolicy::Report;
}

bool ConnectorConfigRepository::setConflictPolicy(qint64 instanceId, ConflictPolicy policy, StoreError* error)
{
    return write(QStringLiteral("INSERT INTO sync_policies (instance_id, conflicts) VALUES (?, ?)"
                                " ON CONFLICT (instance_id) DO UPDATE SET conflicts = excluded.conflicts"),
                 {instanceId, nameOf(policy)}, error);
}

std::optional<ConnectorConfig> ConnectorConfigRepository::load(qint64 instanceId, StoreError* error) const
{
    StoreError local;
    ConnectorConfig config;
    config.serverVariables = serverVariables(instanceId, &local);
    config.syncOptions = syncOptions(instanceId, &local);
    config.lookups = lookups(instanceId, &local);
    config.userMappings = userMappings(instanceId, &local);
    config.conflictPolicy = conflictPolicy(instanceId, &local).value_or(ConflictPolicy::Report);
    if (local.isError()) {
        if (error) {
            *error = local;
        }
        return std::nullopt;
    }
    return config;
}

bool ConnectorConfigRepository::replace(qint64 instanceId, const ConnectorConfig& config, StoreError* error)
{
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error)) {
        return false;
    }
    const char* const tables[] = {"server_variables", "sync_options", "lookups", "user_mappings"};
    for (const char* table : tables) {
        // Table names are constants, never input.
        if (!m_database.exec(QLatin1String("DELETE FROM ") + QLatin1String(table) +
                                 QLatin1String(" WHERE instance_id = ?"),
                             {instanceId}, error)) {
            return false;
        }
    }
    for (const ServerVariable& variable : config.serverVariables) {
        if (!setServerVariable(instanceId, variable, error)) {
            return false;
        }
    }
    for (const SyncOption& option : config.syncOptions) {
        if (!setSyncOption(instanceId, option, error)) {
            return false;
        }
    }
    for (const LookupValue& value : config.lookups) {
        if (!setLookup(instanceId, value, error)) {
            return false;
        }
    }
    for (const UserMapping& mapping : config.userMappings) {
        if (!setUserMapping(instanceId, mapping, error)) {
            return false;
        }
    }
    if (!setConflictPolicy(instanceId, config.conflictPolicy, error)) {
        return false;
    }
    return transaction.commit(error);
}

} // namespace Cw
