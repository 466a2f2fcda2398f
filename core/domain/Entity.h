#pragma once

#include "core/domain/NameTable.h"

#include <QHashFunctions>
#include <QMetaType>

namespace Cw {

// The local system's entities (PRODUCT.md "Concepts"). Names: accounts products invoices invoice_lines orders
// order_lines payments users. Adding one: a value here, its entry in Entity.cpp's table, its local table in
// LocalSchema, and (when it syncs) its SyncDescriptor and its cells in SyncMatrix. The lines of invoices and orders
// have no cells of their own: they travel with their invoice or order.
enum class Entity { Accounts, Products, Invoices, InvoiceLines, Orders, OrderLines, Payments, Users };

template <>
const NameTable<Entity>& nameTable<Entity>();

inline size_t qHash(Entity entity, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(entity), seed);
}

} // namespace Cw

Q_DECLARE_METATYPE(Cw::Entity)
