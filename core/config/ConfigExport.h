#pragma once

#include "core/config/ConfigDocument.h"
#include "core/config/InstanceRepository.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QCoreApplication>

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

struct ImportResult
{
    Instance instance; // the created draft, with its id
    QList<UnresolvedReference> unresolved;
};

// Export of a stored connector as a ConfigDocument, and import of one as a new draft connector whose
// ConnectWise ids are re-resolved by name through a RemoteResolver (ids differ between installations).
class ConfigExport final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ConfigExport)

public:
    explicit ConfigExport(Database& database, InstanceRepository::Clock clock = {});

    // The export of the connector named instanceName (case-insensitive), indented JSON.
    std::optional<QByteArray> exportJson(const QString& instanceName, StoreError* error = nullptr) const;

    // Creates a draft connector named asName (or the exported name when asName is empty) holding the
    // document's settings with ids re-resolved by name; all in one transaction. Unresolved references are
    // left out and listed in the result. Fixed enumerations (billable option, invoice type) are kept as is.
    std::optional<ImportResult> importJson(const QByteArray& json, const QString& asName, RemoteResolver& resolver,
                                           StoreError* error = nullptr);

    // The export with its instance pointed at another ConnectWise: deployment, site and company of `target`.
    static QByteArray retarget(const QByteArray& json, const Instance& target);

private:
    Database& m_database;
    InstanceRepository::Clock m_clock;
};

} // namespace Cw
