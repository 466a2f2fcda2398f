#include "core/config/RemoteResolver.h"

namespace Cw {

void MapResolver::add(const QString& kind, const QString& name, const QString& id)
{
    m_byKind[kind].insert(name, id);
}

std::optional<QString> MapResolver::resolveId(const QString& kind, const QString& name)
{
    const auto list = m_byKind.constFind(kind);
    if (list == m_byKind.constEnd()) {
        return std::nullopt;
    }
    const auto exact = list->constFind(name);
    if (exact != list->constEnd()) {
        return exact.value();
    }
    std::optional<QString> found;
    for (auto it = list->constBegin(); it != list->constEnd(); ++it) {
        if (it.key().trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            if (found) {
                return std::nullopt; // ambiguous: never guess
            }
            found = it.value();
        }
    }
    return found;
}

} // namespace Cw
