#pragma once

#include "app/sim/FaultSettings.h"

#include <QString>

namespace Sim {

// Everything that defines a simulator run. Defaults give a working cloud-like tenant for --demo and tests.
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

    // API credentials (from CWSIM_PUBLIC_KEY / CWSIM_PRIVATE_KEY, never from argv).
    QString publicKey = QStringLiteral("demopublickey0001");
    QString privateKey = QStringLiteral("demoprivatekey0001");
    QString clientId; // empty: any non-empty clientId header is accepted

    int records = 60; // companies; catalog items, invoices and orders scale with it
    quint64 seed = 1;
    int moveCodebaseAfter = 0; // 0 = never; else the tenant upgrades after this many authenticated requests

    QString tlsCertFile; // HTTPS when set
    QString tlsKeyFile;
    QString tlsChainFile;
    bool tls = false; // set once the certificate is loaded; Link URLs use https then

    FaultSettings faults;
    QString requestLogFile; // "-" = stderr; empty = no log file (GET /_sim/requests still works)

    // "v2025_1/" -> "v2025_2/"; versionCode/versionNumber follow.
    static QString nextCodebase(const QString& codebase);
    void setCodebase(const QString& codebase);
};

} // namespace Sim
