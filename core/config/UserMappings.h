#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/RemoteLists.h"
#include "core/mapping/UserMatcher.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>

namespace Cw {

class Database;

// One local user as the user-mapping panel and `users NAME` show it.
struct UserRow
{
    LocalUser user;
    QString memberId; // empty: unmapped (allowed)
    QString memberLabel; // "John Smith (jsmith, 101)"
    QString matchBy; // email | name | identifier | manual
    int confidence = 0;
    bool confirmed = false;
    bool ambiguous = false; // auto-match found several members: the admin must pick
    QString note; // why nothing was suggested, or that the mapped member is gone
    bool mapped() const { return !memberId.isEmpty(); }
};

// User-mapping logic: local users (table users) against ConnectWise members, auto-match with UserMatcher,
// explicit confirmation by the admin.
class UserMappings final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::UserMappings)

public:
    // Every local user, by id.
    static QList<LocalUser> localUsers(Database& database, StoreError* error = nullptr);
    // The rows for the users with their stored mappings; a mapping to a member that is no longer
    // mappable is flagged in note.
    static QList<UserRow> rows(const QList<LocalUser>& users, const ConnectorConfig& config, const RemoteLists& lists);
    // Suggestions for the unmapped rows (unconfirmed; the admin confirms). Mapped rows are kept.
    static QList<UserRow> autoMatch(const QList<UserRow>& rows, const RemoteLists& lists);
    // A mapping to store for a row (confirmed as given).
    static UserMapping toMapping(const UserRow& row, const RemoteLists& lists, bool confirmed);
    // Checks a member id for --set / the panel: must be an active, non-API member.
    static bool validateMember(const QString& memberId, const RemoteLists& lists, RemoteItem* item, QString* error);
};

} // namespace Cw
