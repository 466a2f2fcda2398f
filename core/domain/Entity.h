#pragma once

#include "core/domain/NameTable.h"

#include <QHashFunctions>
#include <QMetaType>

namespace Cw {

// The local system's entities (PRODUCT.md "Concepts"). Names: accounts products invoices orders payments users.
// Adding one: a value here, its entry in Entity.cpp's table, its local table in LocalSchema, and (when it syncs)
// its SyncDescriptor and its cells in SyncMatrix.
enum class Entity { Accounts, Products, Invoices, Orders, Payments, Users };

template <>
const NameTable<Entity>& nameTable<Entity>();

inline size_t qHash(Entity entity, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(entity), seed);
}

} // namespace Cw

Q_DECLARE_METATYPE(Cw::Entity)
