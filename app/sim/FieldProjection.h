#pragma once

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace Sim {

// A record as `fields=` asks for it (connectwise-api.md §4.4: `fields=id,name,status/id`): top-level members
// by name, nested members by path (`status/id`, `_info/lastUpdated`, `types/id` on every element of an array),
// each kept inside its parent objects. A member named whole and by path is sent whole; an unknown name is left out.
// The plan (which members, how deep) is built once per request; apply() copies the asked members out of the
// record's bytes in the record's own order, without parsing or writing the record again.
class FieldProjection final
{
public:
    explicit FieldProjection(const QStringList& fields);

    bool isEmpty() const { return m_root.children.empty(); }
    // The compact JSON of the record (compact JSON of an object) with only the asked members; "{}" when the
    // record is not a JSON object.
    QByteArray apply(const QByteArray& record) const;
    // The same, appended to out (a page is built record after record into one buffer).
    void appendTo(const QByteArray& record, QByteArray* out) const;

private:
    struct Node
    {
        QByteArray name;
        bool whole = false; // named up to here: the member is sent as it is
        std::vector<Node> children;
        const Node* child(const char* key, qsizetype size) const;
    };

    Node m_root;
};

} // namespace Sim
