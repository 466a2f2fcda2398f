#pragma once

#include <QString>

namespace Sim {

// Who the simulated tenant is. Defaults give a working cloud-like company for --demo and tests.
struct SimConfig
{
    QString companyId = QStringLiteral("cwsim");
    QString companyName = QStringLiteral("Simulated MSP Ltd");
    QString codebase = QStringLiteral("v2025_1/");
    QString versionCode = QStringLiteral("v2025.1");
    QString versionNumber = QStringLiteral("v4.6.2025.1");
    bool isCloud = true;
    // The host the company lookup reports as SiteUrl; empty means "the host:port the request came in on".
    QString siteUrl;
};

} // namespace Sim
