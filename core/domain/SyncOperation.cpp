#include "core/domain/SyncOperation.h"

namespace Cw {

template <>
const NameTable<Direction>& nameTable<Direction>()
{
    static const NameTable<Direction> table {
        {Direction::Pull, "pull"},
        {Direction::Push, "push"},
        {Direction::Both, "both"},
    };
    return table;
}

template <>
const NameTable<Operation>& nameTable<Operation>()
{
    static const NameTable<Operation> table {
        {Operation::PullCreate, "pull_create"},
        {Operation::PullUpdate, "pull_update"},
        {Operation::PushCreate, "push_create"},
        {Operation::PushUpdate, "push_update"},
    };
    return table;
}

Direction directionOf(Operation operation)
{
    return operation == Operation::PushCreate || operation == Operation::PushUpdate ? Direction::Push : Direction::Pull;
}

Operation createIn(Direction direction)
{
    return direction == Direction::Push ? Operation::PushCreate : Operation::PullCreate;
}

Operation updateIn(Direction direction)
{
    return direction == Direction::Push ? Operation::PushUpdate : Operation::PullUpdate;
}

} // namespace Cw
