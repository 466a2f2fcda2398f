#include "app/gui/DemoTour.h"

#include "app/gui/DemoData.h"
#include "core/config/ConfigNames.h"
#include "core/config/LookupTables.h"
#include "core/config/ServerVariables.h"
#include "core/config/UserMappings.h"
#include "core/domain/SyncOperation.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"
#include "core/setup/SetupLog.h"

namespace Cw {

namespace {

// The value of a list variable: the one named `preferred` when the list has it, else the first choice.
std::optional<RemoteItem> pick(const QString& key, const RemoteLists& lists, const QString& preferred,
                               const QString& categoryId = {})
{
    const QList<RemoteItem> choices = ServerVariables::choices(key, lists, categoryId);
    for (const RemoteItem& item : choices) {
        if (item.name.compare(preferred, Qt::CaseInsensitive) == 0 || item.code == preferred) {
            return item;
        }
    }
    return choices.isEmpty() ? std::nullopt : std::optional<RemoteItem>(choices.first());
}

} // namespace

bool DemoTour::seedLocalData(QString* error)
{
    LocalRecordStore store(m_database);
    StoreError storeError;
    if (store.count(LocalSchema::entity(Entity::Accounts), &storeError) > 0) {
        return true;
    }
    for (const DemoBatch& batch : DemoData::batches()) {
        LocalRecordStore::Counts counts;
        if (!store.upsert(LocalSchema::entity(batch.entity), batch.records, &counts, &storeError)) {
            *error = tr("Demo: the sample %1 could not be written: %2").arg(nameOf(batch.entity), storeError.message);
            return false;
        }
    }
    qCInfo(lcSetup) << "demo sample records written";
    return true;
}

DemoSettings DemoTour::withStarter(DemoSettings settings) const
{
    settings.starter = [this](const RemoteLists& lists) { return starterConfig(lists); };
    return settings;
}

ConnectorConfig DemoTour::starterConfig(const RemoteLists& lists) const
{
    ConnectorConfig config;
    for (Entity entity : allOf<Entity>()) {
        for (Operation operation : {Operation::PushCreate, Operation::PushUpdate}) {
            if (ConfigNames::isSupportedSyncOption(entity, operation)) {
                config.syncOptions.append({entity, operation, true});
            }
        }
    }

    auto set = [&config](const QString& key, const std::optional<RemoteItem>& item) {
        if (item) {
            config.serverVariables.append({key, item->id, item->name});
        }
    };
    set(QStringLiteral("import_account_status"),
        pick(QStringLiteral("import_account_status"), lists, QStringLiteral("Imported")));
    const auto category = pick(QStringLiteral("product_category"), lists, QStringLiteral("Computers"));
    set(QStringLiteral("product_category"), category);
    set(QStringLiteral("product_subcategory"),
        pick(QStringLiteral("product_subcategory"), lists, QStringLiteral("Laptops"),
             category ? category->id : QString()));
    set(QStringLiteral("product_uom"), pick(QStringLiteral("product_uom"), lists, QStringLiteral("Each")));
    set(QStringLiteral("product_billable_option"),
        pick(QStringLiteral("product_billable_option"), lists, QStringLiteral("Billable")));
    set(QStringLiteral("sales_representative"),
        pick(QStringLiteral("sales_representative"), lists, QStringLiteral("jsmith")));
    // The local system's own payment methods, as the payments use them.
    config.serverVariables.append(
        {QStringLiteral("credit_card_method_id"), DemoData::creditCardMethod(), DemoData::creditCardMethod()});
    config.serverVariables.append(
        {QStringLiteral("bank_deposit_method_id"), DemoData::bankDepositMethod(), DemoData::bankDepositMethod()});

    LocalRecordStore store(m_database);
    for (const QString& lookup : ConfigNames::lookups()) {
        const QList<LookupRow> rows =
            LookupTables::autoMap(lookup, LookupTables::rows(lookup, store.values(lookup), ConnectorConfig()), lists);
        for (const LookupRow& row : rows) {
            if (row.mapped()) {
                config.lookups.append({lookup, row.localValue, row.remoteId, row.remoteName});
            }
        }
    }
    const QList<UserRow> users =
        UserMappings::autoMatch(UserMappings::rows(UserMappings::localUsers(m_database), config, lists), lists);
    for (const UserRow& row : users) {
        if (row.mapped()) {
            config.userMappings.append(UserMappings::toMapping(row, lists, true));
        }
    }
    return config;
}

} // namespace Cw
