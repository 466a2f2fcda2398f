#pragma once

#include <QList>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QString>

namespace Cw {

// Where the network layers of the check (DNS, TCP, TLS) connect: the site the admin entered,
// with the connection's proxy and extra trusted CA certificates.
struct CheckTarget
{
    QString host;
    quint16 port = 443;
    bool tls = true;
    QList<QSslCertificate> extraCaCertificates; // from the connection's CA file
    QNetworkProxy proxy {QNetworkProxy::DefaultProxy}; // DefaultProxy: the system's; NoProxy; or a manual one

    bool usesManualProxy() const
    {
        return proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy;
    }
};

} // namespace Cw
