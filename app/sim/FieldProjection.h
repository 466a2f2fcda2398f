#pragma once

#include <QByteArray>
#include <QStringList>

namespace Sim {

// A record as `fields=` asks for it (connectwise-api.md §4.4: `fields=id,name,status/id`): top-level members
// by name, nested members by path (`status/id`, `_info/lastUpdated`, `types/id` on every element of an array),
// each kept inside its parent objects. A member named whole and by path is sent whole; an unknown name is left out.
class FieldProjection final
{
public:
    explicit FieldProjection(const QStringList& fields);

    bool isEmpty() const { return m_top.isEmpty(); }
    // The compact JSON of the record (compact JSON of an object) with only the asked members.
    QByteArray apply(const QByteArray& record) const;

private:
    QList<QByteArray> m_top; // the first part of every path, once each
    QList<QStringList> m_paths;
    bool m_nested = false;
};

} // namespace Sim
