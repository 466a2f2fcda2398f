#include "core/sync/ConnectorStatus.h"

#include "core/config/ConfigNames.h"
#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceRepository.h"
#include "core/config/ServerVariables.h"
#include "core/config/SettingsSections.h"
#include "core/config/UserMappings.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/Database.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncHistory.h"
#include "core/sync/SyncSettings.h"

#include <QSet>
#include <QSqlQuery>

namespace Cw {

std::optional<ConnectorStatus> ConnectorStatus::load(Database& database, qint64 instanceId, StoreError* error)
{
    const auto instance = InstanceRepository(database).findById(instanceId, error);
    if (!instance) {
        return std::nullopt;
    }
    ConnectorStatus status;
    status.m_instance = *instance;
    status.m_findings = CheckFindings(database).load(instanceId, error);
    if (!status.loadEntities(database, error)) {
        return std::nullopt;
    }
    if (instance->state == Instance::State::Draft) {
        status.m_attention.append({AttentionItem::Kind::Draft,
                                   tr("The setup of this connector is not finished: it cannot sync until its "
                                      "connection is saved and checked."),
                                   tr("Finish the connection…"), SettingsPlace::Connection, QString()});
    }
    status.addCheckItems();
    status.addConfigItems(database);
    return status;
}

const EntityStatus* ConnectorStatus::entity(Entity entity) const
{
    for (const EntityStatus& e : m_entities) {
        if (e.entity == entity) {
            return &e;
        }
    }
    return nullptr;
}

void ConnectorStatus::addKeysProblem(const QString& message)
{
    const int at = !m_attention.isEmpty() && m_attention.first().kind == AttentionItem::Kind::Draft ? 1 : 0;
    m_attention.insert(at,
                       {AttentionItem::Kind::MissingKeys,
                        tr("The API keys cannot be read, so nothing can be checked or synced: %1").arg(message),
                        tr("Enter the keys…"), SettingsPlace::Keys, QString()});
}

SettingsPlace ConnectorStatus::sectionForStep(const QString& stepId)
{
    if (stepId == QLatin1String("auth")) {
        return SettingsPlace::Keys;
    }
    if (stepId == QLatin1String("members")) {
        return SettingsPlace::UserMapping;
    }
    if (stepId.startsWith(QLatin1String("lists"))) {
        return SettingsPlace::Lookups;
    }
    return SettingsPlace::Connection;
}

void ConnectorStatus::addCheckItems()
{
    if (!m_instance.lastCheckAt.isValid()) {
        m_attention.append({AttentionItem::Kind::NeverChecked,
                            tr("This connector was never checked against ConnectWise."), tr("Review the connection…"),
                            SettingsPlace::Connection, QString()});
        return;
    }
    if (!m_instance.lastCheckPassed.value_or(false) && m_findings.isEmpty()) {
        m_attention.append({AttentionItem::Kind::CheckFailed,
                            tr("The last check failed (run elsewhere, so its findings are not here): run Check again "
                               "to see why."),
                            tr("Open the settings…"), SettingsPlace::Connection, QString()});
        return;
    }
    for (const CheckFinding& finding : m_findings) {
        if (!finding.variable.isEmpty()) {
            m_attention.append({AttentionItem::Kind::StaleVariable,
                                tr("Server variable “%1”: %2").arg(finding.title, finding.diagnosis),
                                tr("Pick another value…"), SettingsPlace::ServerVariables, finding.variable});
            continue;
        }
        const QString text = finding.fix.isEmpty()
            ? tr("Last check, %1: %2").arg(finding.title, finding.diagnosis)
            : tr("Last check, %1: %2 %3").arg(finding.title, finding.diagnosis, finding.fix);
        m_attention.append({AttentionItem::Kind::CheckFailed, text, tr("Open the settings…"),
                            sectionForStep(finding.stepId), QString()});
    }
}

bool ConnectorStatus::loadEntities(Database& database, StoreError* error)
{
    LocalRecordStore store(database);
    const QList<SyncRunRecord> runs = SyncHistory(database).runs(m_instance.id, 100, error);
    for (const SyncDescriptor& d : SyncDescriptors::all()) {
        EntityStatus e;
        e.entity = d.entity;
        e.localRecords = store.count(LocalSchema::entity(d.entity), error);
        for (const SyncRunRecord& run : runs) {
            if (!run.dryRun && run.entities.contains(d.optionsEntity())) {
                e.lastSyncAt = run.finishedAt.isValid() ? run.finishedAt : run.startedAt;
                e.lastStatus = run.status;
                QSqlQuery q;
                if (!database.exec(QStringLiteral("SELECT action, COUNT(*) FROM sync_outcomes WHERE run_id = ? AND"
                                                  " entity = ? GROUP BY action"),
                                   {run.id, nameOf(d.entity)}, error, &q)) {
                    return false;
                }
                while (q.next()) {
                    const QString action = q.value(0).toString();
                    const int n = q.value(1).toInt();
                    (action == QLatin1String("created")       ? e.lastCounts.created
                         : action == QLatin1String("updated") ? e.lastCounts.updated
                         : action == QLatin1String("skipped") ? e.lastCounts.skipped
                                                              : e.lastCounts.failed) += n;
                }
                break;
            }
        }
        m_entities.append(e);
    }
    return !error || !error->isError();
}

void ConnectorStatus::addConfigItems(Database& database)
{
    const auto config = ConnectorConfigRepository(database).load(m_instance.id);
    if (!config) {
        return;
    }
    const SyncSettings settings(*config);
    bool anyOn = false;
    for (EntityStatus& e : m_entities) {
        const SyncDescriptor* d = SyncDescriptors::find(e.entity);
        e.pushOn = SyncEngine::isEnabled(*d, settings, Direction::Push);
        e.pullOn = SyncEngine::isEnabled(*d, settings, Direction::Pull);
        anyOn = anyOn || e.pushOn || e.pullOn;
        if (!e.pushOn || d->followsParent) {
            continue;
        }
        for (const QString& key : d->requiredVariables) {
            if (settings.variable(key).isEmpty()) {
                e.blocked = SyncSettings::missingVariableReason(key);
                m_attention.append({AttentionItem::Kind::EntityBlocked,
                                    tr("%1 cannot be pushed: server variable “%2” is not set.")
                                        .arg(LocalSchema::entity(e.entity).name(), ServerVariables::info(key).title),
                                    tr("Set the variable…"), SettingsPlace::ServerVariables, key});
                break;
            }
        }
    }
    if (!anyOn) {
        m_attention.append({AttentionItem::Kind::NothingEnabled, tr("No sync option is on, so Sync now does nothing."),
                            tr("Choose what to sync…"), SettingsPlace::SyncOptions, QString()});
    }
    LocalRecordStore store(database);
    for (const QString& lookup : ConfigNames::lookups()) {
        QSet<QString> mapped;
        for (const LookupValue& v : config->lookups) {
            if (v.lookup == lookup && !v.remoteId.isEmpty()) {
                mapped.insert(v.localValue);
            }
        }
        QStringList unmapped;
        for (const QString& value : store.values(lookup)) {
            if (!mapped.contains(value)) {
                unmapped.append(value);
            }
        }
        if (!unmapped.isEmpty()) {
            m_attention.append({AttentionItem::Kind::UnmappedLookup,
                                tr("Lookup “%1”: %n local value(s) have no ConnectWise value (%2); their records are "
                                   "skipped.",
                                   nullptr, static_cast<int>(unmapped.size()))
                                    .arg(lookup, unmapped.mid(0, 3).join(QLatin1String(", "))),
                                tr("Map the values…"), SettingsPlace::Lookups, lookup});
        }
    }
    QSet<QString> confirmed;
    for (const UserMapping& m : config->userMappings) {
        if (m.confirmed && !m.memberId.isEmpty()) {
            confirmed.insert(m.localUserId);
        }
    }
    QStringList unconfirmed;
    for (const LocalUser& user : UserMappings::localUsers(database)) {
        if (!confirmed.contains(user.id)) {
            unconfirmed.append(user.id);
        }
    }
    if (!unconfirmed.isEmpty()) {
        m_attention.append({AttentionItem::Kind::UnconfirmedUser,
                            tr("%n local user(s) have no confirmed ConnectWise member; their orders get the default "
                               "sales rep.",
                               nullptr, static_cast<int>(unconfirmed.size())),
                            tr("Map the users…"), SettingsPlace::UserMapping, unconfirmed.first()});
    }
}

} // namespace Cw
