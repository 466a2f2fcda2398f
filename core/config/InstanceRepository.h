#pragma once

#include "core/config/Instance.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace Cw {

class Database;

// Connector instances in the database: create, rename, update, remove (the database cascades to everything
// the instance owns; the caller removes the keychain entries of the returned id), list and find. Names are
// unique without regard to case. Every write is one transaction: nothing is half-saved.
class InstanceRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::InstanceRepository)

public:
    using Clock = std::function<QDateTime()>; // returns UTC "now"; tests pass a fixed clock

    explicit InstanceRepository(Database& database, Clock clock = {});

    // Validates and normalises *instance, stores it (state as given, draft by default) and sets its id and
    // timestamps. Errors: Invalid (field named), Duplicate, Query.
    bool create(Instance* instance, StoreError* error = nullptr);
    // Writes the editable fields of *instance (name, deployment, site, ids, codebase, CA file, proxy) by id;
    // the name follows the same rules as in create(). State and check/sync times change only through the
    // mark/record functions below.
    bool update(Instance* instance, StoreError* error = nullptr);
    bool rename(const QString& oldName, const QString& newName, StoreError* error = nullptr);
    // Removes the instance and, by ON DELETE CASCADE, its variables, options, lookups, mappings and whatever
    // other instance-scoped tables hold. Returns the removed instance (its id names its keychain entries).
    std::optional<Instance> remove(const QString& name, StoreError* error = nullptr);
    std::optional<Instance> removeById(qint64 id, StoreError* error = nullptr);

    QList<Instance> list(StoreError* error = nullptr) const; // sorted by name, case-insensitively
    // Case-insensitive. Not found: std::nullopt with error code NotFound.
    std::optional<Instance> findByName(const QString& name, StoreError* error = nullptr) const;
    std::optional<Instance> findById(qint64 id, StoreError* error = nullptr) const;
    // True when no other instance than exceptId uses the name (for live validation in the wizard).
    bool isNameAvailable(const QString& name, qint64 exceptId = 0, StoreError* error = nullptr) const;

    bool markReady(qint64 id, StoreError* error = nullptr);
    bool markDraft(qint64 id, StoreError* error = nullptr);
    bool recordCheck(qint64 id, bool passed, StoreError* error = nullptr);
    bool recordSync(qint64 id, StoreError* error = nullptr);

    static QString duplicateNameMessage(const QString& name);

private:
    std::optional<Instance> removeFound(std::optional<Instance> found, StoreError* error);
    bool checkNameFree(const QString& name, qint64 exceptId, StoreError* error) const;
    bool updateColumns(qint64 id, const QString& assignments, const QVariantList& values, StoreError* error);
    std::optional<Instance> findOne(const QString& where, const QVariant& value, StoreError* error) const;
    QDateTime now() const;
    QString keyIdFor(qint64 id) const;

    Database& m_database;
    mutable QString m_databaseId;
    Clock m_clock;
};

} // namespace Cw
