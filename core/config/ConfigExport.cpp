#include "core/config/ConfigExport.h"

#include "core/config/ConfigLog.h"
#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/RemoteResolver.h"
#include "core/store/Database.h"

#include <QJsonDocument>

namespace Cw {

namespace {

// The id of `name` in the target ConnectWise, or std::nullopt (recorded as unresolved). Fixed enumerations
// (empty kind) keep their value.
std::optional<QString> resolve(RemoteResolver& resolver, const QString& kind, const QString& name,
                               const QString& fixedValue)
{
    if (kind.isEmpty()) {
        return fixedValue;
    }
    if (name.trimmed().isEmpty()) {
        return std::nullopt;
    }
    return resolver.resolveId(kind, name);
}

} // namespace

std::optional<ImportResult> ConfigExport::importJson(const QByteArray& json, const QString& asName,
                                                     RemoteResolver& resolver, StoreError* error)
{
    std::optional<ConfigDocument> document = ConfigDocument::parse(json, error);
    if (!document) {
        return std::nullopt;
    }
    ImportResult result;
    result.instance = document->instance;
    if (!asName.trimmed().isEmpty()) {
        result.instance.name = asName;
    }
    result.instance.id = 0;
    result.instance.state = Instance::State::Draft;
    result.instance.normalize();
    if (!result.instance.validate(error)) {
        return std::nullopt;
    }

    ConnectorConfig config;
    config.syncOptions = document->config.syncOptions;
    config.conflictPolicy = document->config.conflictPolicy;
    for (const ServerVariable& v : document->config.serverVariables) {
        const QString kind = ConfigNames::resolverKindForVariable(v.key);
        if (const auto id = resolve(resolver, kind, v.remoteName, v.remoteId)) {
            config.serverVariables.append({v.key, *id, v.remoteName});
        } else {
            result.unresolved.append({QStringLiteral("serverVariables"), v.key, kind, v.remoteName, v.remoteId});
        }
    }
    for (const LookupValue& l : document->config.lookups) {
        const QString kind = ConfigNames::resolverKindForLookup(l.lookup);
        if (const auto id = resolve(resolver, kind, l.remoteName, l.remoteId)) {
            config.lookups.append({l.lookup, l.localValue, *id, l.remoteName});
        } else {
            result.unresolved.append({QStringLiteral("lookups"), l.lookup + QLatin1Char(':') + l.localValue, kind,
                                      l.remoteName, l.remoteId});
        }
    }
    const QString memberKind = QLatin1String(RemoteResolver::member);
    for (const UserMapping& u : document->config.userMappings) {
        if (const auto id = resolve(resolver, memberKind, u.memberIdentifier, u.memberId)) {
            UserMapping mapped = u;
            mapped.memberId = *id;
            config.userMappings.append(mapped);
        } else {
            result.unresolved.append(
                {QStringLiteral("userMappings"), u.localUserId, memberKind, u.memberIdentifier, u.memberId});
        }
    }

    // One transaction: the draft and all its settings, or nothing.
    WriteTransaction transaction(m_database);
    InstanceRepository instances(m_database, m_clock);
    if (!transaction.begin(error) || !instances.create(&result.instance, error) ||
        !ConnectorConfigRepository(m_database).replace(result.instance.id, config, error) ||
        !transaction.commit(error)) {
        return std::nullopt;
    }
    qCInfo(lcConfig) << "imported connector" << result.instance.id << result.instance.name << "with"
                     << result.unresolved.size() << "unresolved references";
    return result;
}

ConfigExport::ConfigExport(Database& database, InstanceRepository::Clock clock)
    : m_database(database), m_clock(std::move(clock))
{ }

std::optional<QByteArray> ConfigExport::exportJson(const QString& instanceName, StoreError* error) const
{
    InstanceRepository instances(m_database, m_clock);
    const std::optional<Instance> instance = instances.findByName(instanceName, error);
    if (!instance) {
        return std::nullopt;
    }
    const std::optional<ConnectorConfig> config = ConnectorConfigRepository(m_database).load(instance->id, error);
    if (!config) {
        return std::nullopt;
    }
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    return QJsonDocument(ConfigDocument {*instance, *config}.toJson(now)).toJson(QJsonDocument::Indented);
}

QByteArray ConfigExport::retarget(const QByteArray& json, const Instance& target)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonObject instanceJson = root.value(QStringLiteral("instance")).toObject();
    instanceJson.insert(QStringLiteral("deployment"), target.deployment);
    instanceJson.insert(QStringLiteral("site"), target.site);
    instanceJson.insert(QStringLiteral("companyId"), target.companyId);
    root.insert(QStringLiteral("instance"), instanceJson);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace Cw
