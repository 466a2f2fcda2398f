#pragma once

#include <QString>
#include <QVariant>

#include <utility>
#include <vector>

namespace Cw {

// The local column values a pulled record sets, by column name. A handful per record, so a flat list rather than a
// hash: a large pull maps about 100,000 of them on its parsing thread, and a QVariantHash per record (its buckets,
// its nodes, then freeing them) was a fifth of that thread's work.
class PulledFields
{
public:
    using Field = std::pair<QString, QVariant>;

    // Sets the column's value (replaces an earlier one).
    void insert(const QString& column, const QVariant& value);
    // The value, or nullptr when the column is not set. hint: where to look first (the index after the previous
    // find), for callers that read the columns in the order they were set; updated to the index after the match.
    const QVariant* find(QStringView column, std::size_t* hint = nullptr) const;
    QVariant value(QStringView column) const;
    bool contains(QStringView column) const { return find(column) != nullptr; }
    std::size_t size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.empty(); }

    std::vector<Field>::const_iterator begin() const { return m_fields.cbegin(); }
    std::vector<Field>::const_iterator end() const { return m_fields.cend(); }

private:
    std::vector<Field> m_fields;
};

} // namespace Cw
