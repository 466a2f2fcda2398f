#include "core/config/ConfigDocument.h"

#include "core/CwVersion.h"
#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/RemoteResolver.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Cw {

namespace {

QString idText(const QJsonValue& value)
{
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return value.toString();
}

// Reads one document; every error names its place ("lookups[2].lookup") and ends the parse.
class DocumentReader final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ConfigDocument)

public:
    explicit DocumentReader(StoreError* error) : m_error(error) { }

    bool fail(const QString& place, const QString& problem)
    {
        return StoreError::fail(m_error, StoreError::Code::BadDocument, tr("Import: %1: %2").arg(place, problem),
                                place);
    }

    bool string(const QJsonObject& object, const QString& place, const char* key, QString* out, bool required)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        const QString where = place + QLatin1Char('.') + QLatin1String(key);
        if (value.isUndefined() || value.isNull()) {
            return !required || fail(where, tr("is missing."));
        }
        if (!value.isString() && !value.isDouble()) {
            return fail(where, tr("must be text."));
        }
        *out = idText(value);
        return true;
    }

    bool array(const QJsonObject& root, const char* key, QJsonArray* out)
    {
        const QJsonValue value = root.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            return true;
        }
        if (!value.isArray()) {
            return fail(QLatin1String(key), tr("must be a list."));
        }
        *out = value.toArray();
        return true;
    }

    // A validation error of ConnectorConfigRepository, placed in the document.
    bool placed(const QString& place, bool ok, const StoreError& validation)
    {
        return ok || fail(place, validation.message);
    }

private:
    StoreError* m_error;
};

bool readInstance(DocumentReader& r, const QJsonObject& o, Instance* instance)
{
    const QString p = QStringLiteral("instance");
    if (!r.string(o, p, "name", &instance->name, true) || !r.string(o, p, "deployment", &instance->deployment, true) ||
        !r.string(o, p, "site", &instance->site, false) || !r.string(o, p, "companyId", &instance->companyId, true) ||
        !r.string(o, p, "clientId", &instance->clientId, false) ||
        !r.string(o, p, "codebaseOverride", &instance->codebaseOverride, false) ||
        !r.string(o, p, "caFile", &instance->caFile, false)) {
        return false;
    }
    const QJsonObject proxy = o.value(QLatin1String("proxy")).toObject();
    QString mode = QStringLiteral("system");
    if (!r.string(proxy, QStringLiteral("instance.proxy"), "mode", &mode, false)) {
        return false;
    }
    const auto proxyMode = Instance::proxyModeFromName(mode);
    if (!proxyMode) {
        return r.fail(QStringLiteral("instance.proxy.mode"),
                      DocumentReader::tr("'%1' is not system, none or manual.").arg(mode));
    }
    instance->proxyMode = *proxyMode;
    instance->proxyHost = proxy.value(QLatin1String("host")).toString();
    instance->proxyPort = proxy.value(QLatin1String("port")).toInt();
    // Absent in documents written before it existed: the default.
    const QJsonValue inFlight = o.value(QLatin1String("maxInFlight"));
    if (!inFlight.isUndefined() && !inFlight.isNull()) {
        const double value = inFlight.toDouble(-1);
        if (!inFlight.isDouble() || value != std::floor(value)) {
            return r.fail(QStringLiteral("instance.maxInFlight"),
                          DocumentReader::tr("must be a whole number from 1 to %1.").arg(Instance::maxMaxInFlight));
        }
        instance->maxInFlight = inFlight.toInt();
        StoreError range;
        return r.placed(QStringLiteral("instance.maxInFlight"),
                        Instance::validateMaxInFlight(instance->maxInFlight, &range), range);
    }
    return true;
}

} // namespace

QJsonObject ConfigDocument::toJson(const QDateTime& exportedAt) const
{
    QJsonObject proxy {{QStringLiteral("mode"), Instance::proxyModeName(instance.proxyMode)}};
    if (instance.proxyMode == Instance::ProxyMode::Manual) {
        proxy.insert(QStringLiteral("host"), instance.proxyHost);
        proxy.insert(QStringLiteral("port"), instance.proxyPort);
    }
    const QJsonObject instanceObject {{QStringLiteral("name"), instance.name},
                                      {QStringLiteral("deployment"), instance.deployment},
                                      {QStringLiteral("site"), instance.site},
                                      {QStringLiteral("companyId"), instance.companyId},
                                      {QStringLiteral("clientId"), instance.clientId},
                                      {QStringLiteral("codebaseOverride"), instance.codebaseOverride},
                                      {QStringLiteral("caFile"), instance.caFile},
                                      {QStringLiteral("proxy"), proxy},
                                      {QStringLiteral("maxInFlight"), instance.maxInFlight}};
    QJsonArray variables;
    for (const ServerVariable& v : config.serverVariables) {
        variables.append(QJsonObject {{QStringLiteral("key"), v.key},
                                      {QStringLiteral("id"), v.remoteId},
                                      {QStringLiteral("name"), v.remoteName}});
    }
    QJsonArray options;
    for (const SyncOption& o : config.syncOptions) {
        options.append(QJsonObject {{QStringLiteral("entity"), nameOf(o.entity)},
                                    {QStringLiteral("operation"), nameOf(o.operation)},
                                    {QStringLiteral("enabled"), o.enabled}});
    }
    QJsonArray lookups;
    for (const LookupValue& l : config.lookups) {
        lookups.append(QJsonObject {{QStringLiteral("lookup"), l.lookup},
                                    {QStringLiteral("local"), l.localValue},
                                    {QStringLiteral("remoteId"), l.remoteId},
                                    {QStringLiteral("remoteName"), l.remoteName}});
    }
    QJsonArray users;
    for (const UserMapping& u : config.userMappings) {
        users.append(QJsonObject {{QStringLiteral("localUserId"), u.localUserId},
                                  {QStringLiteral("memberId"), u.memberId},
                                  {QStringLiteral("memberIdentifier"), u.memberIdentifier},
                                  {QStringLiteral("matchBy"), UserMapping::matchByName(u.matchBy)},
                                  {QStringLiteral("confidence"), u.confidence},
                                  {QStringLiteral("confirmed"), u.confirmed}});
    }
    return QJsonObject {{QStringLiteral("format"), QLatin1String(formatName)},
                        {QStringLiteral("version"), formatVersion},
                        {QStringLiteral("exportedAt"), exportedAt.toUTC().toString(Qt::ISODate)},
                        {QStringLiteral("generator"), QString(QLatin1String("cwconnector ") + QLatin1String(kVersion))},
                        {QStringLiteral("instance"), instanceObject},
                        {QStringLiteral("serverVariables"), variables},
                        {QStringLiteral("syncOptions"), options},
                        {QStringLiteral("conflictPolicy"), nameOf(config.conflictPolicy)},
                        {QStringLiteral("lookups"), lookups},
                        {QStringLiteral("userMappings"), users}};
}

std::optional<ConfigDocument> ConfigDocument::parse(const QByteArray& json, StoreError* error)
{
    DocumentReader r(error);
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        StoreError::fail(error, StoreError::Code::BadDocument,
                         tr("Import: this is not a cwconnector configuration export (not a JSON object%1).")
                             .arg(parseError.error != QJsonParseError::NoError
                                      ? QLatin1String(": ") + parseError.errorString()
                                      : QString()));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(formatName)) {
        StoreError::fail(error, StoreError::Code::BadDocument,
                         tr("Import: this is not a cwconnector configuration export (\"format\" is not \"%1\").")
                             .arg(QLatin1String(formatName)));
        return std::nullopt;
    }
    const QJsonValue versionValue = root.value(QLatin1String("version"));
    const int version = versionValue.isDouble() ? versionValue.toInt() : 0;
    if (version > formatVersion) {
        StoreError::fail(error, StoreError::Code::BadDocument,
                         tr("Import: this file was written by a newer cwconnector (configuration format version %1; "
                            "this version reads version %2). Update cwconnector to import it.")
                             .arg(version)
                             .arg(formatVersion));
        return std::nullopt;
    }
    if (version < 1 || versionValue.toDouble() != version) {
        r.fail(QStringLiteral("version"), tr("must be a whole number from 1 to %1.").arg(formatVersion));
        return std::nullopt;
    }
    ConfigDocument out;
    const QJsonValue instanceValue = root.value(QLatin1String("instance"));
    if (!instanceValue.isObject()) {
        r.fail(QStringLiteral("instance"), tr("is missing."));
        return std::nullopt;
    }
    if (!readInstance(r, instanceValue.toObject(), &out.instance)) {
        return std::nullopt;
    }
    QJsonArray variables, options, lookups, users;
    if (!r.array(root, "serverVariables", &variables) || !r.array(root, "syncOptions", &options) ||
        !r.array(root, "lookups", &lookups) || !r.array(root, "userMappings", &users)) {
        return std::nullopt;
    }
    // Optional: exports older than conflict policies have none (report).
    const QJsonValue policy = root.value(QLatin1String("conflictPolicy"));
    if (!policy.isUndefined()) {
        const auto parsed = parseName<ConflictPolicy>(policy.toString());
        if (!parsed) {
            r.fail(QStringLiteral("conflictPolicy"),
                   tr("must be one of %1.").arg(nameTable<ConflictPolicy>().names().join(QLatin1String(", "))));
            return std::nullopt;
        }
        out.config.conflictPolicy = *parsed;
    }
    StoreError validation;
    for (qsizetype i = 0; i < variables.size(); ++i) {
        const QString p = QStringLiteral("serverVariables[%1]").arg(i);
        const QJsonObject o = variables.at(i).toObject();
        ServerVariable v;
        if (!r.string(o, p, "key", &v.key, true) || !r.string(o, p, "id", &v.remoteId, true) ||
            !r.string(o, p, "name", &v.remoteName, false) ||
            !r.placed(p, ConnectorConfigRepository::validate(v, &validation), validation)) {
            return std::nullopt;
        }
        out.config.serverVariables.append(v);
    }
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QString p = QStringLiteral("syncOptions[%1]").arg(i);
        const QJsonObject o = options.at(i).toObject();
        QString entity;
        QString operation;
        if (!r.string(o, p, "entity", &entity, true) || !r.string(o, p, "operation", &operation, true)) {
            return std::nullopt;
        }
        const auto s = ConnectorConfigRepository::syncOption(entity, operation,
                                                             o.value(QLatin1String("enabled")).toBool(), &validation);
        if (!r.placed(p, s.has_value(), validation)) {
            return std::nullopt;
        }
        out.config.syncOptions.append(*s);
    }
    for (qsizetype i = 0; i < lookups.size(); ++i) {
        const QString p = QStringLiteral("lookups[%1]").arg(i);
        const QJsonObject o = lookups.at(i).toObject();
        LookupValue l;
        if (!r.string(o, p, "lookup", &l.lookup, true) || !r.string(o, p, "local", &l.localValue, true) ||
            !r.string(o, p, "remoteId", &l.remoteId, true) || !r.string(o, p, "remoteName", &l.remoteName, false) ||
            !r.placed(p, ConnectorConfigRepository::validate(l, &validation), validation)) {
            return std::nullopt;
        }
        out.config.lookups.append(l);
    }
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QString p = QStringLiteral("userMappings[%1]").arg(i);
        const QJsonObject o = users.at(i).toObject();
        UserMapping u;
        QString matchBy = QStringLiteral("manual");
        u.confidence = o.value(QLatin1String("confidence")).toInt(100);
        u.confirmed = o.value(QLatin1String("confirmed")).toBool();
        if (!r.string(o, p, "localUserId", &u.localUserId, true) || !r.string(o, p, "memberId", &u.memberId, true) ||
            !r.string(o, p, "memberIdentifier", &u.memberIdentifier, false) ||
            !r.string(o, p, "matchBy", &matchBy, false)) {
            return std::nullopt;
        }
        if (!UserMapping::matchByFromName(matchBy, &u.matchBy)) {
            r.fail(p + QLatin1String(".matchBy"), tr("'%1' is not email, name, identifier or manual.").arg(matchBy));
            return std::nullopt;
        }
        if (!r.placed(p, ConnectorConfigRepository::validate(u, &validation), validation)) {
            return std::nullopt;
        }
        out.config.userMappings.append(u);
    }
    return out;
}

QList<QPair<QString, QString>> ConfigDocument::namesToResolve() const
{
    QList<QPair<QString, QString>> names;
    auto add = [&names](const QString& kind, const QString& name) {
        if (!kind.isEmpty() && !names.contains(qMakePair(kind, name))) {
            names.append(qMakePair(kind, name));
        }
    };
    for (const ServerVariable& v : config.serverVariables) {
        add(ConfigNames::resolverKindForVariable(v.key), v.remoteName);
    }
    for (const LookupValue& l : config.lookups) {
        add(ConfigNames::resolverKindForLookup(l.lookup), l.remoteName);
    }
    for (const UserMapping& u : config.userMappings) {
        add(QLatin1String(RemoteResolver::member), u.memberIdentifier);
    }
    return names;
}

} // namespace Cw
