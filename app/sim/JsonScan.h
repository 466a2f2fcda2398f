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

} // namespace JsonScan

} // namespace Sim
