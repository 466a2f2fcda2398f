#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QStringList>

namespace Sim {

// Reads one value out of a compact JSON object's bytes without building a QJsonObject: conditions,
// orderBy and lookups over 100,000 cached records stay fast and need no parsed copies in memory.
namespace JsonScan {

// The value at a path of keys ("status","name") inside the top-level object, or Undefined.
QJsonValue valueAt(const QByteArray& json, const QStringList& path);

// Where the value at a path starts in a JSON text: member names, and "[i]" for the i-th element of an array.
// Best effort, for error messages: when the path cannot be followed to its end, where the deepest part found
// starts; 0 for an empty path or malformed input.
qsizetype offsetOf(const QByteArray& json, const QStringList& path);

// The scanning steps, for readers that copy parts of a record (FieldProjection). Each moves p forward and never
// past end; false on malformed input.
void skipSpace(const char*& p, const char* end);
bool skipValue(const char*& p, const char* end); // p at a value: moves p past it
void skipComma(const char*& p, const char* end); // past the spaces and the one comma that may follow a value

// The members of one object, in the order they are written: `while (m.next()) { m.key(); m.valueStart(); ... }`.
class Members final
{
public:
    Members(const char* p, const char* end); // p at the object's '{'
    bool next(); // false at the closing '}' (ok()) or on malformed input (!ok())
    bool ok() const { return m_ok; }
    const char* position() const { return m_p; } // after the closing '}' once next() returned false

    QByteArrayView key() const { return {m_member + 1, m_keyEnd - m_member - 2}; } // as written, without quotes
    QByteArrayView keyText() const { return {m_member, m_keyEnd - m_member}; } // with its quotes
    QByteArrayView member() const { return {m_member, m_valueEnd - m_member}; } // "key":value
    const char* valueStart() const { return m_value; }
    const char* valueEnd() const { return m_valueEnd; }

private:
    const char* m_p;
    const char* m_end;
    const char* m_member = nullptr;
    const char* m_keyEnd = nullptr;
    const char* m_value = nullptr;
    const char* m_valueEnd = nullptr;
    bool m_ok = true;
    bool m_open = false;
};

} // namespace JsonScan

} // namespace Sim
