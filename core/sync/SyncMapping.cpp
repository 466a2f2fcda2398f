#include "core/sync/SyncMapping.h"

#include "core/localdata/LocalSchema.h"

#include <QDateTime>

namespace Cw::SyncMapping {

QJsonValue reference(const QString& id)
{
    bool ok = false;
    const qint64 number = id.toLongLong(&ok);
    QJsonObject object;
    object.insert(QStringLiteral("id"), ok ? QJsonValue(number) : QJsonValue(id));
    return object;
}

QString referenceId(const QJsonValue& value)
{
    const QJsonValue id = value.toObject().value(QStringLiteral("id"));
    if (id.isDouble()) {
        return QString::number(id.toInteger());
    }
    return id.toString();
}

QString referenceId(const JsonView& value)
{
    const JsonView id = value.toObject().value(QLatin1String("id"));
    if (id.isDouble()) {
        return QString::number(id.toInteger());
    }
    return id.toString();
}

QString text(const QVariant& value)
{
    return value.isValid() ? value.toString().trimmed() : QString();
}

QJsonValue money(const QVariant& value)
{
    bool ok = false;
    const double number = text(value).toDouble(&ok);
    return ok ? QJsonValue(number) : QJsonValue(QJsonValue::Undefined);
}

QString moneyText(const QJsonValue& value)
{
    if (!value.isDouble()) {
        return {};
    }
    return LocalColumn::canonicalDecimal(QString::number(value.toDouble(), 'f', 4));
}

QString moneyText(const JsonView& value)
{
    if (!value.isDouble()) {
        return {};
    }
    return LocalColumn::canonicalDecimal(QString::number(value.toDouble(), 'f', 4));
}

QJsonValue date(const QVariant& value)
{
    const QDate d = value.typeId() == QMetaType::QDate ? value.toDate() : QDate::fromString(text(value), Qt::ISODate);
    if (!d.isValid()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    const QString text = d.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
    return text;
}

QVariant dateValue(const QJsonValue& value)
{
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t.isValid() ? QVariant(t.toUTC().date()) : QVariant();
}

void put(QJsonObject* object, const QString& field, const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        return;
    }
    object->insert(field, value);
}

} // namespace Cw::SyncMapping
