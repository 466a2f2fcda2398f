#pragma once

#include "core/localdata/CsvEntityParser.h"
#include "core/localdata/LocalSchema.h"

#include <QString>
#include <QVariantHash>

#include <vector>

namespace Cw {

// A local record's values in one canonical string (columns in schema order, id excluded). A pull stores the
// snapshot of what it wrote in the record's link: that is what ConnectWise has. The next push compares the
// record with it (equal: nothing to send, no request) and, when the record changed, rebuilds the body
// ConnectWise has from it, so the PATCH carries only the fields changed locally since the pull.
namespace SyncSnapshot {

// The value as text the way it is stored and compared: ISO dates, canonical decimals, '' for none.
QString canonical(const LocalColumn& column, const QVariant& value);
// The same for a value as a row holds it (UTF-8 text, empty for none), added to a snapshot being built value by
// value in UTF-8 (first: it is the first value). The result equals of(...).toUtf8().
void appendCell(QByteArray* snapshot, const LocalColumn& column, const QByteArray& cell, bool first);
QString of(const LocalEntity& entity, const QVariantHash& values);
// The snapshot of canonical values given in schema order (id excluded).
QString join(const QStringList& canonicalValues);
LocalRecord restore(const LocalEntity& entity, const QString& localId, const QString& snapshot);
// True when every column has the same canonical value.
bool same(const LocalEntity& entity, const QVariantHash& a, const QVariantHash& b);

} // namespace SyncSnapshot

} // namespace Cw
