#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/Instance.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QPair>

#include <optional>

namespace Cw {

// A connector's configuration as a versioned JSON document, without secrets (there are none to export):
// {"format":"cwconnector-config","version":1,"exportedAt":"...","generator":"cwconnector X.Y.Z",
//  "instance":{name,deployment,site,companyId,clientId,codebaseOverride,caFile,proxy:{mode,host,port},maxInFlight},
//  "serverVariables":[{key,id,name}],"syncOptions":[{entity,operation,enabled}],
//  "lookups":[{lookup,local,remoteId,remoteName}],
//  "userMappings":[{localUserId,memberId,memberIdentifier,matchBy,confidence,confirmed}]}
struct ConfigDocument
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ConfigDocument)

public:
    static constexpr int formatVersion = 1;
    static constexpr const char* formatName = "cwconnector-config";

    Instance instance; // no id, state or timestamps are exported
    ConnectorConfig config;

    QJsonObject toJson(const QDateTime& exportedAt) const;
    // Reads and checks a document. Errors (BadDocument) name the place in the document ("lookups[2].lookup");
    // a version newer than formatVersion says it was written by a newer cwconnector.
    static std::optional<ConfigDocument> parse(const QByteArray& json, StoreError* error = nullptr);
    // The (kind, name) pairs an import asks the RemoteResolver about, so that a caller can fetch just those
    // ConnectWise lists first.
    QList<QPair<QString, QString>> namesToResolve() const;
};

} // namespace Cw
