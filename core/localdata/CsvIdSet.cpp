#include "core/localdata/CsvIdSet.h"

#include <QHashFunctions>

#include <cstring>

namespace Cw {

namespace {
constexpr int kHeader = int(sizeof(qint32) + sizeof(quint16)); // row, then the id's length
}

CsvIdSet::CsvIdSet() : m_slots(1024, 0) { }

size_t CsvIdSet::hashOf(const char* data, qsizetype size)
{
    return qHash(QByteArrayView(data, size), 0);
}

QByteArray CsvIdSet::keyAt(quint32 offset, int* row) const
{
    const char* at = m_arena.constData() + offset;
    qint32 storedRow = 0;
    quint16 length = 0;
    std::memcpy(&storedRow, at, sizeof storedRow);
    std::memcpy(&length, at + sizeof storedRow, sizeof length);
    if (row) {
        *row = storedRow;
    }
    return QByteArray::fromRawData(at + kHeader, length);
}

void CsvIdSet::grow()
{
    std::vector<quint32> table(m_slots.size() * 2, 0);
    const size_t mask = table.size() - 1;
    for (const quint32 slot : m_slots) {
        if (slot == 0) {
            continue;
        }
        const QByteArray key = keyAt(slot - 1, nullptr);
        size_t i = hashOf(key.constData(), key.size()) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot;
    }
    m_slots.swap(table);
}

int CsvIdSet::insert(const QString& id, int row)
{
    const QByteArray key = id.toUtf8();
    const size_t mask = m_slots.size() - 1;
    size_t i = hashOf(key.constData(), key.size()) & mask;
    while (m_slots[i] != 0) {
        int first = 0;
        if (keyAt(m_slots[i] - 1, &first) == key) {
            return first;
        }
        i = (i + 1) & mask;
    }
    const auto offset = static_cast<quint32>(m_arena.size());
    const auto storedRow = static_cast<qint32>(row);
    const auto length = static_cast<quint16>(std::min<qsizetype>(key.size(), 0xFFFF));
    m_arena.append(reinterpret_cast<const char*>(&storedRow), sizeof storedRow);
    m_arena.append(reinterpret_cast<const char*>(&length), sizeof length);
    m_arena.append(key.constData(), length);
    m_slots[i] = offset + 1;
    if (++m_size * 2 > qsizetype(m_slots.size())) { // at most half full: short probes
        grow();
    }
    return 0;
}

qsizetype CsvIdSet::memoryBytes() const
{
    return m_arena.capacity() + qsizetype(m_slots.capacity() * sizeof(quint32));
}

} // namespace Cw
