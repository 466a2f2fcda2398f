#include "core/connectwise/Region.h"

namespace Cw {

const QList<Region>& Region::all()
{
    static const QList<Region> regions = {
        {QStringLiteral("na"), QStringLiteral("na.myconnectwise.net"), QStringLiteral("api-na.myconnectwise.net")},
        {QStringLiteral("eu"), QStringLiteral("eu.myconnectwise.net"), QStringLiteral("api-eu.myconnectwise.net")},
        {QStringLiteral("au"), QStringLiteral("au.myconnectwise.net"), QStringLiteral("api-au.myconnectwise.net")},
        {QStringLiteral("aus"), QStringLiteral("aus.myconnectwise.net"), QStringLiteral("api-aus.myconnectwise.net")},
        {QStringLiteral("za"), QStringLiteral("za.myconnectwise.net"), QStringLiteral("api-za.myconnectwise.net")},
        {QStringLiteral("staging"), QStringLiteral("staging.connectwisedev.com"),
         QStringLiteral("api-staging.connectwisedev.com")},
    };
    return regions;
}

QString Region::displayName() const
{
    if (code == QLatin1String("na")) {
        return tr("North America");
    }
    if (code == QLatin1String("eu")) {
        return tr("Europe");
    }
    if (code == QLatin1String("au")) {
        return tr("Australia (au)");
    }
    if (code == QLatin1String("aus")) {
        return tr("Australia (aus)");
    }
    if (code == QLatin1String("za")) {
        return tr("South Africa");
    }
    if (code == QLatin1String("staging")) {
        return tr("Staging (developer)");
    }
    return code;
}

std::optional<Region> Region::byCode(const QString& code)
{
    for (const Region& region : all()) {
        if (region.code.compare(code, Qt::CaseInsensitive) == 0) {
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
