#include "core/config/InstanceRepository.h"

#include "core/config/ConfigLog.h"
#include "core/store/Database.h"

#include <QSqlQuery>

namespace Cw {

namespace {

constexpr char kColumns[] =
    "id, name, deployment, site, company_id, client_id, codebase_override, ca_file, proxy_mode, proxy_host, "
    "proxy_port, state, created_at, updated_at, last_check_at, last_check_passed, last_sync_at, max_in_flight";

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

Instance instanceFrom(const QSqlQuery& q)
{
    Instance i;
    i.id = q.value(0).toLongLong();
    i.name = q.value(1).toString();
    i.deployment = q.value(2).toString();
    i.site = q.value(3).toString();
    i.companyId = q.value(4).toString();
    i.clientId = q.value(5).toString();
    i.codebaseOverride = q.value(6).toString();
    i.caFile = q.value(7).toString();
    i.proxyMode = Instance::proxyModeFromName(q.value(8).toString()).value_or(Instance::ProxyMode::System);
    i.proxyHost = q.value(9).toString();
    i.proxyPort = q.value(10).toInt();
    i.state = Instance::stateFromName(q.value(11).toString()).value_or(Instance::State::Draft);
    i.createdAt = timeFrom(q.value(12));
    i.updatedAt = timeFrom(q.value(13));
    i.lastCheckAt = timeFrom(q.value(14));
    if (!q.value(15).isNull()) {
        i.lastCheckPassed = q.value(15).toInt() != 0;
    }
    i.lastSyncAt = timeFrom(q.value(16));
    i.maxInFlight = q.value(17).toInt();
    return i;
}

} // namespace

InstanceRepository::InstanceRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock))
{ }

QDateTime InstanceRepository::now() const
{
    const QDateTime time = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    // Stored as milliseconds: drop anything finer so that a value reads back equal.
    return QDateTime::fromMSecsSinceEpoch(time.toMSecsSinceEpoch(), Qt::UTC);
}

QString InstanceRepository::duplicateNameMessage(const QString& name)
{
    return tr("Name: '%1' is already used by another connector (names are compared without regard to case). "
              "Choose another name.")
        .arg(Instance::normalizedName(name));
}

bool InstanceRepository::checkNameFree(const QString& name, qint64 exceptId, StoreError* error) const
{
    QSqlQuery q;
    if (!m_database.exec(QStringLiteral("SELECT id FROM instances WHERE name_key = ? AND id <> ?"),
                         {Instance::nameKey(name), exceptId}, error, &q)) {
        return false;
    }
    if (q.next()) {
        return StoreError::fail(error, StoreError::Code::Duplicate, duplicateNameMessage(name), tr("Name"));
    }
    return true;
}

bool InstanceRepository::isNameAvailable(const QString& name, qint64 exceptId, StoreError* error) const
{
    StoreError local;
    if (checkNameFree(name, exceptId, &local)) {
        return true;
    }
    if (error) {
        *error = local;
    }
    return false;
}

bool InstanceRepository::create(Instance* instance, StoreError* error)
{
    instance->normalize();
    if (!instance->validate(error)) {
        return false;
    }
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error) || !checkNameFree(instance->name, 0, error)) {
        return false;
    }
    const QDateTime time = now();
    QSqlQuery q;
    StoreError insertError;
    const bool inserted = m_database.exec(
        QStringLiteral("INSERT INTO instances (name, name_key, deployment, site, company_id, client_id, "
                       "codebase_override, ca_file, proxy_mode, proxy_host, proxy_port, max_in_flight, state, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {instance->name, Instance::nameKey(instance->name), instance->deployment, instance->site, instance->companyId,
         instance->clientId, instance->codebaseOverride, instance->caFile, Instance::proxyModeName(instance->proxyMode),
         instance->proxyHost, instance->proxyPort, instance->maxInFlight, Instance::stateName(instance->state),
         time.toMSecsSinceEpoch(), time.toMSecsSinceEpoch()},
        &insertError, &q);
    if (!inserted || !q.next()) {
        if (Database::isUniqueViolation(insertError)) {
            return StoreError::fail(error, StoreError::Code::Duplicate, duplicateNameMessage(instance->name),
                                    tr("Name"));
        }
        if (error) {
            *error = insertError;
        }
        return false;
    }
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (!transaction.commit(error)) {
        return false;
    }
    instance->id = id;
    instance->keyId = keyIdFor(id);
    instance->createdAt = time;
    instance->updatedAt = time;
    qCInfo(lcConfig) << "created connector" << id << instance->name;
    return true;
}

bool InstanceRepository::update(Instance* instance, StoreError* error)
{
    instance->normalize();
    if (!instance->validate(error)) {
        return false;
    }
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error) || !checkNameFree(instance->name, instance->id, error)) {
        return false;
    }
    const QDateTime time = now();
    if (!updateColumns(
            instance->id,
            QStringLiteral("name = ?, name_key = ?, deployment = ?, site = ?, company_id = ?, client_id = ?, "
                           "codebase_override = ?, ca_file = ?, proxy_mode = ?, proxy_host = ?, "
                           "proxy_port = ?, max_in_flight = ?"),
            {instance->name, Instance::nameKey(instance->name), instance->deployment, instance->site,
             instance->companyId, instance->clientId, instance->codebaseOverride, instance->caFile,
             Instance::proxyModeName(instance->proxyMode), instance->proxyHost, instance->proxyPort,
             instance->maxInFlight},
            error) ||
        !transaction.commit(error)) {
        return false;
    }
    instance->updatedAt = time;
    return true;
}

bool InstanceRepository::rename(const QString& oldName, const QString& newName, StoreError* error)
{
    if (!Instance::validateName(newName, error)) {
        return false;
    }
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error)) {
        return false;
    }
    const std::optional<Instance> found = findByName(oldName, error);
    if (!found || !checkNameFree(newName, found->id, error)) {
        return false;
    }
    const QString name = Instance::normalizedName(newName);
    if (!updateColumns(found->id, QStringLiteral("name = ?, name_key = ?"), {name, Instance::nameKey(name)}, error)) {
        return false;
    }
    qCInfo(lcConfig) << "renamed connector" << found->id << "to" << name;
    return transaction.commit(error);
}

std::optional<Instance> InstanceRepository::remove(const QString& name, StoreError* error)
{
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error)) {
        return std::nullopt;
    }
    std::optional<Instance> removed = removeFound(findByName(name, error), error);
    if (!removed || !transaction.commit(error)) {
        return std::nullopt;
    }
    return removed;
}

std::optional<Instance> InstanceRepository::removeById(qint64 id, StoreError* error)
{
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error)) {
        return std::nullopt;
    }
    std::optional<Instance> removed = removeFound(findById(id, error), error);
    if (!removed || !transaction.commit(error)) {
        return std::nullopt;
    }
    return removed;
}

// Inside the caller's transaction: deletes the found instance (the database cascades to its rows).
std::optional<Instance> InstanceRepository::removeFound(std::optional<Instance> found, StoreError* error)
{
    if (!found || !m_database.exec(QStringLiteral("DELETE FROM instances WHERE id = ?"), {found->id}, error)) {
        return std::nullopt;
    }
    qCInfo(lcConfig) << "removed connector" << found->id << found->name;
    return found;
}

QString InstanceRepository::keyIdFor(qint64 id) const
{
    if (m_databaseId.isEmpty()) {
        m_databaseId = m_database.databaseId();
    }
    return m_databaseId + QLatin1Char('/') + QString::number(id);
}

QList<Instance> InstanceRepository::list(StoreError* error) const
{
    QList<Instance> result;
    QSqlQuery q;
    if (m_database.exec(QLatin1String("SELECT ") + QLatin1String(kColumns) +
                            QLatin1String(" FROM instances ORDER BY name_key, id"),
                        {}, error, &q)) {
        while (q.next()) {
            result.append(instanceFrom(q));
            result.last().keyId = keyIdFor(result.last().id);
        }
    }
    return result;
}

std::optional<Instance> InstanceRepository::findOne(const QString& where, const QVariant& value,
                                                    StoreError* error) const
{
    QSqlQuery q;
    if (!m_database.exec(QLatin1String("SELECT ") + QLatin1String(kColumns) + QLatin1String(" FROM instances WHERE ") +
                             where,
                         {value}, error, &q)) {
        return std::nullopt;
    }
    if (!q.next()) {
        return std::nullopt;
    }
    Instance instance = instanceFrom(q);
    q.finish();
    instance.keyId = keyIdFor(instance.id);
    return instance;
}

std::optional<Instance> InstanceRepository::findByName(const QString& name, StoreError* error) const
{
    StoreError local;
    std::optional<Instance> found = findOne(QStringLiteral("name_key = ?"), Instance::nameKey(name), &local);
    if (!found && !local.isError()) {
        StoreError::fail(&local, StoreError::Code::NotFound,
                         tr("Name: no connector is named '%1'.").arg(Instance::normalizedName(name)), tr("Name"));
    }
    if (!found && error) {
        *error = local;
    }
    return found;
}

std::optional<Instance> InstanceRepository::findById(qint64 id, StoreError* error) const
{
    StoreError local;
    std::optional<Instance> found = findOne(QStringLiteral("id = ?"), id, &local);
    if (!found && !local.isError()) {
        StoreError::fail(&local, StoreError::Code::NotFound, tr("No connector has the id %1.").arg(id));
    }
    if (!found && error) {
        *error = local;
    }
    return found;
}

bool InstanceRepository::updateColumns(qint64 id, const QString& assignments, const QVariantList& values,
                                       StoreError* error)
{
    WriteTransaction transaction(m_database);
    if (!transaction.begin(error)) {
        return false;
    }
    QVariantList bound = values;
    bound << now().toMSecsSinceEpoch() << id;
    QSqlQuery q;
    if (!m_database.exec(QLatin1String("UPDATE instances SET ") + assignments +
                             QLatin1String(", updated_at = ? WHERE id = ?"),
                         bound, error, &q)) {
        return false;
    }
    if (q.numRowsAffected() != 1) {
        return StoreError::fail(error, StoreError::Code::NotFound, tr("No connector has the id %1.").arg(id));
    }
    return transaction.commit(error);
}

bool InstanceRepository::markReady(qint64 id, StoreError* error)
{
    return updateColumns(id, QStringLiteral("state = ?"), {Instance::stateName(Instance::State::Ready)}, error);
}

bool InstanceRepository::markDraft(qint64 id, StoreError* error)
{
    return updateColumns(id, QStringLiteral("state = ?"), {Instance::stateName(Instance::State::Draft)}, error);
}

bool InstanceRepository::recordCheck(qint64 id, bool passed, StoreError* error)
{
    return updateColumns(id, QStringLiteral("last_check_at = ?, last_check_passed = ?"),
                         {now().toMSecsSinceEpoch(), passed ? 1 : 0}, error);
}

bool InstanceRepository::recordSync(qint64 id, StoreError* error)
{
    return updateColumns(id, QStringLiteral("last_sync_at = ?"), {now().toMSecsSinceEpoch()}, error);
}

} // namespace Cw
