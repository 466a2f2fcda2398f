#include "core/connectwise/Region.h"

namespace Cw {

const QList<Region>& Region::all()
{
    static const QList<Region> regions = {
        {Deployment::Na, QStringLiteral("na.myconnectwise.net"), QStringLiteral("api-na.myconnectwise.net")},
        {Deployment::Eu, QStringLiteral("eu.myconnectwise.net"), QStringLiteral("api-eu.myconnectwise.net")},
        {Deployment::Au, QStringLiteral("au.myconnectwise.net"), QStringLiteral("api-au.myconnectwise.net")},
        {Deployment::Aus, QStringLiteral("aus.myconnectwise.net"), QStringLiteral("api-aus.myconnectwise.net")},
        {Deployment::Za, QStringLiteral("za.myconnectwise.net"), QStringLiteral("api-za.myconnectwise.net")},
        {Deployment::Staging, QStringLiteral("staging.connectwisedev.com"),
         QStringLiteral("api-staging.connectwisedev.com")},
    };
    return regions;
}

QString Region::displayName() const
{
    switch (deployment) {
    case Deployment::Na:
        return tr("North America");
    case Deployment::Eu:
        return tr("Europe");
    case Deployment::Au:
        return tr("Australia (au)");
    case Deployment::Aus:
        return tr("Australia (aus)");
    case Deployment::Za:
        return tr("South Africa");
    case Deployment::Staging:
        return tr("Staging (developer)");
    case Deployment::OnPremise:
    case Deployment::Demo:
        break;
    }
    return code();
}

std::optional<Region> Region::of(Deployment deployment)
{
    for (const Region& region : all()) {
        if (region.deployment == deployment) {
            return region;
        }
    }
    return std::nullopt;
}

std::optional<Region> Region::byCode(const QString& code)
{
    for (const Region& region : all()) {
        if (region.code().compare(code, Qt::CaseInsensitive) == 0) {
            return region;
        }
    }
    return std::nullopt;
}

std::optional<Region> Region::byHost(const QString& host)
{
    for (const Region& region : all()) {
        if (region.loginHost.compare(host, Qt::CaseInsensitive) == 0 ||
            region.apiHost.compare(host, Qt::CaseInsensitive) == 0) {
            return region;
        }
    }
    return std::nullopt;
}

} // namespace Cw
