#include "core/mapping/UserMatcher.h"

#include <QTest>

using namespace Cw;

namespace {

Member member(int id, const QString& identifier, const QString& first, const QString& last, const QString& email,
              bool inactive = false, const QString& licenseClass = QStringLiteral("F"))
{
    Member m;
    m.id = id;
    m.identifier = identifier;
    m.firstName = first;
    m.lastName = last;
    m.email = email;
    m.inactive = inactive;
    m.licenseClass = licenseClass;
    return m;
}

QList<Member> tenant()
{
    return {
        member(1, QStringLiteral("jsmith"), QStringLiteral("John"), QStringLiteral("Smith"),
               QStringLiteral("john.smith@msp.example")),
        // Two members share a name: a name match must not pick either.
        member(2, QStringLiteral("mgarcia"), QStringLiteral("María"), QStringLiteral("García"),
               QStringLiteral("maria@msp.example")),
        member(3, QStringLiteral("mgarcia2"), QStringLiteral("Maria"), QStringLiteral("Garcia"),
               QStringLiteral("m.garcia@msp.example")),
        // Inactive member whose e-mail matches a local user: never suggested.
        member(4, QStringLiteral("oldtimer"), QStringLiteral("Olga"), QStringLiteral("Timer"),
               QStringLiteral("olga@msp.example"), true),
        // API member: never suggested.
        member(5, QStringLiteral("apiuser"), QStringLiteral("Api"), QStringLiteral("User"),
               QStringLiteral("api@msp.example"), false, QStringLiteral("A")),
        member(6, QStringLiteral("zoe"), QStringLiteral("Zoë"), QStringLiteral("O'Brien"), QString()),
        member(7, QStringLiteral("pnguyen"), QStringLiteral("Phuong"), QStringLiteral("Nguyen"),
               QStringLiteral("phuong@other.example")),
    };
}

} // namespace

class TestUserMatcher final : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void ambiguousNameListsCandidates();
    void explanationsAreReadable();
};

void TestUserMatcher::matches_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<int>("memberId");
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("confidence");

    QTest::newRow("email, different case and spaces")
        << QStringLiteral("J. Smith") << QStringLiteral("  John.Smith@MSP.example ") << 1
        << int(UserMatch::Method::Email) << 100;
    QTest::newRow("email wins over a same-name member")
        << QStringLiteral("Maria Garcia") << QStringLiteral("maria@msp.example") << 2 << int(UserMatch::Method::Email)
        << 100;
    QTest::newRow("name with accents, case and whitespace")
        << QStringLiteral("  zoe   o'brien ") << QStringLiteral("zoe@home.example") << 6
        << int(UserMatch::Method::FullName) << 80;
    QTest::newRow("identifier from e-mail local part")
        << QStringLiteral("P. N.") << QStringLiteral("PNguyen@local.example") << 7 << int(UserMatch::Method::Identifier)
        << 60;
    QTest::newRow("inactive member with matching e-mail is not suggested")
        << QStringLiteral("Olga T") << QStringLiteral("olga@msp.example") << 0 << int(UserMatch::Method::None) << 0;
    QTest::newRow("API member is not suggested")
        << QStringLiteral("Api User") << QStringLiteral("api@msp.example") << 0 << int(UserMatch::Method::None) << 0;
    QTest::newRow("two members with the same name")
        << QStringLiteral("MARIA GARCIA") << QString() << 0 << int(UserMatch::Method::Ambiguous) << 0;
    QTest::newRow("no match") << QStringLiteral("Nobody Here") << QStringLiteral("nobody@x.example") << 0
                              << int(UserMatch::Method::None) << 0;
}

void TestUserMatcher::matches()
{
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(int, memberId);
    QFETCH(int, method);
    QFETCH(int, confidence);
    const UserMatcher matcher(tenant());
    const UserMatch m = matcher.match(LocalUser {QStringLiteral("u1"), name, email});
    QCOMPARE(m.localUserId, QStringLiteral("u1"));
    QCOMPARE(m.memberId, memberId);
    QCOMPARE(int(m.method), method);
    QCOMPARE(m.confidence, confidence);
}

void TestUserMatcher::ambiguousNameListsCandidates()
{
    const UserMatcher matcher(tenant());
    const UserMatch m = matcher.match(LocalUser {QStringLiteral("u2"), QStringLiteral("maría garcía"), QString()});
    QCOMPARE(m.method, UserMatch::Method::Ambiguous);
    QCOMPARE(m.candidates, (QList<int> {2, 3}));
    const QList<UserMatch> all =
        matcher.matchAll({LocalUser {QStringLiteral("a"), QStringLiteral("John Smith"), QString()},
                          LocalUser {QStringLiteral("b"), QString(), QString()}});
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).memberId, 1);
    QCOMPARE(all.at(1).method, UserMatch::Method::None);
}

void TestUserMatcher::explanationsAreReadable()
{
    UserMatch m;
    m.method = UserMatch::Method::Email;
    m.confidence = 100;
    QCOMPARE(UserMatcher::explain(m), QStringLiteral("Same e-mail address (100 %)"));
    m.method = UserMatch::Method::Ambiguous;
    m.candidates = {2, 3};
    QVERIFY(UserMatcher::explain(m).contains(QStringLiteral("2 members")));
    QCOMPARE(UserMatch::methodName(UserMatch::Method::FullName), QStringLiteral("name"));
}

QTEST_GUILESS_MAIN(TestUserMatcher)
#include "tst_usermatcher.moc"
