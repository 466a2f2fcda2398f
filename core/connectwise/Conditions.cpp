#include "core/connectwise/Conditions.h"

#include <QTimeZone>

namespace Cw {

Conditions::Conditions(QString text, QString joiner) : m_text(std::move(text)), m_joiner(std::move(joiner)) { }

Conditions Conditions::raw(const QString& expression)
{
    const QString trimmed = expression.trimmed();
    // An arbitrary expression may contain and/or: treat it as compound so combining parenthesises it.
    return Conditions(trimmed, trimmed.isEmpty() ? QString() : QStringLiteral("raw"));
}

QString Conditions::opText(Op op)
{
    switch (op) {
    case Op::Equals:
        return QStringLiteral("=");
    case Op::NotEquals:
        return QStringLiteral("!=");
    case Op::Less:
        return QStringLiteral("<");
    case Op::LessOrEqual:
        return QStringLiteral("<=");
    case Op::Greater:
        return QStringLiteral(">");
    case Op::GreaterOrEqual:
        return QStringLiteral(">=");
    case Op::Contains:
        return QStringLiteral("contains");
    case Op::Like:
        return QStringLiteral("like");
    case Op::NotLike:
        return QStringLiteral("not like");
    }
    return QStringLiteral("=");
}

QString Conditions::quote(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out.append(QLatin1Char('"'));
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out.append(QLatin1Char('\\'));
        }
        out.append(c);
    }
    out.append(QLatin1Char('"'));
    return out;
}

QString Conditions::dateTime(const QDateTime& value)
{
    const QDateTime utc = value.toTimeZone(QTimeZone::utc());
    return QLatin1Char('[') + utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("Z]");
}

Conditions Conditions::compare(const QString& field, Op op, const QString& value)
{
    return Conditions(field + QLatin1Char(' ') + opText(op) + QLatin1Char(' ') + quote(value));
}

Conditions Conditions::compare(const QString& field, Op op, qint64 value)
{
    return Conditions(field + QLatin1Char(' ') + opText(op) + QLatin1Char(' ') + QString::number(value));
}

Conditions Conditions::compare(const QString& field, Op op, bool value)
{
    return Conditions(field + QLatin1Char(' ') + opText(op) + QLatin1Char(' ') +
                      (value ? QStringLiteral("True") : QStringLiteral("False")));
}

Conditions Conditions::compare(const QString& field, Op op, const QDateTime& value)
{
    return Conditions(field + QLatin1Char(' ') + opText(op) + QLatin1Char(' ') + dateTime(value));
}

Conditions Conditions::in(const QString& field, const QList<qint64>& values)
{
    QStringList items;
    items.reserve(values.size());
    for (const qint64 v : values) {
        items.append(QString::number(v));
    }
    return Conditions(field + QStringLiteral(" in (") + items.join(QStringLiteral(", ")) + QLatin1Char(')'));
}

Conditions Conditions::in(const QString& field, const QStringList& values)
{
    QStringList items;
    items.reserve(values.size());
    for (const QString& v : values) {
        items.append(quote(v));
    }
    return Conditions(field + QStringLiteral(" in (") + items.join(QStringLiteral(", ")) + QLatin1Char(')'));
}

Conditions Conditions::isNull(const QString& field)
{
    return Conditions(field + QStringLiteral(" = null"));
}

Conditions Conditions::isNotNull(const QString& field)
{
    return Conditions(field + QStringLiteral(" != null"));
}

QString Conditions::asOperand(const QString& joiner) const
{
    if (m_joiner.isEmpty() || m_joiner == joiner) {
        return m_text;
    }
    return QLatin1Char('(') + m_text + QLatin1Char(')');
}

Conditions Conditions::combine(const Conditions& other, const QString& joiner) const
{
    if (other.isEmpty()) {
        return *this;
    }
    if (isEmpty()) {
        return other;
    }
    return Conditions(asOperand(joiner) + QLatin1Char(' ') + joiner + QLatin1Char(' ') + other.asOperand(joiner),
                      joiner);
}

} // namespace Cw
