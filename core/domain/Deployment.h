#pragma once

#include "core/domain/NameTable.h"

#include <QMetaType>

namespace Cw {

// Where a connector's ConnectWise runs (PRODUCT.md, wizard step 5). Names: the cloud regions na eu au aus za, then
// onpremise staging demo (Instance::deployment holds the name; the wizard and the CLI offer these).
enum class Deployment { Na, Eu, Au, Aus, Za, OnPremise, Staging, Demo };

template <>
const NameTable<Deployment>& nameTable<Deployment>();

namespace Deployments {
// na eu au aus za: ConnectWise Cloud.
QList<Deployment> cloudRegions();
bool isCloudRegion(Deployment deployment);
// A cloud region or staging: the hosts come from the region table (core/connectwise/Region).
bool hasRegionHosts(Deployment deployment);
// On-premise and demo: the admin (or the running simulator) gives the site's address.
bool needsSite(Deployment deployment);
} // namespace Deployments

} // namespace Cw

Q_DECLARE_METATYPE(Cw::Deployment)
