#pragma once

#include "core/domain/Entity.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Cw {

// The local system's entities and their columns, as PRODUCT.md documents them for CSV import and
// for other programs writing SQL. One table of facts; CSV parsing, validation and storage read it.
struct LocalColumn
{
    enum class Type {
        Text,
        Decimal, // "1234.50"; no thousands separators
        Date, // ISO 8601 date "2026-11-25"
        Choice, // one of `choices`
    };

    QString name;
    Type type = Type::Text;
    bool required = false;
    int maxLength = 0; // 0: no limit
    QStringList choices;
    QString valueList; // the value list this column feeds: a lookup name (account_type, ...) or payment_method
    // Written by the pull only (invoices.balance): not a CSV column, and an import keeps the stored value.
    bool pulledOnly = false;

    // "100.50" -> "100.5", "12.000" -> "12": one spelling per amount, so that re-imports compare equal.
    static QString canonicalDecimal(const QString& text);
    // A value of this column as Qt Sql reads it: null -> invalid QVariant, a date -> QDate, a decimal -> its
    // canonical text (SQLite may hand back a double, PostgreSQL a padded NUMERIC string), anything else -> text.
    QVariant fromSql(const QVariant& value) const;
    // The same as text: a date stays the ISO text stored (what a push sends); null -> a null QString.
    QString textFromSql(const QVariant& value) const;
};

struct LocalEntity
{
    Entity entity;
    QString table;
    QList<LocalColumn> columns; // "id" first
    QString parentColumn; // a reference to another entity (invoices.account_id -> accounts), if any
    std::optional<Entity> parentEntity;

    QString name() const; // accounts, products, invoices, invoice_lines, orders, order_lines, payments, users
    const LocalColumn* column(const QString& name) const;
    QStringList columnNames() const;
    // The columns a CSV file (and an import) may set: all but the pulled-only ones.
    QStringList csvColumnNames() const;
};

class LocalSchema final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::LocalSchema)

public:
    // In the order of Entity's name table; one per Entity.
    static const QList<LocalEntity>& entities();
    static const LocalEntity& entity(Entity entity);
    // By its name (CSV import, the command line); nullopt when no entity has that name.
    static std::optional<LocalEntity> entity(const QString& name);
    static QStringList entityNames();
    // The value lists fed by imported columns: the lookups' (account_type, currency, ..., country) and the payment
    // methods (payment_method), which the server variables credit_card_method_id / bank_deposit_method_id pick from.
    static QStringList valueListNames();
    static QString paymentMethodList() { return QStringLiteral("payment_method"); }
};

} // namespace Cw
