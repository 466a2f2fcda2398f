#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

namespace Sim {

// Reads one value out of a compact JSON object's bytes without building a QJsonObject: conditions,
// orderBy and lookups over 100,000 cached records stay fast and need no parsed copies in memory.
namespace JsonScan {

// The value at a path of keys ("status","name") inside the top-level object, or Undefined.
QJsonValue valueAt(const QByteArray& json, const QStringList& path);

// The object with only the given top-level keys, copied byte for byte in the record's own order (a
// `fields=` list without nested paths). Empty on malformed input.
QByteArray projectTopLevel(const QByteArray& json, const QList<QByteArray>& keys);

// Where the value at a path starts in a JSON text: member names, and "[i]" for the i-th element of an array.
// Best effort, for error messages: when the path cannot be followed to its end, where the deepest part found
// starts; 0 for an empty path or malformed input.
qsizetype offsetOf(const QByteArray& json, const QStringList& path);

} // namespace JsonScan

} // namespace Sim
