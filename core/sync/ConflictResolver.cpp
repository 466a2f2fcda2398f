#include "core/sync/ConflictResolver.h"

#include "core/sync/SyncSnapshot.h"

namespace Cw {

namespace {

void put(QVariantHash* values, const QString& column, const QVariant& value)
{
    if (value.isValid() && !value.toString().isEmpty()) {
        values->insert(column, value);
    } else {
        values->remove(column);
    }
}

} // namespace

ConflictResolver::ConflictResolver(const SyncDescriptor& descriptor, const SyncInputs& inputs)
    : m_descriptor(descriptor), m_entity(LocalSchema::entity(descriptor.entity)), m_inputs(inputs)
{ }

bool ConflictResolver::pushes(const QVariantHash& base, const QString& column, const QVariant& value) const
{
    LocalRecord before {base.value(QStringLiteral("id")).toString(), base};
    LocalRecord after = before;
    put(&after.values, column, value);
    const QJsonObject a = m_descriptor.toRemote(before, m_inputs).body;
    const QJsonObject b = m_descriptor.toRemote(after, m_inputs).body;
    for (const QString& field : m_descriptor.updatableFields) {
        if (a.value(field) != b.value(field)) {
            return true;
        }
    }
    return false;
}

ConflictMerge ConflictResolver::merge(const ConflictInput& in) const
{
    ConflictMerge out;
    out.local = in.local;
    out.push = in.local;
    out.base = in.base;
    out.remoteChanged = in.remoteChanged;
    const KeepSide side = in.keep != KeepSide::None ? in.keep
        : in.policy == ConflictPolicy::Local        ? KeepSide::Local
        : in.policy == ConflictPolicy::ConnectWise  ? KeepSide::ConnectWise
                                                    : KeepSide::None;
    for (const auto& [column, remoteValue] : in.remote) {
        const LocalColumn* c = m_entity.column(column);
        if (!c) {
            continue;
        }
        const QString base = SyncSnapshot::canonical(*c, in.base.value(column));
        const QString local = SyncSnapshot::canonical(*c, in.local.value(column));
        const QString remote = SyncSnapshot::canonical(*c, remoteValue);
        if (in.remoteChanged) {
            put(&out.base, column, remoteValue); // what ConnectWise has, once settled
        }
        const bool localChanged = local != base;
        const bool remoteChanged = in.remoteChanged && remote != base;
        if (!remoteChanged || local == remote) {
            continue; // unchanged, local only (pushed) or the same change on both sides
        }
        if (!localChanged || !pushes(in.base, column, in.local.value(column))) {
            put(&out.local, column, remoteValue); // ConnectWise only, or a field the push never sends
            continue;
        }
        if (side == KeepSide::Local) {
            continue; // pushed
        }
        put(&out.push, column, in.base.value(column)); // not pushed
        if (side == KeepSide::ConnectWise) {
            put(&out.local, column, remoteValue);
            out.remoteWins = true;
        } else {
            out.conflicts.append({column, local, remote});
        }
    }
    return out;
}

} // namespace Cw
