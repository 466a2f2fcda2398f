#pragma once

#include "core/connectwise/Connection.h"

#include <QNetworkAccessManager>

namespace Cw {

// Proxy settings are per QNetworkAccessManager in Qt, so each connection gets its own manager: this
// factory makes one with the connection's proxy applied, without touching process-wide state
// (no QNetworkProxy::setApplicationProxy, no QNetworkProxyFactory::setUseSystemConfiguration).
// System mode installs a per-manager factory that asks the OS (and http(s)_proxy / no_proxy) per URL.
class NetworkAccessFactory final
{
public:
    static QNetworkAccessManager* create(const ProxySettings& proxy, QObject* parent);
    // Applies the proxy to a manager that belongs to one connection only.
    static void applyProxy(QNetworkAccessManager* manager, const ProxySettings& proxy);
    // The key applyProxy() stored on the manager, or empty if it never configured it.
    static QString appliedProxyKey(const QNetworkAccessManager* manager);
};

} // namespace Cw
