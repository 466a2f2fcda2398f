#include "core/config/ConnectorConfig.h"

namespace Cw {

QString UserMapping::matchByName(MatchBy matchBy)
{
    switch (matchBy) {
    case MatchBy::Email:
        return QStringLiteral("email");
    case MatchBy::Name:
        return QStringLiteral("name");
    case MatchBy::Identifier:
        return QStringLiteral("identifier");
    case MatchBy::Manual:
        break;
    }
    return QStringLiteral("manual");
}

bool UserMapping::matchByFromName(const QString& name, MatchBy* out)
{
    for (const MatchBy candidate : {MatchBy::Email, MatchBy::Name, MatchBy::Identifier, MatchBy::Manual}) {
        if (matchByName(candidate) == name) {
            *out = candidate;
            return true;
        }
    }
    return false;
}

} // namespace Cw
