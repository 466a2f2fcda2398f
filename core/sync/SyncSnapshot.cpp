#include "core/sync/SyncSnapshot.h"

#include <QDate>

namespace Cw::SyncSnapshot {

namespace {

// Between two values. A value containing it (a control character, never meaningful in a business field) has
// it replaced by a space in the snapshot; at worst the next PATCH then carries that field once more.
constexpr QChar kSeparator(0x1f);

} // namespace

QString canonical(const LocalColumn& column, const QVariant& value)
{
    if (!value.isValid() || value.isNull()) {
        return {};
    }
    if (column.type == LocalColumn::Type::Date) {
        return value.typeId() == QMetaType::QDate ? value.toDate().toString(Qt::ISODate) : value.toString();
    }
    if (column.type == LocalColumn::Type::Decimal) {
        return LocalColumn::canonicalDecimal(value.toString());
    }
    return value.toString();
}

void appendCell(QByteArray* snapshot, const LocalColumn& column, const QByteArray& cell, bool first)
{
    if (!first) {
        *snapshot += char(kSeparator.unicode());
    }
    // A row's text is already canonical except for decimals ("12.50" is stored as given, compared as "12.5").
    const QByteArray value = column.type == LocalColumn::Type::Decimal && !cell.isEmpty()
        ? LocalColumn::canonicalDecimal(QString::fromUtf8(cell)).toUtf8()
        : cell;
    if (value.contains(char(kSeparator.unicode()))) {
        *snapshot += QByteArray(value).replace(char(kSeparator.unicode()), ' ');
    } else {
        *snapshot += value;
    }
}

QString of(const LocalEntity& entity, const QVariantHash& values)
{
    QStringList canonicalValues;
    for (const LocalColumn& c : entity.columns) {
        if (c.name != QLatin1String("id")) {
            canonicalValues.append(canonical(c, values.value(c.name)));
        }
    }
    return join(canonicalValues);
}

QString join(const QStringList& canonicalValues)
{
    QString out;
    out.reserve(256);
    for (qsizetype i = 0; i < canonicalValues.size(); ++i) {
        if (i > 0) {
            out += kSeparator;
        }
        const QString& text = canonicalValues.at(i);
        if (text.contains(kSeparator)) {
            out += QString(text).replace(kSeparator, QLatin1Char(' '));
        } else {
            out += text;
        }
    }
    return out;
}

LocalRecord restore(const LocalEntity& entity, const QString& localId, const QString& snapshot)
{
    LocalRecord record;
    record.id = localId;
    record.values.insert(QStringLiteral("id"), localId);
    const QStringList parts = snapshot.split(kSeparator);
    qsizetype i = 0;
    for (const LocalColumn& c : entity.columns) {
        if (c.name == QLatin1String("id")) {
            continue;
        }
        if (i < parts.size() && !parts.at(i).isEmpty()) {
            record.values.insert(c.name, parts.at(i));
        }
        ++i;
    }
    return record;
}

bool same(const LocalEntity& entity, const QVariantHash& a, const QVariantHash& b)
{
    for (const LocalColumn& c : entity.columns) {
        if (canonical(c, a.value(c.name)) != canonical(c, b.value(c.name))) {
            return false;
        }
    }
    return true;
}

} // namespace Cw::SyncSnapshot
