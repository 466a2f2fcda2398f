#include "core/localdata/LocalSchema.h"

#include <QDate>

namespace Cw {

namespace {

LocalColumn text(const QString& name, bool required = false, int maxLength = 0, const QString& valueList = QString())
{
    return LocalColumn {name, LocalColumn::Type::Text, required, maxLength, {}, valueList, false};
}

LocalColumn decimal(const QString& name, bool required = false)
{
    return LocalColumn {name, LocalColumn::Type::Decimal, required, 0, {}, {}, false};
}

LocalColumn date(const QString& name, bool required = false)
{
    return LocalColumn {name, LocalColumn::Type::Date, required, 0, {}, {}, false};
}

LocalColumn pulled(LocalColumn column)
{
    column.pulledOnly = true;
    return column;
}

// The lines of an invoice or an order: parentColumn is invoice_id / order_id; product_id is a local product.
LocalEntity lines(Entity entity, const QString& parentColumn, Entity parent)
{
    return LocalEntity {entity,
                        nameOf(entity),
                        {text(QStringLiteral("id"), true, 64), text(parentColumn, true, 64),
                         text(QStringLiteral("product_id"), true, 64), text(QStringLiteral("description"), false, 2000),
                         decimal(QStringLiteral("quantity"), true), decimal(QStringLiteral("price"))},
                        parentColumn,
                        parent};
}

QList<LocalEntity> buildEntities()
{
    const auto id = text(QStringLiteral("id"), true, 64);
    return {
        LocalEntity {Entity::Accounts,
                     QStringLiteral("accounts"),
                     {id, text(QStringLiteral("name"), true, 200),
                      text(QStringLiteral("account_type"), false, 100, QStringLiteral("account_type")),
                      text(QStringLiteral("currency"), false, 10, QStringLiteral("currency")),
                      text(QStringLiteral("phone"), false, 50), text(QStringLiteral("website"), false, 255),
                      text(QStringLiteral("address_line1"), false, 255), text(QStringLiteral("city"), false, 100),
                      text(QStringLiteral("state"), false, 100), text(QStringLiteral("zip"), false, 20),
                      text(QStringLiteral("country"), false, 100, QStringLiteral("country"))},
                     {},
                     std::nullopt},
        LocalEntity {Entity::Products,
                     QStringLiteral("products"),
                     {id, text(QStringLiteral("name"), true, 200), text(QStringLiteral("description"), false, 2000),
                      text(QStringLiteral("product_type"), false, 100, QStringLiteral("product_type")),
                      text(QStringLiteral("unit_type"), false, 100, QStringLiteral("unit_type")),
                      decimal(QStringLiteral("price")), decimal(QStringLiteral("cost"))},
                     {},
                     std::nullopt},
        LocalEntity {Entity::Invoices,
                     QStringLiteral("invoices"),
                     {id, text(QStringLiteral("number"), true, 50), text(QStringLiteral("account_id"), true, 64),
                      text(QStringLiteral("invoice_stage"), false, 100, QStringLiteral("invoice_stage")),
                      text(QStringLiteral("invoice_type"), false, 100, QStringLiteral("invoice_type")),
                      text(QStringLiteral("currency"), false, 10, QStringLiteral("currency")),
                      date(QStringLiteral("date"), true), date(QStringLiteral("due_date")),
                      decimal(QStringLiteral("total"), true), pulled(decimal(QStringLiteral("balance")))},
                     QStringLiteral("account_id"),
                     Entity::Accounts},
        lines(Entity::InvoiceLines, QStringLiteral("invoice_id"), Entity::Invoices),
        LocalEntity {Entity::Orders,
                     QStringLiteral("orders"),
                     {id, text(QStringLiteral("account_id"), true, 64),
                      text(QStringLiteral("order_stage"), false, 100, QStringLiteral("order_stage")),
                      text(QStringLiteral("currency"), false, 10, QStringLiteral("currency")),
                      date(QStringLiteral("date"), true), decimal(QStringLiteral("total")),
                      text(QStringLiteral("description"), false, 2000),
                      // The local user who owns the order: its mapped member is the order's sales rep.
                      text(QStringLiteral("user_id"), false, 64)},
                     QStringLiteral("account_id"),
                     Entity::Accounts},
        lines(Entity::OrderLines, QStringLiteral("order_id"), Entity::Orders),
        LocalEntity {Entity::Payments,
                     QStringLiteral("payments"),
                     {id, text(QStringLiteral("invoice_id"), true, 64),
                      // The local system's own payment-method id (server variables pick from these values).
                      text(QStringLiteral("method"), true, 64, LocalSchema::paymentMethodList()),
                      decimal(QStringLiteral("amount"), true), date(QStringLiteral("date"), true)},
                     QStringLiteral("invoice_id"),
                     Entity::Invoices},
        LocalEntity {Entity::Users,
                     QStringLiteral("users"),
                     {id, text(QStringLiteral("name"), true, 200), text(QStringLiteral("email"), false, 250)},
                     {},
                     std::nullopt},
    };
}

} // namespace

QVariant LocalColumn::fromSql(const QVariant& value) const
{
    if (value.isNull()) {
        return QVariant();
    }
    if (type == Type::Date) {
        return QDate::fromString(value.toString(), Qt::ISODate);
    }
    return textFromSql(value);
}

QString LocalColumn::textFromSql(const QVariant& value) const
{
    if (value.isNull()) {
        return QString();
    }
    if (type == Type::Decimal) {
        const QString text =
            value.typeId() == QMetaType::Double ? QString::number(value.toDouble(), 'f', 6) : value.toString();
        return canonicalDecimal(text);
    }
    return value.toString();
}

QString LocalColumn::canonicalDecimal(const QString& text)
{
    QString out = text.trimmed();
    if (out.contains(QLatin1Char('.'))) {
        while (out.endsWith(QLatin1Char('0'))) {
            out.chop(1);
        }
        if (out.endsWith(QLatin1Char('.'))) {
            out.chop(1);
        }
    }
    if (out == QLatin1String("-0")) {
        out = QStringLiteral("0");
    }
    return out;
}

const LocalColumn* LocalEntity::column(const QString& name) const
{
    for (const LocalColumn& c : columns) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

QString LocalEntity::name() const
{
    return nameOf(entity);
}

QStringList LocalEntity::columnNames() const
{
    QStringList names;
    for (const LocalColumn& c : columns) {
        names.append(c.name);
    }
    return names;
}

QStringList LocalEntity::csvColumnNames() const
{
    QStringList names;
    for (const LocalColumn& c : columns) {
        if (!c.pulledOnly) {
            names.append(c.name);
        }
    }
    return names;
}

const QList<LocalEntity>& LocalSchema::entities()
{
    static const QList<LocalEntity> all = buildEntities();
    return all;
}

const LocalEntity& LocalSchema::entity(Entity entity)
{
    for (const LocalEntity& e : entities()) {
        if (e.entity == entity) {
            return e;
        }
    }
    Q_UNREACHABLE(); // every Entity has its table
    return entities().first();
}

std::optional<LocalEntity> LocalSchema::entity(const QString& name)
{
    const auto parsed = parseName<Entity>(name);
    if (!parsed) {
        return std::nullopt;
    }
    return entity(*parsed);
}

QStringList LocalSchema::entityNames()
{
    return namesOf<Entity>();
}

QStringList LocalSchema::valueListNames()
{
    return {QStringLiteral("account_type"), QStringLiteral("currency"),     QStringLiteral("invoice_stage"),
            QStringLiteral("invoice_type"), QStringLiteral("product_type"), QStringLiteral("unit_type"),
            QStringLiteral("order_stage"),  QStringLiteral("country"),      paymentMethodList()};
}

} // namespace Cw
