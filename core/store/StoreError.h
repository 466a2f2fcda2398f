#pragma once

#include <QString>

namespace Cw {

// A typed error from the store or from the repositories built on it. `message` is a translated, complete
// sentence for the user that names the broken piece and the fix; `field` names the input field for
// validation errors ("Name", "Company ID", ...).
struct StoreError
{
    enum class Code {
        None,
        CannotOpen, // the SQLite file cannot be opened or created (path + reason)
        Unreachable, // the PostgreSQL server cannot be reached or refused the login (host:port + reason)
        NewerSchema, // the database was written by a newer cwconnector
        Migration, // a migration failed and was rolled back
        Query, // a statement failed
        Invalid, // bad input; `field` says which
        Duplicate, // a unique value (a connector name) is already used
        NotFound, // no such connector
        BadDocument, // an export document that cannot be imported
    };

    Code code = Code::None;
    QString field;
    QString message;
    QString nativeCode; // Code::Query: the driver's error code (SQLSTATE on PostgreSQL, result code on SQLite)

    bool isError() const { return code != Code::None; }

    // Sets *target when target is not null; always returns false so that callers can `return fail(...)`.
    static bool fail(StoreError* target, Code code, const QString& message, const QString& field = {});
};

} // namespace Cw
