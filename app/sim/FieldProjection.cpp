#include "app/sim/FieldProjection.h"

#include "app/sim/JsonScan.h"

#include <algorithm>
#include <cstring>

namespace Sim {

FieldProjection::FieldProjection(const QStringList& fields)
{
    for (const QString& field : fields) {
        const QStringList path = field.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        Node* node = &m_root;
        for (const QString& part : path) {
            const QByteArray name = part.toUtf8();
            auto it = std::find_if(node->children.begin(), node->children.end(),
                                   [&name](const Node& n) { return n.name == name; });
            if (it == node->children.end()) {
                Node created;
                created.name = name;
                node->children.push_back(std::move(created));
                it = node->children.end() - 1;
            }
            node = &*it;
        }
        if (node != &m_root) {
            node->whole = true;
        }
    }
}

const FieldProjection::Node* FieldProjection::Node::child(const char* key, qsizetype size) const
{
    for (const Node& n : children) {
        if (n.name.size() == size && std::memcmp(n.name.constData(), key, static_cast<size_t>(size)) == 0) {
            return &n;
        }
    }
    return nullptr;
}

QByteArray FieldProjection::apply(const QByteArray& record) const
{
    QByteArray out;
    out.reserve(record.size());
    appendTo(record, &out);
    return out;
}

void FieldProjection::appendTo(const QByteArray& record, QByteArray* out) const
{
    const qsizetype start = out->size();
    const char* p = record.constData();
    // An object: the asked members, each whole or projected further; an array: every element projected; anything
    // else (a scalar or null where an object was expected) as it is.
    struct Projector
    {
        QByteArray* out;
        bool value(const char*& p, const char* end, const Node& node)
        {
            JsonScan::skipSpace(p, end);
            if (p >= end) {
                return false;
            }
            if (*p == '{') {
                return object(p, end, node);
            }
            if (*p == '[') {
                ++p;
                *out += '[';
                bool first = true;
                while (true) {
                    JsonScan::skipSpace(p, end);
                    if (p < end && *p == ']') {
                        ++p;
                        *out += ']';
                        return true;
                    }
                    if (!first) {
                        *out += ',';
                    }
                    first = false;
                    if (!value(p, end, node)) {
                        return false;
                    }
                    JsonScan::skipComma(p, end);
                }
            }
            const char* begin = p;
            if (!JsonScan::skipValue(p, end)) {
                return false;
            }
            out->append(begin, static_cast<qsizetype>(p - begin));
            return true;
        }
        bool object(const char*& p, const char* end, const Node& node)
        {
            *out += '{';
            bool first = true;
            JsonScan::Members members(p, end);
            while (members.next()) {
                const Node* wanted = node.child(members.key().data(), members.key().size());
                if (wanted) {
                    if (!first) {
                        *out += ',';
                    }
                    first = false;
                    if (wanted->whole) {
                        out->append(members.member().data(), members.member().size());
                    } else {
                        out->append(members.keyText().data(), members.keyText().size());
                        *out += ':';
                        const char* v = members.valueStart();
                        if (!value(v, members.valueEnd(), *wanted)) {
                            return false;
                        }
                    }
                }
            }
            if (!members.ok()) {
                return false;
            }
            p = members.position();
            *out += '}';
            return true;
        }
    };
    Projector projector {out};
    const char* const end = p + record.size();
    JsonScan::skipSpace(p, end);
    if (p >= end || *p != '{' || !projector.object(p, end, m_root)) {
        out->truncate(start);
        *out += "{}";
    }
}

} // namespace Sim
