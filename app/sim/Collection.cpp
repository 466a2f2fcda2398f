#include "app/sim/Collection.h"

#include "app/sim/JsonScan.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Sim {

QJsonObject Record::object() const
{
    return QJsonDocument::fromJson(json).object();
}

QJsonValue Record::value(const QStringList& path) const
{
    return JsonScan::valueAt(json, path);
}

void Record::readLastUpdated() const
{
    if (m_lastUpdatedRead) {
        return;
    }
    const QDateTime time = QDateTime::fromString(
        JsonScan::valueAt(json, {QStringLiteral("_info"), QStringLiteral("lastUpdated")}).toString(), Qt::ISODate);
    m_lastUpdatedSecs = time.isValid() ? double(time.toSecsSinceEpoch()) : std::numeric_limits<double>::quiet_NaN();
    m_topLevelLastUpdated = !JsonScan::valueAt(json, {QStringLiteral("lastUpdated")}).isUndefined();
    m_lastUpdatedRead = true;
}

double Record::lastUpdatedSecs() const
{
    readLastUpdated();
    return m_lastUpdatedSecs;
}

bool Record::hasTopLevelLastUpdated() const
{
    readLastUpdated();
    return m_topLevelLastUpdated;
}

Collection::Collection(CollectionSpec spec, Generator generator)
    : m_spec(std::move(spec)), m_generator(std::move(generator))
{ }

void Collection::ensure() const
{
    if (!m_generated) {
        m_records = m_generator();
        m_generated = true;
        m_highestId = m_records.empty() ? 0 : m_records.back().id;
        for (const Record& record : m_records) {
            record.lastUpdatedSecs(); // read while generating, not in the first incremental request
        }
    }
}

void Collection::reset()
{
    m_records.clear();
    m_records.shrink_to_fit();
    m_generated = false;
    m_highestId = 0;
    m_unique.clear();
    m_uniqueBuilt = false;
}

void Collection::indexUnique(const Record& record, bool add) const
{
    if (!m_uniqueBuilt || m_spec.uniqueField.isEmpty()) {
        return;
    }
    const QJsonValue value = record.value({m_spec.uniqueField});
    if (!value.isString()) {
        return;
    }
    const QString key = value.toString().toCaseFolded();
    if (add) {
        m_unique.insert(key, record.id);
    } else if (m_unique.value(key) == record.id) {
        m_unique.remove(key);
    }
}

const Record* Collection::findUnique(const QString& value) const
{
    ensure();
    if (!m_uniqueBuilt) {
        m_uniqueBuilt = true;
        for (const Record& record : m_records) {
            indexUnique(record, true);
        }
    }
    const auto it = m_unique.constFind(value.toCaseFolded());
    return it == m_unique.constEnd() ? nullptr : find(*it);
}

const std::vector<Record>& Collection::records() const
{
    ensure();
    return m_records;
}

std::vector<Record>::iterator Collection::locate(qint64 id) const
{
    ensure();
    return std::lower_bound(m_records.begin(), m_records.end(), id,
                            [](const Record& r, qint64 value) { return r.id < value; });
}

const Record* Collection::find(qint64 id) const
{
    const auto it = locate(id);
    return it != m_records.end() && it->id == id ? &*it : nullptr;
}

qint64 Collection::nextId() const
{
    ensure();
    return m_highestId + 1;
}

const Record& Collection::insert(const QJsonObject& object)
{
    Record record;
    record.id = object.value(QLatin1String("id")).toInteger();
    record.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    m_highestId = qMax(m_highestId, record.id);
    const auto it = locate(record.id);
    const Record& stored = *m_records.insert(it, std::move(record));
    indexUnique(stored, true);
    return stored;
}

const Record* Collection::replace(qint64 id, const QJsonObject& object)
{
    const auto it = locate(id);
    if (it == m_records.end() || it->id != id) {
        return nullptr;
    }
    indexUnique(*it, false);
    Record record;
    record.id = id;
    record.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    *it = std::move(record);
    indexUnique(*it, true);
    return &*it;
}

bool Collection::remove(qint64 id)
{
    const auto it = locate(id);
    if (it == m_records.end() || it->id != id) {
        return false;
    }
    indexUnique(*it, false);
    m_records.erase(it);
    return true;
}

} // namespace Sim
