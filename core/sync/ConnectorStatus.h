#pragma once

#include "core/check/CheckFindings.h"
#include "core/config/Instance.h"
#include "core/config/SettingsSections.h"
#include "core/domain/Entity.h"
#include "core/store/StoreError.h"
#include "core/sync/SyncTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace Cw {

class Database;

// Something about a connector that needs the admin, and where it is fixed: a Settings section
// (SettingsSections) and, where it makes sense, the row in it (a lookup, a local user id, a server variable, an
// entity name).
struct AttentionItem
{
    enum class Kind {
        Draft, // the setup was never finished
        MissingKeys, // the keychain has no readable keys
        NeverChecked,
        CheckFailed, // a layer of the last check failed (or warned)
        StaleVariable, // the last check found a stored server variable ConnectWise no longer has
        EntityBlocked, // an enabled sync cannot start (a required server variable is missing)
        NothingEnabled, // no sync option is on: Sync now does nothing
        UnmappedLookup, // local values without a ConnectWise value: their records are skipped
        UnconfirmedUser, // local users without a confirmed member
    };

    Kind kind = Kind::CheckFailed;
    QString text; // translated: what is wrong, and what it costs
    QString action; // translated button text, "Map the values…"
    SettingsPlace section = SettingsPlace::None; // the Settings section the button opens
    QString row; // the row to select in that section, or empty
};

// One entity of the connector at a glance.
struct EntityStatus
{
    Entity entity = Entity::Accounts;
    int localRecords = 0;
    bool pushOn = false;
    bool pullOn = false;
    QDateTime lastSyncAt; // the last (not dry) run that synced it; invalid when none
    QString lastStatus; // that run's status: succeeded | failed | interrupted | running
    SyncCounts lastCounts; // that run's outcomes of this entity (unchanged records are not counted per entity)
    QString blocked; // why its enabled sync cannot start, or empty
};

// A connector's state at a glance, for the connector window: the last check and what it found (as recorded, never
// by asking ConnectWise), the last sync of every entity with its counts, the local records, and what needs
// attention with the Settings section that fixes it. Read from the database only; the keychain's answer (keys
// missing or not readable) is added by the caller with addKeysProblem(), since reading it is asynchronous.
class ConnectorStatus final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::ConnectorStatus)

public:
    static std::optional<ConnectorStatus> load(Database& database, qint64 instanceId, StoreError* error = nullptr);

    const Instance& instance() const { return m_instance; }
    const QList<CheckFinding>& findings() const { return m_findings; }
    const QList<EntityStatus>& entities() const { return m_entities; }
    const QList<AttentionItem>& attention() const { return m_attention; }
    const EntityStatus* entity(Entity entity) const;

    // The keys cannot be read (message: the secret store's); listed first after a draft.
    void addKeysProblem(const QString& message);

private:
    bool loadEntities(Database& database, StoreError* error);
    void addCheckItems();
    void addConfigItems(Database& database);
    static SettingsPlace sectionForStep(const QString& stepId);

    Instance m_instance;
    QList<CheckFinding> m_findings;
    QList<EntityStatus> m_entities;
    QList<AttentionItem> m_attention;
};

} // namespace Cw
