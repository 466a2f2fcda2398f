#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace Sim {

// The ConnectWise `conditions` query language: comparisons (= != < <= > >= like, not like, contains,
// in, not in) of a field path (nested with '/') against a number, "string" (backslash escapes),
// [datetime], true/false or null, combined with and/or/not and parentheses. Keywords are
// case-insensitive; string comparison is case-insensitive like the real service's SQL collation.
class Conditions final
{
public:
    enum class Op { Eq, Ne, Lt, Le, Gt, Ge, Like, NotLike, Contains, In, NotIn };

    struct Value
    {
        enum class Kind { Number, String, DateTime, Bool, Null } kind = Kind::Null;
        double number = 0;
        QString string;
        qint64 secs = 0; // DateTime
        bool boolean = false;
    };

    struct Node
    {
        enum class Type { And, Or, Not, Compare } type = Type::Compare;
        std::vector<std::shared_ptr<const Node>> children;
        QStringList path;
        Op op = Op::Eq;
        std::vector<Value> values;
    };

    Conditions() = default;

    // Parses text; an empty or blank text matches everything. On failure returns an invalid object and
    // sets *error to a message naming the problem and its position.
    static Conditions parse(const QString& text, QString* error);

    bool isValid() const { return m_valid; }
    bool isEmpty() const { return !m_root; }
    // Looks a field up by path; lets records be matched without parsing them into QJsonObjects.
    using Lookup = std::function<QJsonValue(const QStringList& path)>;
    bool matches(const QJsonObject& record) const;
    bool matches(const Lookup& lookup) const;

    // The whole numbers a top-level number field must lie within for a record to match, read from the comparisons
    // of that field with numbers (=, in, <, <=, >, >=) joined by `and` (their intersection) or `or` (their hull); the
    // full qint64 span when the conditions do not bound it. Lets a list narrow its id-sorted records by binary search
    // before matching (`id > 1000 and id <= 1900`); matches() still decides for each record.
    struct IntegerRange
    {
        qint64 low = std::numeric_limits<qint64>::min();
        qint64 high = std::numeric_limits<qint64>::max();
    };
    IntegerRange integerRange(const QString& field) const;

    // The value at a '/'-separated path, or undefined.
    static QJsonValue valueAt(const QJsonObject& record, const QStringList& path);
    // ConnectWise's like: '*' any run of characters, all else (also '%' and '_') itself; case-insensitive.
    static bool like(const QString& text, const QString& pattern);

private:
    static IntegerRange rangeOf(const Node& node, const QString& field);
    static bool evaluate(const Node& node, const Lookup& lookup);
    static bool compare(const QJsonValue& field, Op op, const Value& value);

    std::shared_ptr<const Node> m_root;
    bool m_valid = true;
};

} // namespace Sim
