#pragma once

#include "core/connectwise/JsonView.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

namespace Cw::SyncMapping {

// {"id": n} from a stored id ("7"); an id that is not a number is kept as text.
QJsonValue reference(const QString& id);
// The id of a reference object as text ("" when absent).
QString referenceId(const QJsonValue& value);
QString referenceId(const JsonView& value);
// A local text value, or undefined (not sent) when empty.
QString text(const QVariant& value);
// A decimal text ("12.5") as a JSON number.
QJsonValue money(const QVariant& value);
// A ConnectWise number back to a canonical local decimal text.
QString moneyText(const QJsonValue& value);
QString moneyText(const JsonView& value);
// A local date as ConnectWise's UTC midnight "2026-01-31T00:00:00Z"; undefined when empty.
QJsonValue date(const QVariant& value);
// ConnectWise's "2026-01-31T00:00:00Z" back to a QDate.
QVariant dateValue(const QJsonValue& value);
// Inserts value unless it is undefined or an empty string.
void put(QJsonObject* object, const QString& field, const QJsonValue& value);

} // namespace Cw::SyncMapping
