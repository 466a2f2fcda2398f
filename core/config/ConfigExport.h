#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/Instance.h"
#include "core/config/InstanceRepository.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QPair>

#include <optional>

namespace Cw {

class Database;
class RemoteResolver;

// A reference an import could not carry over: no record of `kind` named `name` exists in the target
// ConnectWise. The setting is left unset (a check names it; the syncs that need it are blocked).
struct UnresolvedReference
{
    QString section; // "serverVariables" | "lookups" | "userMappings"
    QString item; // the variable key, "lookup:local value", or the local user id
    QString kind; // the RemoteResolver kind
    QString name; // the name looked for
    QString oldId; // the id in the exported configuration
};

// The content of an export document.
struct ExportDocument
{
    Instance instance; // no id, no state, no timestamps
    ConnectorConfig config;
};

struct ImportResult
{
    Instance instance; // the created draft, with its id
    QList<UnresolvedReference> unresolved;
};

// A connector's configuration as versioned JSON, without secrets (there are none in the database):
// {"format":"cwconnector-config","version":1,"exportedAt":"...","generator":"cwconnector X.Y.Z",
//  "instance":{name,deployment,site,companyId,clientId,codebaseOverride,caFile,proxy:{mode,host,port}},
//  "serverVariables":[{key,id,name}],"syncOptions":[{entity,operation,enabled}],
//  "lookups":[{lookup,local,remoteId,remoteName}],
//  "userMappings":[{localUserId,memberId,memberIdentifier,matchBy,confidence,confirmed}]}
// Import creates a new draft connector and re-resolves every ConnectWise id by name through a RemoteResolver.
class ConfigExport final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ConfigExport)

public:
    static constexpr int formatVersion = 1;
    static constexpr const char* formatName = "cwconnector-config";

    explicit ConfigExport(Database& database, InstanceRepository::Clock clock = {});

    // The export of the connector named instanceName (case-insensitive), indented JSON.
    std::optional<QByteArray> exportJson(const QString& instanceName, StoreError* error = nullptr) const;
    QJsonObject toJson(const Instance& instance, const ConnectorConfig& config) const;

    // Reads and checks a document without touching the database. Errors (BadDocument) name the place in the
    // document; a version newer than formatVersion says so.
    static std::optional<ExportDocument> parse(const QByteArray& json, StoreError* error = nullptr);
    // The (kind, name) pairs an import of `document` will ask the resolver about, so that a caller can fetch
    // just those ConnectWise lists first.
    static QList<QPair<QString, QString>> namesToResolve(const ExportDocument& document);

    // Creates a draft connector named asName (or the exported name when asName is empty) holding the
    // document's settings with ids re-resolved by name; all in one transaction. Unresolved references are
    // left out and listed in the result.
    std::optional<ImportResult> importJson(const QByteArray& json, const QString& asName, RemoteResolver& resolver,
                                           StoreError* error = nullptr);

private:
    Database& m_database;
    InstanceRepository::Clock m_clock;
};

} // namespace Cw
