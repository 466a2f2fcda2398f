#include "core/store/BulkInsert.h"

#include <QStringList>

namespace Cw {

BulkInsert::BulkInsert(Database& database, QString head, int columns, QString tail, int rowsPerStatement)
    : m_database(database)
    , m_head(std::move(head))
    , m_tail(std::move(tail))
    , m_columns(std::max(1, columns))
    , m_rowsPerStatement(std::max(1, rowsPerStatement))
{
    m_values.reserve(static_cast<std::size_t>(m_columns * m_rowsPerStatement));
}

BulkInsert::~BulkInsert() = default;

void BulkInsert::text(const QString& value)
{
    Value v;
    v.kind = Value::Kind::Text;
    v.text = value.toUtf8();
    m_values.push_back(std::move(v));
}

void BulkInsert::utf8(const QByteArray& value)
{
    Value v;
    v.kind = Value::Kind::Text;
    v.text = value;
    m_values.push_back(std::move(v));
}

void BulkInsert::integer(qint64 value)
{
    Value v;
    v.kind = Value::Kind::Integer;
    v.integer = value;
    m_values.push_back(std::move(v));
}

void BulkInsert::null()
{
    m_values.emplace_back();
}

void BulkInsert::textOrNull(const QString& value)
{
    if (value.isEmpty()) {
        null();
    } else {
        text(value);
    }
}

bool BulkInsert::endRow(StoreError* error)
{
    Q_ASSERT(m_values.size() % static_cast<std::size_t>(m_columns) == 0);
    if (m_values.size() >= static_cast<std::size_t>(m_columns * m_rowsPerStatement)) {
        return flush(error);
    }
    return true;
}

bool BulkInsert::finish(StoreError* error)
{
    return m_values.empty() || flush(error);
}

BulkStatement* BulkInsert::statementFor(int rows, StoreError* error)
{
    std::unique_ptr<BulkStatement>& slot = rows == m_rowsPerStatement ? m_full : m_rest;
    if (slot && (rows == m_rowsPerStatement || m_restRows == rows)) {
        return slot.get();
    }
    QStringList marks;
    for (int c = 0; c < m_columns; ++c) {
        marks.append(QStringLiteral("?"));
    }
    const QString row = QLatin1Char('(') + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
    QStringList rowList;
    for (int r = 0; r < rows; ++r) {
        rowList.append(row);
    }
    auto statement = std::make_unique<BulkStatement>(m_database);
    if (!statement->prepare(m_head + QLatin1Char(' ') + rowList.join(QStringLiteral(", ")) + m_tail, error)) {
        return nullptr;
    }
    slot = std::move(statement);
    if (rows != m_rowsPerStatement) {
        m_restRows = rows;
    }
    return slot.get();
}

bool BulkInsert::flush(StoreError* error)
{
    const int rows = static_cast<int>(m_values.size()) / m_columns;
    BulkStatement* statement = statementFor(rows, error);
    if (!statement) {
        m_values.clear();
        return false;
    }
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        Value& v = m_values[i];
        const int index = static_cast<int>(i);
        switch (v.kind) {
        case Value::Kind::Null:
            statement->bindNull(index);
            break;
        case Value::Kind::Integer:
            statement->bindInt(index, v.integer);
            break;
        case Value::Kind::Text:
            statement->bindUtf8(index, std::move(v.text));
            break;
        }
    }
    m_values.clear();
    return statement->exec(error);
}

} // namespace Cw
