#include "core/sync/PulledFields.h"

namespace Cw {

void PulledFields::insert(const QString& column, const QVariant& value)
{
    for (Field& field : m_fields) {
        if (field.first == column) {
            field.second = value;
            return;
        }
    }
    if (m_fields.empty()) {
        m_fields.reserve(12); // more than any entity's columns: one allocation per record
    }
    m_fields.emplace_back(column, value);
}

const QVariant* PulledFields::find(QStringView column, std::size_t* hint) const
{
    const std::size_t n = m_fields.size();
    const std::size_t start = hint && *hint < n ? *hint : 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = (start + i) % n;
        if (m_fields[at].first == column) {
            if (hint) {
                *hint = at + 1;
            }
            return &m_fields[at].second;
        }
    }
    return nullptr;
}

QVariant PulledFields::value(QStringView column) const
{
    const QVariant* v = find(column);
    return v ? *v : QVariant();
}

} // namespace Cw
