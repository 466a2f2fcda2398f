#pragma once

#include "core/store/Migration.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>

namespace Cw {

class Database;

// Brings an open database to the newest version of a migration list. Each migration runs in its own write
// transaction, rolled back on error, together with the update of meta.schema_version; the transaction first
// takes a lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL) so that several programs starting
// at once apply each migration exactly once. A database newer than the list is refused (NewerSchema).
class Migrator final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::Migrator)

public:
    explicit Migrator(Database& database);

    bool run(const QList<Migration>& migrations, StoreError* error = nullptr);

private:
    bool applyNext(const QList<Migration>& migrations, bool* done, StoreError* error);
    QString expand(const QString& statement) const;

    Database& m_database;
};

} // namespace Cw
