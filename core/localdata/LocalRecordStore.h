#pragma once

#include "core/localdata/CsvEntityParser.h"
#include "core/localdata/LocalSchema.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>

namespace Cw {

class Database;

// Writes the local system's records (accounts, products, ...) and its value lists into the database.
// A batch is written in one transaction: all of it or none. A record whose id exists is updated, so
// importing the same file twice changes nothing the second time.
class LocalRecordStore final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::LocalRecordStore)

public:
    struct Counts
    {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int valuesAdded = 0; // new entries in the value lists fed by the batch
    };

    explicit LocalRecordStore(Database& database);

    bool upsert(const LocalEntity& entity, const QList<LocalRecord>& records, Counts* counts,
                StoreError* error = nullptr);

    // Every record in id order, each value as its text (dates as the ISO text stored): what a push reads.
    QList<LocalRecord> all(const LocalEntity& entity, StoreError* error = nullptr) const;
    int count(const LocalEntity& entity, StoreError* error = nullptr) const;
    std::optional<LocalRecord> find(const LocalEntity& entity, const QString& id, StoreError* error = nullptr) const;
    // The values of one list (account_type, currency, ...), sorted; and adding one by hand.
    QStringList values(const QString& list, StoreError* error = nullptr) const;
    bool addValue(const QString& list, const QString& value, StoreError* error = nullptr);

private:
    static QVariant toSql(const LocalColumn& column, const QVariant& value);

    Database& m_database;
};

} // namespace Cw
