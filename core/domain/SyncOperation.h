#pragma once

#include "core/domain/NameTable.h"

#include <QHashFunctions>
#include <QMetaType>

namespace Cw {

// Which way records travel. Names: pull push both; "both" is only a run's (a record goes one way).
enum class Direction { Pull, Push, Both };

// The cells of the sync matrix per entity. Names: pull_create pull_update push_create push_update.
enum class Operation { PullCreate, PullUpdate, PushCreate, PushUpdate };

template <>
const NameTable<Direction>& nameTable<Direction>();
template <>
const NameTable<Operation>& nameTable<Operation>();

inline size_t qHash(Direction direction, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(direction), seed);
}
inline size_t qHash(Operation operation, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(operation), seed);
}

// The direction of an operation (pull or push), and the create and update operations of a direction.
Direction directionOf(Operation operation);
Operation createIn(Direction direction); // Push -> PushCreate; Pull (or Both) -> PullCreate
Operation updateIn(Direction direction);

} // namespace Cw

Q_DECLARE_METATYPE(Cw::Direction)
