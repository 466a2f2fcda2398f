#include "core/config/UserMappings.h"

#include "core/config/RemoteResolver.h"
#include "core/store/Database.h"

#include <QSqlQuery>

namespace Cw {

QList<LocalUser> UserMappings::localUsers(Database& database, StoreError* error)
{
    QList<LocalUser> users;
    QSqlQuery query(database.connection());
    if (!database.prepare(&query, QStringLiteral("SELECT id, name, email FROM users ORDER BY id"), error) ||
        !database.execPrepared(query, error)) {
        return users;
    }
    while (query.next()) {
        users.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    }
    return users;
}

QList<UserRow> UserMappings::rows(const QList<LocalUser>& users, const ConnectorConfig& config,
                                  const RemoteLists& lists)
{
    QList<UserRow> out;
    for (const LocalUser& user : users) {
        UserRow row;
        row.user = user;
        for (const UserMapping& m : config.userMappings) {
            if (m.localUserId != user.id) {
                continue;
            }
            row.memberId = m.memberId;
            row.matchBy = UserMapping::matchByName(m.matchBy);
            row.confidence = m.confidence;
            row.confirmed = m.confirmed;
            row.memberLabel = m.memberIdentifier;
            if (lists.has(QLatin1String(RemoteResolver::member))) {
                const auto member = lists.find(QLatin1String(RemoteResolver::member), m.memberId);
                if (!member) {
                    row.note = tr("Member %1 no longer exists in ConnectWise: pick another one.").arg(m.memberId);
                } else {
                    row.memberLabel = member->label();
                    if (!member->member.isMappable()) {
                        row.note = member->member.inactive
                            ? tr("Member %1 is inactive in ConnectWise: pick another one.").arg(member->label())
                            : tr("Member %1 is an API member: pick a person.").arg(member->label());
                    }
                }
            }
        }
        out.append(row);
    }
    return out;
}

QList<UserRow> UserMappings::autoMatch(const QList<UserRow>& rows, const RemoteLists& lists)
{
    const UserMatcher matcher(lists.members());
    QList<UserRow> out;
    for (UserRow row : rows) {
        if (!row.mapped()) {
            const UserMatch match = matcher.match(row.user);
            row.ambiguous = match.method == UserMatch::Method::Ambiguous;
            row.note = UserMatcher::explain(match);
            if (match.memberId > 0 && !row.ambiguous) {
                row.memberId = QString::number(match.memberId);
                row.matchBy = UserMatch::methodName(match.method);
                row.confidence = match.confidence;
                row.confirmed = false;
                if (const auto member = lists.find(QLatin1String(RemoteResolver::member), row.memberId)) {
                    row.memberLabel = member->label();
                }
            }
        }
        out.append(row);
    }
    return out;
}

UserMapping UserMappings::toMapping(const UserRow& row, const RemoteLists& lists, bool confirmed)
{
    UserMapping m;
    m.localUserId = row.user.id;
    m.memberId = row.memberId;
    if (const auto member = lists.find(QLatin1String(RemoteResolver::member), row.memberId)) {
        m.memberIdentifier = member->member.identifier;
    }
    UserMapping::MatchBy by = UserMapping::MatchBy::Manual;
    if (!row.matchBy.isEmpty() && !UserMapping::matchByFromName(row.matchBy, &by)) {
        by = UserMapping::MatchBy::Manual;
    }
    m.matchBy = by;
    m.confidence = by == UserMapping::MatchBy::Manual ? 100 : row.confidence;
    m.confirmed = confirmed;
    return m;
}

bool UserMappings::validateMember(const QString& memberId, const RemoteLists& lists, RemoteItem* item, QString* error)
{
    const auto member = lists.find(QLatin1String(RemoteResolver::member), memberId);
    if (!member) {
        *error = tr("Member %1 does not exist in ConnectWise. Fix: pick an id from: cwconnector-cli members NAME.")
                     .arg(memberId);
        return false;
    }
    if (!member->member.isMappable()) {
        *error = member->member.inactive
            ? tr("Member %1 is inactive. Fix: pick an active member (cwconnector-cli members NAME).")
                  .arg(member->label())
            : tr("Member %1 is an API member. Fix: pick a person (cwconnector-cli members NAME).").arg(member->label());
        return false;
    }
    *item = *member;
    return true;
}

} // namespace Cw
