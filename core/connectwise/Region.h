#pragma once

#include "core/domain/Deployment.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Cw {

// One ConnectWise cloud region: the host people log in on and the host that serves its API.
// ConnectWise's companyinfo answer (SiteUrl) is preferred over this table; the table is used to
// recognise pasted hosts and to offer a region list.
struct Region
{
    Q_DECLARE_TR_FUNCTIONS(Cw::Region)

public:
    Deployment deployment = Deployment::Na; // a cloud region or staging
    QString loginHost; // "na.myconnectwise.net"
    QString apiHost; // "api-na.myconnectwise.net"

    QString code() const { return nameOf(deployment); } // "na", "eu", "au", "aus", "za", "staging"
    QString displayName() const; // translated, e.g. "North America"

    static const QList<Region>& all();
    static std::optional<Region> byCode(const QString& code); // case-insensitive
    static std::optional<Region> of(Deployment deployment); // nullopt for on-premise and demo
    // Matches the login host or the API host (case-insensitive).
    static std::optional<Region> byHost(const QString& host);
};

} // namespace Cw
