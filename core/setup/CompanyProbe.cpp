#include "core/setup/CompanyProbe.h"

#include "core/config/ConnectorSession.h"
#include "core/config/InstanceConnection.h"
#include "core/connectwise/ApiClient.h"
#include "core/setup/SetupLog.h"

#include <QCryptographicHash>

namespace Cw {

CompanyProbe::CompanyProbe(const NetworkAccessFactory& network, QObject* parent) : QObject(parent), m_network(network)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(500);
    connect(&m_debounce, &QTimer::timeout, this, &CompanyProbe::start);
}

CompanyProbe::~CompanyProbe() = default;

static QString targetKey(const Instance& i, const QString& proxyUser, const QString& proxyPassword)
{
    // The login only as a hash: the key is kept and compared, never shown.
    const QByteArray login =
        QCryptographicHash::hash((proxyUser + QChar(0) + proxyPassword).toUtf8(), QCryptographicHash::Sha256);
    return QStringList {i.deployment,
                        i.site.trimmed(),
                        i.companyId.trimmed().toLower(),
                        i.caFile,
                        Instance::proxyModeName(i.proxyMode),
                        i.proxyHost,
                        QString::number(i.proxyPort),
                        QString::fromLatin1(login.toHex())}
        .join(QLatin1Char('|'));
}

void CompanyProbe::setTarget(const Instance& instance)
{
    const QString key = targetKey(instance, m_proxyUser, m_proxyPassword);
    if (key == m_targetKey) {
        return;
    }
    m_target = instance;
    m_targetKey = key;
    if (m_lookup) {
        m_lookup->cancel();
    }
    QString siteError;
    if (instance.companyId.trimmed().isEmpty() || !InstanceConnection::siteFor(instance, &siteError)) {
        m_debounce.stop();
        m_info = CompanyInfo();
        m_apiBaseUrl.clear();
        m_error = siteError;
        setState(State::Idle);
        return;
    }
    setState(State::Waiting);
    m_debounce.start();
}

void CompanyProbe::setProxyLogin(const QString& user, const QString& password)
{
    m_proxyUser = user;
    m_proxyPassword = password;
    setTarget(m_target);
}

void CompanyProbe::lookupNow()
{
    if (m_state == State::Waiting && m_debounce.isActive()) {
        m_debounce.stop();
        start();
    }
}

void CompanyProbe::start()
{
    if (m_lookup) {
        m_lookup->cancel();
    }
    Instance target = m_target;
    target.companyId = target.companyId.trimmed();
    QString error;
    auto session = ConnectorSession::open(target, ApiKeyPair(), m_network, &error); // no keys needed
    if (!session) {
        m_error = error;
        setState(State::Failed);
        return;
    }
    session = session->withProxyLogin(m_proxyUser, m_proxyPassword);
    if (m_client) {
        m_client->deleteLater();
    }
    m_client = session->newClient(this);
    m_lookup = m_client->lookupCompany();
    const QString key = m_targetKey;
    connect(m_lookup, &CompanyLookup::finished, this, [this, key](const CompanyLookupResult& result) {
        if (key == m_targetKey) {
            m_answeredKey = key;
            onFinished(result);
        }
    });
    qCInfo(lcSetup) << "company lookup" << session->connection().site.hostAndPort() << session->connection().companyId;
}

void CompanyProbe::onFinished(const CompanyLookupResult& result)
{
    m_apiError = result.error;
    if (result.ok()) {
        m_info = result.info;
        m_apiBaseUrl = result.apiBaseUrl;
        m_error.clear();
        setState(State::Found);
    } else {
        if (result.error.kind == ApiError::Kind::Cancelled) {
            return;
        }
        m_info = CompanyInfo();
        m_apiBaseUrl.clear();
        m_error = result.error.message() + QLatin1Char(' ') + result.error.fix();
        setState(State::Failed);
    }
}

void CompanyProbe::setState(State state)
{
    m_state = state;
    emit stateChanged(state);
}

} // namespace Cw
