#include "core/config/InstanceConnection.h"

namespace Cw {

std::optional<Site> InstanceConnection::siteFor(const Instance& instance, QString* error)
{
    QString text = instance.site;
    const std::optional<Deployment> deployment = instance.deploymentKind();
    if (deployment && Deployments::hasRegionHosts(*deployment)) {
        const auto region = Region::of(*deployment);
        if (!region) {
            *error = tr("Deployment: “%1” is not a known ConnectWise region.").arg(instance.deployment);
            return std::nullopt;
        }
        if (text.isEmpty()) {
            text = region->apiHost;
        }
    }
    const SiteParseResult parsed = Site::parse(text, tr("Site"));
    if (!parsed.ok()) {
        *error = parsed.message + QLatin1Char(' ') + parsed.fix;
        return std::nullopt;
    }
    return parsed.site;
}

bool InstanceConnection::applySite(Instance* instance, const QString& region, const QString& site, QString* error)
{
    if (!region.isEmpty() && !site.isEmpty()) {
        *error = tr("Give either a region or a site, not both.");
        return false;
    }
    if (!region.isEmpty()) {
        const auto known = Region::byCode(region.trimmed().toLower());
        if (!known) {
            QStringList codes;
            for (const Region& r : Region::all()) {
                codes.append(r.code());
            }
            *error = tr("Region: “%1” is not a ConnectWise region; use one of %2.")
                         .arg(region, codes.join(QLatin1String(", ")));
            return false;
        }
        instance->deployment = known->code();
        instance->site.clear();
        return true;
    }
    if (site.isEmpty()) {
        *error = tr("Site: give the ConnectWise region (--region) or the address of your site (--site).");
        return false;
    }
    const SiteParseResult parsed = Site::parse(site, tr("Site"));
    if (!parsed.ok()) {
        *error = parsed.message + QLatin1Char(' ') + parsed.fix;
        return false;
    }
    if (parsed.site->region()) {
        instance->deployment = parsed.site->region()->code();
        instance->site.clear();
    } else {
        instance->deployment = nameOf(Deployment::OnPremise);
        instance->site = parsed.site->toString();
    }
    instance->codebaseOverride = parsed.site->codebaseOverride();
    return true;
}

} // namespace Cw
