#include "app/sim/Conditions.h"

#include <QDateTime>
#include <QJsonValue>

namespace Sim {

namespace {

struct Token
{
    enum class Kind { End, Word, String, Number, Date, Op, Open, Close, Comma } kind = Kind::End;
    QString text;
    int position = 0;
};

class Parser
{
public:
    explicit Parser(const QString& text) : m_text(text) { }

    std::shared_ptr<const Conditions::Node> parse(QString* error)
    {
        if (!advance()) {
            *error = m_error;
            return {};
        }
        auto root = parseOr();
        if (root && m_token.kind != Token::Kind::End) {
            fail(QStringLiteral("Unexpected '%1'").arg(m_token.text));
            root.reset();
        }
        if (!root) {
            *error = m_error;
        }
        return root;
    }

private:
    using NodePtr = std::shared_ptr<Conditions::Node>;

    bool fail(const QString& message)
    {
        if (m_error.isEmpty()) {
            m_error = QStringLiteral("%1 at position %2 of the condition").arg(message).arg(m_token.position + 1);
        }
        return false;
    }

    bool isKeyword(const char* word) const
    {
        return m_token.kind == Token::Kind::Word && m_token.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }

    bool advance()
    {
        const int n = static_cast<int>(m_text.size());
        while (m_pos < n && m_text.at(m_pos).isSpace()) {
            ++m_pos;
        }
        m_token = Token {};
        m_token.position = m_pos;
        if (m_pos >= n) {
            return true;
        }
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')) {
            m_token.kind = c == QLatin1Char('(') ? Token::Kind::Open
                : c == QLatin1Char(')')          ? Token::Kind::Close
                                                 : Token::Kind::Comma;
            m_token.text = c;
            ++m_pos;
            return true;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const QChar quote = c;
            QString value;
            for (++m_pos; m_pos < n; ++m_pos) {
                const QChar ch = m_text.at(m_pos);
                if (ch == QLatin1Char('\\') && m_pos + 1 < n) {
                    value += m_text.at(++m_pos);
                } else if (ch == quote) {
                    ++m_pos;
                    m_token.kind = Token::Kind::String;
                    m_token.text = value;
                    return true;
                } else {
                    value += ch;
                }
            }
            return fail(QStringLiteral("Unterminated string"));
        }
        if (c == QLatin1Char('[')) {
            const int end = static_cast<int>(m_text.indexOf(QLatin1Char(']'), m_pos));
            if (end < 0) {
                return fail(QStringLiteral("Unterminated date"));
            }
            m_token.kind = Token::Kind::Date;
            m_token.text = m_text.mid(m_pos + 1, end - m_pos - 1).trimmed();
            m_pos = end + 1;
            return true;
        }
        static const QString opChars = QStringLiteral("=!<>");
        if (opChars.contains(c)) {
            QString op = c;
            const QChar next = m_pos + 1 < n ? m_text.at(m_pos + 1) : QChar();
            int length = 1;
            if (next == QLatin1Char('=')) {
                op += next;
                length = 2;
            } else if (c == QLatin1Char('<') && next == QLatin1Char('>')) {
                op = QStringLiteral("!=");
                length = 2;
            }
            m_pos += length;
            if (op == QStringLiteral("!") || op == QStringLiteral("==")) {
                return fail(QStringLiteral("Unknown operator '%1'").arg(op));
            }
            m_token.kind = Token::Kind::Op;
            m_token.text = op;
            return true;
        }
        if (c.isDigit() ||
            ((c == QLatin1Char('-') || c == QLatin1Char('.')) && m_pos + 1 < n && m_text.at(m_pos + 1).isDigit())) {
            int end = m_pos + 1;
            while (end < n && (m_text.at(end).isDigit() || m_text.at(end) == QLatin1Char('.'))) {
                ++end;
            }
            m_token.kind = Token::Kind::Number;
            m_token.text = m_text.mid(m_pos, end - m_pos);
            m_pos = end;
            return true;
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            int end = m_pos + 1;
            while (end < n &&
                   (m_text.at(end).isLetterOrNumber() || m_text.at(end) == QLatin1Char('_') ||
                    m_text.at(end) == QLatin1Char('/') || m_text.at(end) == QLatin1Char('.'))) {
                ++end;
            }
            m_token.kind = Token::Kind::Word;
            m_token.text = m_text.mid(m_pos, end - m_pos);
            m_pos = end;
            return true;
        }
        return fail(QStringLiteral("Unexpected character '%1'").arg(c));
    }

    NodePtr combine(Conditions::Node::Type type, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<Conditions::Node>();
        node->type = type;
        node->children = {std::move(left), std::move(right)};
        return node;
    }

    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (left && isKeyword("or")) {
            if (!advance()) {
                return {};
            }
            NodePtr right = parseAnd();
            if (!right) {
                return {};
            }
            left = combine(Conditions::Node::Type::Or, left, right);
        }
        return left;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseUnary();
        while (left && isKeyword("and")) {
            if (!advance()) {
                return {};
            }
            NodePtr right = parseUnary();
            if (!right) {
                return {};
            }
            left = combine(Conditions::Node::Type::And, left, right);
        }
        return left;
    }

    NodePtr parseUnary()
    {
        if (isKeyword("not")) {
            if (!advance()) {
                return {};
            }
            NodePtr inner = parseUnary();
            if (!inner) {
                return {};
            }
            auto node = std::make_shared<Conditions::Node>();
            node->type = Conditions::Node::Type::Not;
            node->children = {inner};
            return node;
        }
        if (m_token.kind == Token::Kind::Open) {
            if (!advance()) {
                return {};
            }
            NodePtr inner = parseOr();
            if (!inner) {
                return {};
            }
            if (m_token.kind != Token::Kind::Close) {
                fail(QStringLiteral("Expected ')'"));
                return {};
            }
            return advance() ? inner : NodePtr {};
        }
        return parseComparison();
    }

    NodePtr parseComparison()
    {
        if (m_token.kind != Token::Kind::Word || isKeyword("and") || isKeyword("or")) {
            fail(m_token.kind == Token::Kind::End
                     ? QStringLiteral("Expected a field name but the condition ended")
                     : QStringLiteral("Expected a field name, found '%1'").arg(m_token.text));
            return {};
        }
        auto node = std::make_shared<Conditions::Node>();
        node->path = m_token.text.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const QString field = m_token.text;
        if (!advance()) {
            return {};
        }
        bool negated = false;
        if (isKeyword("not")) {
            negated = true;
            if (!advance()) {
                return {};
            }
        }
        if (m_token.kind == Token::Kind::Op && !negated) {
            static const QStringList ops = {QStringLiteral("="),  QStringLiteral("!="), QStringLiteral("<"),
                                            QStringLiteral("<="), QStringLiteral(">"),  QStringLiteral(">=")};
            static const Conditions::Op values[] = {Conditions::Op::Eq, Conditions::Op::Ne, Conditions::Op::Lt,
                                                    Conditions::Op::Le, Conditions::Op::Gt, Conditions::Op::Ge};
            node->op = values[ops.indexOf(m_token.text)];
        } else if (isKeyword("like")) {
            node->op = negated ? Conditions::Op::NotLike : Conditions::Op::Like;
        } else if (isKeyword("in")) {
            node->op = negated ? Conditions::Op::NotIn : Conditions::Op::In;
        } else if (isKeyword("contains") && !negated) {
            node->op = Conditions::Op::Contains;
        } else {
            fail(QStringLiteral("Expected an operator after '%1'").arg(field));
            return {};
        }
        if (!advance()) {
            return {};
        }
        if (node->op == Conditions::Op::In || node->op == Conditions::Op::NotIn) {
            if (m_token.kind != Token::Kind::Open) {
                fail(QStringLiteral("Expected '(' after in"));
                return {};
            }
            do {
                if (!advance()) {
                    return {};
                }
                Conditions::Value value;
                if (!parseValue(&value)) {
                    return {};
                }
                node->values.push_back(value);
            } while (m_token.kind == Token::Kind::Comma);
            if (m_token.kind != Token::Kind::Close) {
                fail(QStringLiteral("Expected ')' to close the in list"));
                return {};
            }
            return advance() ? node : NodePtr {};
        }
        Conditions::Value value;
        if (!parseValue(&value)) {
            return {};
        }
        const bool textOp = node->op == Conditions::Op::Like || node->op == Conditions::Op::NotLike ||
            node->op == Conditions::Op::Contains;
        if (textOp && value.kind != Conditions::Value::Kind::String) {
            fail(QStringLiteral("like and contains need a quoted string"));
            return {};
        }
        node->values.push_back(value);
        return node;
    }

    // Parses the current token as a value and advances past it.
    bool parseValue(Conditions::Value* value)
    {
        using Kind = Conditions::Value::Kind;
        switch (m_token.kind) {
        case Token::Kind::String:
            value->kind = Kind::String;
            value->string = m_token.text;
            break;
        case Token::Kind::Number: {
            bool ok = false;
            value->number = m_token.text.toDouble(&ok);
            if (!ok) {
                return fail(QStringLiteral("Invalid number '%1'").arg(m_token.text));
            }
            value->kind = Kind::Number;
            break;
        }
        case Token::Kind::Date: {
            QDateTime time = QDateTime::fromString(m_token.text, Qt::ISODate);
            if (!time.isValid()) {
                time = QDateTime::fromString(m_token.text, Qt::ISODateWithMs);
            }
            if (!time.isValid()) {
                return fail(QStringLiteral("Invalid date '[%1]'").arg(m_token.text));
            }
            if (time.timeSpec() == Qt::LocalTime) {
                time.setTimeSpec(Qt::UTC);
            }
            value->kind = Kind::DateTime;
            value->secs = time.toSecsSinceEpoch();
            break;
        }
        case Token::Kind::Word:
            if (isKeyword("true") || isKeyword("false")) {
                value->kind = Kind::Bool;
                value->boolean = isKeyword("true");
            } else if (isKeyword("null")) {
                value->kind = Kind::Null;
            } else {
                return fail(QStringLiteral("Expected a value, found '%1' (quote strings with \")").arg(m_token.text));
            }
            break;
        default:
            return fail(m_token.kind == Token::Kind::End
                            ? QStringLiteral("Expected a value but the condition ended")
                            : QStringLiteral("Expected a value, found '%1'").arg(m_token.text));
        }
        return advance();
    }

    const QString& m_text;
    int m_pos = 0;
    Token m_token;
    QString m_error;
};

} // namespace

Conditions Conditions::parse(const QString& text, QString* error)
{
    Conditions result;
    if (text.trimmed().isEmpty()) {
        return result;
    }
    QString message;
    result.m_root = Parser(text).parse(&message);
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

bool Conditions::like(const QString& text, const QString& pattern)
{
    // Iterative wildcard match with backtracking to the last '%'.
    const QString t = text.toCaseFolded();
    const QString p = pattern.toCaseFolded();
    qsizetype ti = 0, pi = 0, starP = -1, starT = 0;
    while (ti < t.size()) {
        if (pi < p.size() && (p.at(pi) == QLatin1Char('_') || p.at(pi) == t.at(ti))) {
            ++ti;
            ++pi;
        } else if (pi < p.size() && p.at(pi) == QLatin1Char('%')) {
            starP = pi++;
            starT = ti;
        } else if (starP >= 0) {
            pi = starP + 1;
            ti = ++starT;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p.at(pi) == QLatin1Char('%')) {
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
        const QDateTime time = QDateTime::fromString(field.toString(), Qt::ISODate);
        if (!time.isValid()) {
            return false;
        }
        const qint64 secs = time.toSecsSinceEpoch();
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
