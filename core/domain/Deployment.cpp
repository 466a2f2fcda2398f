#include "core/domain/Deployment.h"

namespace Cw {

template <>
const NameTable<Deployment>& nameTable<Deployment>()
{
    static const NameTable<Deployment> table {
        {Deployment::Na, "na"},           {Deployment::Eu, "eu"},     {Deployment::Au, "au"},
        {Deployment::Aus, "aus"},         {Deployment::Za, "za"},     {Deployment::OnPremise, "onpremise"},
        {Deployment::Staging, "staging"}, {Deployment::Demo, "demo"},
    };
    return table;
}

namespace Deployments {

QList<Deployment> cloudRegions()
{
    QList<Deployment> regions;
    for (Deployment d : allOf<Deployment>()) {
        if (isCloudRegion(d)) {
            regions.append(d);
        }
    }
    return regions;
}

bool isCloudRegion(Deployment deployment)
{
    switch (deployment) {
    case Deployment::Na:
    case Deployment::Eu:
    case Deployment::Au:
    case Deployment::Aus:
    case Deployment::Za:
        return true;
    case Deployment::OnPremise:
    case Deployment::Staging:
    case Deployment::Demo:
        break;
    }
    return false;
}

bool hasRegionHosts(Deployment deployment)
{
    return isCloudRegion(deployment) || deployment == Deployment::Staging;
}

bool needsSite(Deployment deployment)
{
    return deployment == Deployment::OnPremise || deployment == Deployment::Demo;
}

} // namespace Deployments

} // namespace Cw
