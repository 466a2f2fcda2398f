#include "core/mapping/UserMatcher.h"

#include "core/mapping/TextFold.h"

namespace Cw {

namespace {

UserMatch decide(const QString& userId, const QList<int>& ids, UserMatch::Method method, int confidence)
{
    UserMatch m;
    m.localUserId = userId;
    if (ids.size() == 1) {
        m.memberId = ids.first();
        m.method = method;
        m.confidence = confidence;
    } else if (ids.size() > 1) {
        m.method = UserMatch::Method::Ambiguous;
        m.candidates = ids;
    }
    return m;
}

} // namespace

QString UserMatch::methodName(Method method)
{
    switch (method) {
    case Method::None:
        return QStringLiteral("none");
    case Method::Email:
        return QStringLiteral("email");
    case Method::FullName:
        return QStringLiteral("name");
    case Method::Identifier:
        return QStringLiteral("identifier");
    case Method::Ambiguous:
        return QStringLiteral("ambiguous");
    }
    return QString();
}

UserMatcher::UserMatcher(QList<Member> members)
{
    for (const Member& m : members) {
        if (m.isMappable()) {
            m_members.append(m);
        }
    }
}

UserMatch UserMatcher::match(const LocalUser& user) const
{
    const QString email = user.email.trimmed().toCaseFolded();
    if (!email.isEmpty()) {
        QList<int> ids;
        for (const Member& m : m_members) {
            if (!m.email.isEmpty() && m.email.trimmed().toCaseFolded() == email) {
                ids.append(m.id);
            }
        }
        if (!ids.isEmpty()) {
            return decide(user.id, ids, UserMatch::Method::Email, 100);
        }
    }

    const QString name = TextFold::fold(user.name);
    if (!name.isEmpty()) {
        QList<int> ids;
        for (const Member& m : m_members) {
            if (TextFold::fold(m.fullName()) == name) {
                ids.append(m.id);
            }
        }
        if (!ids.isEmpty()) {
            return decide(user.id, ids, UserMatch::Method::FullName, 80);
        }
    }

    // The identifier is often the e-mail's local part or the name without spaces ("jsmith").
    QStringList keys;
    if (!email.isEmpty()) {
        keys.append(TextFold::fold(email.section(QLatin1Char('@'), 0, 0)).remove(QLatin1Char(' ')));
    }
    if (!name.isEmpty()) {
        keys.append(QString(name).remove(QLatin1Char(' ')));
    }
    QList<int> ids;
    for (const Member& m : m_members) {
        const QString identifier = TextFold::fold(m.identifier).remove(QLatin1Char(' '));
        if (!identifier.isEmpty() && keys.contains(identifier)) {
            ids.append(m.id);
        }
    }
    return decide(user.id, ids, UserMatch::Method::Identifier, 60);
}

QList<UserMatch> UserMatcher::matchAll(const QList<LocalUser>& users) const
{
    QList<UserMatch> out;
    out.reserve(users.size());
    for (const LocalUser& u : users) {
        out.append(match(u));
    }
    return out;
}

QString UserMatcher::explain(const UserMatch& match)
{
    switch (match.method) {
    case UserMatch::Method::Email:
        return tr("Same e-mail address (%1 %)").arg(match.confidence);
    case UserMatch::Method::FullName:
        return tr("Same name (%1 %)").arg(match.confidence);
    case UserMatch::Method::Identifier:
        return tr("Member identifier matches (%1 %)").arg(match.confidence);
    case UserMatch::Method::Ambiguous:
        return tr("%n members fit equally well: choose one", nullptr, static_cast<int>(match.candidates.size()));
    case UserMatch::Method::None:
        return tr("No match: choose a member, or leave unmapped");
    }
    return QString();
}

} // namespace Cw
