#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cw {

// Builds a ConnectWise `conditions` (or childConditions / customFieldConditions) expression:
//   Conditions::equals("name", "O\"Brien")         -> name = "O\"Brien"
//   Conditions::compare("id", Conditions::Op::Greater, 100)
//   Conditions::compare("lastUpdated", Conditions::Op::Greater, QDateTime(...)) -> lastUpdated > [2025-01-01T00:00:00Z]
//   Conditions::in("id", {1, 2, 3})                -> id in (1, 2, 3)
//   Conditions::like("name", "Acme%")              -> name like "Acme%"
//   a && b, a || b                                 -> a and b / (a and b) or c  (mixed operators get parentheses)
// Strings are quoted with `"` and `\` escaped; datetimes are UTC in brackets without fractions; booleans
// are True/False; the result is plain text, percent-encoded later by the request pipeline.
// Field names come from code (never from users) and are used as written.
class Conditions final
{
public:
    enum class Op { Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual, Contains, Like, NotLike };

    Conditions() = default;
    static Conditions raw(const QString& expression); // already a valid expression, used as is

    static Conditions compare(const QString& field, Op op, const QString& value);
    static Conditions compare(const QString& field, Op op, const char* value) = delete; // be explicit
    static Conditions compare(const QString& field, Op op, qint64 value);
    static Conditions compare(const QString& field, Op op, int value) { return compare(field, op, qint64(value)); }
    static Conditions compare(const QString& field, Op op, bool value);
    static Conditions compare(const QString& field, Op op, const QDateTime& value);
    static Conditions equals(const QString& field, const QString& value) { return compare(field, Op::Equals, value); }
    static Conditions equals(const QString& field, qint64 value) { return compare(field, Op::Equals, value); }
    static Conditions equals(const QString& field, int value) { return compare(field, Op::Equals, qint64(value)); }
    static Conditions equals(const QString& field, bool value) { return compare(field, Op::Equals, value); }
    static Conditions equals(const QString& field, const char* value) = delete; // would silently become a bool
    static Conditions like(const QString& field, const QString& pattern) { return compare(field, Op::Like, pattern); }
    static Conditions in(const QString& field, const QList<qint64>& values);
    static Conditions in(const QString& field, const QStringList& values);
    static Conditions isNull(const QString& field);
    static Conditions isNotNull(const QString& field);

    // Combining with an empty Conditions returns the other side unchanged.
    Conditions operator&&(const Conditions& other) const { return combine(other, QStringLiteral("and")); }
    Conditions operator||(const Conditions& other) const { return combine(other, QStringLiteral("or")); }

    bool isEmpty() const { return m_text.isEmpty(); }
    QString toString() const { return m_text; }
    bool operator==(const Conditions& other) const { return m_text == other.m_text; }

    // Literal helpers, usable on their own.
    static QString quote(const QString& value); // "a\"b\\c"
    static QString dateTime(const QDateTime& value); // [2025-01-01T00:00:00Z] (converted to UTC)
    static QString opText(Op op);

private:
    explicit Conditions(QString text, QString joiner = QString());
    Conditions combine(const Conditions& other, const QString& joiner) const;
    QString asOperand(const QString& joiner) const;

    QString m_text;
    QString m_joiner; // "and"/"or" when this is a compound of that operator, else empty
};

} // namespace Cw
