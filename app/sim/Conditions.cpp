#include "app/sim/Conditions.h"

#include "app/sim/ConditionParser.h"

#include <QDateTime>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace Sim {

Conditions Conditions::parse(const QString& text, QString* error)
{
    Conditions result;
    if (text.trimmed().isEmpty()) {
        return result;
    }
    QString message;
    result.m_root = ConditionParser::parse(text, &message);
    result.m_valid = result.m_root != nullptr;
    if (!result.m_valid && error) {
        *error = message;
    }
    return result;
}

bool Conditions::matches(const QJsonObject& record) const
{
    return matches([&record](const QStringList& path) { return valueAt(record, path); });
}

bool Conditions::matches(const Lookup& lookup) const
{
    return !m_root || evaluate(*m_root, lookup);
}

QJsonValue Conditions::valueAt(const QJsonObject& record, const QStringList& path)
{
    QJsonValue current = record;
    for (const QString& part : path) {
        if (!current.isObject()) {
            return QJsonValue(QJsonValue::Undefined);
        }
        current = current.toObject().value(part);
    }
    return current;
}

namespace {

// A double as a whole-number bound, clamped to qint64 (rounded up for a lower bound, down for an upper one).
qint64 wholeBound(double value, bool lower)
{
    const double rounded = lower ? std::ceil(value) : std::floor(value);
    if (std::isnan(rounded)) {
        return lower ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    }
    if (rounded <= -9.2e18) {
        return std::numeric_limits<qint64>::min();
    }
    if (rounded >= 9.2e18) {
        return std::numeric_limits<qint64>::max();
    }
    return static_cast<qint64>(rounded);
}

} // namespace

Conditions::IntegerRange Conditions::integerRange(const QString& field) const
{
    return m_root ? rangeOf(*m_root, field) : IntegerRange();
}

Conditions::IntegerRange Conditions::rangeOf(const Node& node, const QString& field)
{
    IntegerRange range;
    switch (node.type) {
    case Node::Type::And: {
        const IntegerRange a = rangeOf(*node.children[0], field);
        const IntegerRange b = rangeOf(*node.children[1], field);
        return {std::max(a.low, b.low), std::min(a.high, b.high)};
    }
    case Node::Type::Or: {
        const IntegerRange a = rangeOf(*node.children[0], field);
        const IntegerRange b = rangeOf(*node.children[1], field);
        return {std::min(a.low, b.low), std::max(a.high, b.high)};
    }
    case Node::Type::Not:
        return range;
    case Node::Type::Compare:
        break;
    }
    if (node.path.size() != 1 || node.path.first() != field || node.values.empty()) {
        return range;
    }
    for (const Value& v : node.values) {
        if (v.kind != Value::Kind::Number) {
            return range; // a string or a null compares differently: not bounded here
        }
    }
    const double first = node.values.front().number;
    switch (node.op) {
    case Op::Eq:
    case Op::In: {
        double lowest = first;
        double highest = first;
        for (const Value& v : node.values) {
            lowest = std::min(lowest, v.number);
            highest = std::max(highest, v.number);
        }
        return {wholeBound(lowest, true), wholeBound(highest, false)};
    }
    case Op::Gt:
        range.low = wholeBound(std::floor(first) + 1, true);
        return range;
    case Op::Ge:
        range.low = wholeBound(first, true);
        return range;
    case Op::Lt:
        range.high = wholeBound(std::ceil(first) - 1, false);
        return range;
    case Op::Le:
        range.high = wholeBound(first, false);
        return range;
    default:
        return range;
    }
}

bool Conditions::like(const QString& text, const QString& pattern)
{
    // ConnectWise's wildcard is '*' (any run of characters); everything else, '%' and '_' too, matches itself.
    // Iterative match with backtracking to the last '*'.
    const QString t = text.toCaseFolded();
    const QString p = pattern.toCaseFolded();
    const QChar star = QLatin1Char('*');
    qsizetype ti = 0, pi = 0, starP = -1, starT = 0;
    while (ti < t.size()) {
        if (pi < p.size() && p.at(pi) != star && p.at(pi) == t.at(ti)) {
            ++ti;
            ++pi;
        } else if (pi < p.size() && p.at(pi) == star) {
            starP = pi++;
            starT = ti;
        } else if (starP >= 0) {
            pi = starP + 1;
            ti = ++starT;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p.at(pi) == star) {
        ++pi;
    }
    return pi == p.size();
}

bool Conditions::evaluate(const Node& node, const Lookup& record)
{
    switch (node.type) {
    case Node::Type::And:
        return evaluate(*node.children[0], record) && evaluate(*node.children[1], record);
    case Node::Type::Or:
        return evaluate(*node.children[0], record) || evaluate(*node.children[1], record);
    case Node::Type::Not:
        return !evaluate(*node.children[0], record);
    case Node::Type::Compare:
        break;
    }
    const QJsonValue field = record(node.path);
    if (node.op == Op::In || node.op == Op::NotIn) {
        bool found = false;
        for (const Value& v : node.values) {
            found = found || compare(field, Op::Eq, v);
        }
        return node.op == Op::In ? found : !found && !field.isUndefined() && !field.isNull();
    }
    return compare(field, node.op, node.values.front());
}

bool Conditions::compare(const QJsonValue& field, Op op, const Value& value)
{
    using Kind = Value::Kind;
    const bool missing = field.isUndefined() || field.isNull();
    if (value.kind == Kind::Null) {
        return op == Op::Eq ? missing : (op == Op::Ne ? !missing : false);
    }
    if (missing) {
        return false;
    }
    int order = 0; // <0, 0, >0 like a comparison of field to value
    switch (value.kind) {
    case Kind::Bool:
        if (!field.isBool()) {
            return false;
        }
        order = field.toBool() == value.boolean ? 0 : 1;
        break;
    case Kind::Number: {
        bool ok = field.isDouble();
        const double f = ok ? field.toDouble() : field.toString().toDouble(&ok);
        if (!ok) {
            return false;
        }
        order = f < value.number ? -1 : (f > value.number ? 1 : 0);
        break;
    }
    case Kind::DateTime: {
        qint64 secs = 0;
        if (field.isDouble()) { // a cached timestamp (ListQuery): seconds since the epoch
            secs = static_cast<qint64>(field.toDouble());
        } else {
            const QDateTime time = QDateTime::fromString(field.toString(), Qt::ISODate);
            if (!time.isValid()) {
                return false;
            }
            secs = time.toSecsSinceEpoch();
        }
        order = secs < value.secs ? -1 : (secs > value.secs ? 1 : 0);
        break;
    }
    case Kind::String: {
        const QString text = field.isString() ? field.toString()
            : field.isDouble()                ? QString::number(field.toDouble())
            : field.isBool()                  ? QLatin1String(field.toBool() ? "true" : "false")
                                              : QString();
        if (op == Op::Like || op == Op::NotLike) {
            return like(text, value.string) == (op == Op::Like);
        }
        if (op == Op::Contains) {
            return text.contains(value.string, Qt::CaseInsensitive);
        }
        order = text.compare(value.string, Qt::CaseInsensitive);
        break;
    }
    case Kind::Null:
        break;
    }
    switch (op) {
    case Op::Eq:
        return order == 0;
    case Op::Ne:
        return order != 0;
    case Op::Lt:
        return order < 0;
    case Op::Le:
        return order <= 0;
    case Op::Gt:
        return order > 0;
    case Op::Ge:
        return order >= 0;
    default:
        return false; // like/contains on a non-string value
    }
}

} // namespace Sim
