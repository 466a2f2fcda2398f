#pragma once

#include "core/domain/NameTable.h"

namespace Cw {

// What a sync does with a field changed on both sides since the record's last sync (a conflict). Per connector,
// with the sync options. Names: report connectwise local.
enum class ConflictPolicy {
    Report, // neither side is written; the record is reported with both values until the admin picks
    ConnectWise, // ConnectWise's value is written locally
    Local, // the local value is pushed
};

// The side an admin keeps for one record's conflict (remembered on its link until a sync applies it).
// Names: none local connectwise.
enum class KeepSide { None, Local, ConnectWise };

template <>
const NameTable<ConflictPolicy>& nameTable<ConflictPolicy>();
template <>
const NameTable<KeepSide>& nameTable<KeepSide>();

} // namespace Cw
