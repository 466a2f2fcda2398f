#include "core/connectwise/NetworkAccessFactory.h"

#include <QNetworkProxyFactory>
#include <QVariant>

namespace Cw {

namespace {

const char kProxyKeyProperty[] = "cwconnector.proxyKey";

// Asks the system for each URL, like setUseSystemConfiguration(true) does, but for one manager only.
class SystemProxyFactory final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        return QNetworkProxyFactory::systemProxyForQuery(query);
    }
};

} // namespace

NetworkAccessFactory::~NetworkAccessFactory() = default;

QNetworkAccessManager* NetworkAccessFactory::create(const ProxySettings& proxy, QObject* parent) const
{
    auto* manager = new QNetworkAccessManager(parent);
    applyProxy(manager, proxy);
    return manager;
}

void NetworkAccessFactory::applyProxy(QNetworkAccessManager* manager, const ProxySettings& proxy)
{
    switch (proxy.mode) {
    case ProxySettings::Mode::System:
        manager->setProxyFactory(new SystemProxyFactory); // the manager takes ownership
        break;
    case ProxySettings::Mode::None:
        manager->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxySettings::Mode::Manual:
        manager->setProxy(manualProxy(proxy));
        break;
    }
    manager->setProperty(kProxyKeyProperty, proxy.key());
}

QNetworkProxy NetworkAccessFactory::manualProxy(const ProxySettings& proxy)
{
    // With a login, Qt answers the proxy's 407 with it (Basic, or Digest / NTLM as the proxy asks).
    return proxy.hasLogin()
        ? QNetworkProxy(QNetworkProxy::HttpProxy, proxy.host, proxy.port, proxy.user, proxy.password)
        : QNetworkProxy(QNetworkProxy::HttpProxy, proxy.host, proxy.port);
}

QString NetworkAccessFactory::appliedProxyKey(const QNetworkAccessManager* manager)
{
    return manager->property(kProxyKeyProperty).toString();
}

} // namespace Cw
