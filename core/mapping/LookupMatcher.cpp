#include "core/mapping/LookupMatcher.h"

#include "core/mapping/TextFold.h"

namespace Cw {

LookupMatcher::LookupMatcher(QList<RemoteValue> remote, int threshold) : m_threshold(threshold)
{
    for (const RemoteValue& v : remote) {
        if (!v.inactive) {
            m_remote.append(v);
        }
    }
}

LookupSuggestion LookupMatcher::suggest(const QString& localValue) const
{
    LookupSuggestion s;
    s.localValue = localValue;
    int best = 0;
    int bestCount = 0;
    const RemoteValue* bestValue = nullptr;
    for (const RemoteValue& v : m_remote) {
        const int score = TextFold::similarity(localValue, v.name);
        if (score > best) {
            best = score;
            bestCount = 1;
            bestValue = &v;
        } else if (score == best && score > 0 && v.id != bestValue->id) {
            ++bestCount; // another value (a value may come twice: by its name and by its code)
        }
    }
    if (!bestValue || best < m_threshold) {
        return s;
    }
    if (bestCount > 1) {
        s.ambiguous = true;
        s.confidence = best;
        return s;
    }
    s.remoteId = bestValue->id;
    s.remoteName = bestValue->name;
    s.confidence = best;
    return s;
}

QList<LookupSuggestion> LookupMatcher::suggestAll(const QStringList& localValues) const
{
    QList<LookupSuggestion> out;
    out.reserve(localValues.size());
    for (const QString& v : localValues) {
        out.append(suggest(v));
    }
    return out;
}

} // namespace Cw
