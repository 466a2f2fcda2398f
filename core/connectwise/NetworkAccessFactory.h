#pragma once

#include "core/connectwise/Connection.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace Cw {

// Makes the QNetworkAccessManager of each ApiClient. Proxy settings are per manager in Qt, so each client gets
// its own one with its connection's proxy applied, without touching process-wide state (no
// QNetworkProxy::setApplicationProxy, no QNetworkProxyFactory::setUseSystemConfiguration). System mode installs
// a per-manager factory that asks the OS (and http(s)_proxy / no_proxy) per URL.
//
// A dependency, not a global: main() makes one and passes it down (to ConnectorSession, which hands it to every
// client it builds); a test can pass a subclass that records or changes the managers it makes. create() is called
// in the thread that will use the manager (clients living in a worker thread make theirs there): an override must
// be thread-safe.
class NetworkAccessFactory
{
public:
    NetworkAccessFactory() = default;
    virtual ~NetworkAccessFactory();
    NetworkAccessFactory(const NetworkAccessFactory&) = delete;
    NetworkAccessFactory& operator=(const NetworkAccessFactory&) = delete;

    // A new manager in the calling thread, owned by parent, with the proxy applied.
    virtual QNetworkAccessManager* create(const ProxySettings& proxy, QObject* parent) const;

    // Applies the proxy to a manager that belongs to one connection only.
    static void applyProxy(QNetworkAccessManager* manager, const ProxySettings& proxy);
    // The QNetworkProxy of a manual proxy (with its login, which Qt sends when the proxy answers 407); the systems
    // check's sockets use it too.
    static QNetworkProxy manualProxy(const ProxySettings& proxy);
    // The key applyProxy() stored on the manager, or empty if it never configured it.
    static QString appliedProxyKey(const QNetworkAccessManager* manager);
};

} // namespace Cw
