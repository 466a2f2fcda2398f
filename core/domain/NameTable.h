#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>
#include <optional>

namespace Cw {

// The stable names of one kind of domain value (entities, operations, directions, deployments, ...): the words
// stored in the database and used on the command line, in exports and in log lines. Each enum has exactly one
// table (nameTable<E>(), defined beside the enum); code works with the enum and turns it into text, or text into
// it, only at those edges, through the table. The table's order is the documented order of the names.
template <typename E>
class NameTable final
{
public:
    struct Entry
    {
        E value;
        const char* name; // ASCII
    };

    NameTable(std::initializer_list<Entry> entries)
    {
        for (const Entry& e : entries) {
            m_values.append(e.value);
            m_names.append(QString::fromLatin1(e.name));
        }
    }

    QString name(E value) const { return m_names.value(m_values.indexOf(value)); }
    // Exact, case-sensitive: the names are part of a contract.
    std::optional<E> parse(QStringView text) const
    {
        for (qsizetype i = 0; i < m_names.size(); ++i) {
            if (m_names.at(i) == text) {
                return m_values.at(i);
            }
        }
        return std::nullopt;
    }
    const QList<E>& values() const { return m_values; }
    const QStringList& names() const { return m_names; }

private:
    QList<E> m_values;
    QStringList m_names;
};

// Specialised once per enum, in the enum's own .cpp file.
template <typename E>
const NameTable<E>& nameTable();

template <typename E>
QString nameOf(E value)
{
    return nameTable<E>().name(value);
}

template <typename E>
std::optional<E> parseName(QStringView text)
{
    return nameTable<E>().parse(text);
}

// Every value, in the documented order.
template <typename E>
const QList<E>& allOf()
{
    return nameTable<E>().values();
}

template <typename E>
const QStringList& namesOf()
{
    return nameTable<E>().names();
}

// The names of some values, in their order.
template <typename E>
QStringList namesOf(const QList<E>& values)
{
    QStringList names;
    names.reserve(values.size());
    for (E value : values) {
        names.append(nameOf(value));
    }
    return names;
}

} // namespace Cw
