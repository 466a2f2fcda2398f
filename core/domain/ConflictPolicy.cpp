#include "core/domain/ConflictPolicy.h"

namespace Cw {

template <>
const NameTable<ConflictPolicy>& nameTable<ConflictPolicy>()
{
    static const NameTable<ConflictPolicy> table {
        {ConflictPolicy::Report, "report"},
        {ConflictPolicy::ConnectWise, "connectwise"},
        {ConflictPolicy::Local, "local"},
    };
    return table;
}

template <>
const NameTable<KeepSide>& nameTable<KeepSide>()
{
    static const NameTable<KeepSide> table {
        {KeepSide::None, "none"},
        {KeepSide::Local, "local"},
        {KeepSide::ConnectWise, "connectwise"},
    };
    return table;
}

} // namespace Cw
