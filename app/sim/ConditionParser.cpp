#include "app/sim/ConditionParser.h"

#include <QDateTime>

namespace Sim::ConditionParser {

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

std::shared_ptr<const Conditions::Node> parse(const QString& text, QString* error)
{
    return Parser(text).parse(error);
}

} // namespace Sim::ConditionParser
