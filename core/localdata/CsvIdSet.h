#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace Cw {

// The ids seen in one CSV file and the row each was first seen on, for "id already appears on row 2", in little
// memory: the ids' UTF-8 bytes lie in one arena (row, length, bytes) and an open-addressing table holds their
// offsets, about 20 bytes an id of 10 characters where a QHash<QString, int> takes about 100 (docs/benchmarks.md).
class CsvIdSet final
{
public:
    CsvIdSet();

    // The row id was first seen on; 0 when it is new (it is then remembered with row, which must be > 0).
    int insert(const QString& id, int row);
    qsizetype size() const { return m_size; }
    qsizetype memoryBytes() const;

private:
    static size_t hashOf(const char* data, qsizetype size);
    QByteArray keyAt(quint32 offset, int* row) const;
    void grow();

    QByteArray m_arena;
    std::vector<quint32> m_slots; // offset + 1 into m_arena; 0: empty
    qsizetype m_size = 0;
};

} // namespace Cw
