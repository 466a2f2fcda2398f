#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace Sim {

// One record: its id and its serialised JSON, cached so a page is served by concatenating bytes.
// Single values are read straight from the bytes (value()); object() parses the whole record (writes,
// fields=), without keeping the parsed copy: 100,000 parsed records would cost gigabytes.
struct Record
{
    qint64 id = 0;
    QByteArray json;

    QJsonObject object() const;
    QJsonValue value(const QStringList& path) const;
    // _info/lastUpdated in seconds since the epoch, read once from the bytes (json is never changed in place:
    // a write makes a new Record). Incremental pulls filter 100,000 records on it with every request.
    double lastUpdatedSecs() const;
    bool hasTopLevelLastUpdated() const; // a field of its own, which then wins over _info/lastUpdated

private:
    void readLastUpdated() const;
    mutable double m_lastUpdatedSecs = 0;
    mutable bool m_topLevelLastUpdated = false;
    mutable bool m_lastUpdatedRead = false;
};

// What a collection serves and accepts on writes.
struct CollectionSpec
{
    QString path; // under apis/3.0/, e.g. "company/companies"
    QString resource; // the name used in error bodies, e.g. "company"
    QString model; // its schema in the model table, e.g. "Company"
    // Members ConnectWise requires beyond the model's required ones (connectwise-api.md §6); a reference among them
    // must carry a numeric id.
    QStringList required;
    QString uniqueField; // e.g. "identifier": a second record with the same value is "ObjectExists"
    bool writable = true;
    QString parentField; // for child lists (invoice payments): the reference to the parent, e.g. "invoice"
};

// The records of one endpoint, sorted by id. Generated lazily on first use by the given generator.
class Collection final
{
public:
    using Generator = std::function<std::vector<Record>()>;

    Collection(CollectionSpec spec, Generator generator);

    const CollectionSpec& spec() const { return m_spec; }
    const std::vector<Record>& records() const;
    const Record* find(qint64 id) const;
    bool isGenerated() const { return m_generated; }
    void reset(); // forget changes; regenerated on next use

    qint64 nextId() const;
    const Record& insert(const QJsonObject& object); // object must carry its id (nextId())
    const Record* replace(qint64 id, const QJsonObject& object);
    bool remove(qint64 id);
    // The record whose spec().uniqueField equals value (case-insensitive), from an index kept up to date by
    // the writes above: a POST checks it instead of reading every record.
    const Record* findUnique(const QString& value) const;

private:
    void indexUnique(const Record& record, bool add) const;
    void ensure() const;
    std::vector<Record>::iterator locate(qint64 id) const;

    CollectionSpec m_spec;
    Generator m_generator;
    mutable std::vector<Record> m_records;
    mutable bool m_generated = false;
    mutable QHash<QString, qint64> m_unique; // case-folded unique value -> id; built on first findUnique()
    mutable bool m_uniqueBuilt = false;
    mutable qint64 m_highestId = 0; // ids are never reused, even after the newest record is deleted
};

} // namespace Sim
