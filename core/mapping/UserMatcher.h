#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Cw {

// A user of the local system.
struct LocalUser
{
    QString id;
    QString name;
    QString email;
};

// A ConnectWise member (system/members), reduced to what matching needs.
struct Member
{
    int id = 0;
    QString identifier; // login name, max 15 characters
    QString firstName;
    QString lastName;
    QString email; // primaryEmail, else officeEmail
    bool inactive = false;
    QString licenseClass; // F full, A API, C StreamlineIT, X subcontractor

    QString fullName() const { return QString(firstName + QLatin1Char(' ') + lastName).trimmed(); }
    // API members and inactive members are never offered for mapping.
    bool isMappable() const { return !inactive && licenseClass.compare(QLatin1String("A"), Qt::CaseInsensitive) != 0; }
};

// One suggestion: which member a local user most likely is, how it was found and how sure we are.
struct UserMatch
{
    enum class Method {
        None, // nothing matched: the user stays unmapped until the admin picks a member
        Email, // same e-mail address (confidence 100)
        FullName, // same name, ignoring case, accents and spacing (confidence 80)
        Identifier, // the member's identifier equals the user's e-mail local part or folded name (60)
        Ambiguous, // several members fit equally well: the admin must choose
    };

    QString localUserId;
    int memberId = 0; // 0 when none
    Method method = Method::None;
    int confidence = 0; // 0..100
    QList<int> candidates; // with Ambiguous: the members that fit

    static QString methodName(Method method); // "email", "name", ... (for JSON and the CLI)
};

// Suggests member matches for local users: by e-mail, then full name, then identifier. An inactive
// or API member is never suggested, even when its e-mail matches; two members with the same name
// give an ambiguous result rather than a guess.
class UserMatcher final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::UserMatcher)

public:
    explicit UserMatcher(QList<Member> members);

    UserMatch match(const LocalUser& user) const;
    QList<UserMatch> matchAll(const QList<LocalUser>& users) const;

    // A translated sentence explaining a suggestion, e.g. "Same e-mail address (100 %)".
    static QString explain(const UserMatch& match);

private:
    QList<Member> m_members; // mappable members only
};

} // namespace Cw
