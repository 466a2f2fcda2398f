#include "core/check/NetworkSteps.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace Cw {

namespace {

QString proxyText(const QNetworkProxy& proxy)
{
    return proxy.hostName() + QLatin1Char(':') + QString::number(proxy.port());
}

} // namespace

// ---- DNS -------------------------------------------------------------------------------------

DnsStep::DnsStep(const CheckTarget& target, QObject* parent)
    : CheckStep(QStringLiteral("dns"), tr("DNS lookup"), {QStringLiteral("input")}, parent), m_target(target)
{ }

void DnsStep::run()
{
    const QString name = m_target.usesManualProxy() ? m_target.proxy.hostName() : m_target.host;
    if (!QHostAddress(name).isNull()) {
        pass(tr("%1 is an IP address: no lookup needed").arg(name));
        return;
    }
    m_lookupId = QHostInfo::lookupHost(name, this, [this, name](const QHostInfo& info) {
        m_lookupId = -1;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            const bool proxy = m_target.usesManualProxy();
            fail(proxy ? tr("The proxy server's name %1 could not be found (DNS).").arg(name)
                       : tr("The name %1 could not be found (DNS).").arg(name),
                 proxy ? tr("Check the proxy host in the connection's proxy settings.")
                       : tr("Check the site for typos. For ConnectWise Cloud, choose your region from the list; "
                            "on premise, ask your network administrator whether %1 resolves from this computer.")
                             .arg(name),
                 info.errorString(), QStringLiteral("Dns"));
            return;
        }
        QStringList addresses;
        for (const QHostAddress& a : info.addresses()) {
            addresses.append(a.toString());
        }
        pass(tr("%1 resolves to %2").arg(name, addresses.join(QLatin1String(", "))));
    });
}

void DnsStep::abort()
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
}

// ---- TCP -------------------------------------------------------------------------------------

TcpStep::TcpStep(const CheckTarget& target, int timeoutMs, QObject* parent)
    : CheckStep(QStringLiteral("tcp"), tr("Connection"), {QStringLiteral("dns")}, parent)
    , m_target(target)
    , m_timeoutMs(timeoutMs)
{ }

void TcpStep::run()
{
    m_socket = new QTcpSocket(this);
    m_socket->setProxy(m_target.proxy);
    auto* timer = new QTimer(m_socket);
    timer->setSingleShot(true);
    const QString where = m_target.host + QLatin1Char(':') + QString::number(m_target.port);
    connect(m_socket, &QTcpSocket::connected, this, [this, where] {
        const QString via =
            m_target.usesManualProxy() ? tr(" through the proxy %1").arg(proxyText(m_target.proxy)) : QString();
        pass(tr("Connected to %1%2").arg(where, via));
        m_socket->abort();
        m_socket->deleteLater();
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this, where](QAbstractSocket::SocketError error) {
        QString diagnosis;
        QString fix;
        QString kind = QStringLiteral("Connection");
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            diagnosis = tr("%1 refused the connection: nothing is listening on that port.").arg(where);
            fix = tr("Check the site's port. On premise, make sure the ConnectWise server is running and "
                     "reachable from this computer.");
            break;
        case QAbstractSocket::ProxyConnectionRefusedError:
        case QAbstractSocket::ProxyConnectionClosedError:
        case QAbstractSocket::ProxyConnectionTimeoutError:
        case QAbstractSocket::ProxyNotFoundError:
        case QAbstractSocket::ProxyProtocolError:
            diagnosis = tr("The proxy server %1 did not let the connection through: %2")
                            .arg(proxyText(m_target.proxy), m_socket->errorString());
            fix = tr("Check the proxy settings of this connection (system, none or manual), or ask your network "
                     "administrator which proxy to use.");
            kind = QStringLiteral("Proxy");
            break;
        case QAbstractSocket::ProxyAuthenticationRequiredError:
            diagnosis = tr("The proxy server %1 asks for a login (HTTP 407) and did not accept the proxy user and "
                           "password.")
                            .arg(proxyText(m_target.proxy));
            fix = tr("Enter the proxy user and password your network administrator gave you in Settings › "
                     "Connection (Proxy user, Proxy password), then check again.");
            kind = QStringLiteral("Proxy");
            break;
        case QAbstractSocket::NetworkError:
        case QAbstractSocket::HostNotFoundError:
            diagnosis = tr("%1 cannot be reached from this computer: %2").arg(where, m_socket->errorString());
            fix = tr("Check this computer's network connection, firewall and proxy settings.");
            break;
        default:
            diagnosis = tr("Connecting to %1 failed: %2").arg(where, m_socket->errorString());
            fix = tr("Check this computer's network connection, firewall and proxy settings.");
            break;
        }
        fail(diagnosis, fix, m_socket->errorString(), kind);
        m_socket->deleteLater();
    });
    connect(timer, &QTimer::timeout, this, [this, where] {
        fail(tr("No answer from %1 within %2 seconds.").arg(where).arg(m_timeoutMs / 1000),
             tr("A firewall may be dropping the connection. Check this computer's network connection, firewall "
                "and proxy settings."),
             QString(), QStringLiteral("Timeout"));
        m_socket->abort();
        m_socket->deleteLater();
    });
    timer->start(m_timeoutMs);
    m_socket->connectToHost(m_target.host, m_target.port);
}

void TcpStep::abort()
{
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
    }
}

// ---- TLS -------------------------------------------------------------------------------------

TlsStep::TlsStep(const CheckTarget& target, int timeoutMs, QObject* parent)
    : CheckStep(QStringLiteral("tls"), tr("Secure connection (TLS)"), {QStringLiteral("tcp")}, parent)
    , m_target(target)
    , m_timeoutMs(timeoutMs)
{ }

void TlsStep::describe(const QList<QSslError>& errors, const QString& host, QString* diagnosis, QString* fix)
{
    bool selfSigned = false;
    bool expired = false;
    bool wrongHost = false;
    bool untrusted = false;
    for (const QSslError& e : errors) {
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
            selfSigned = true;
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            expired = true;
            break;
        case QSslError::HostNameMismatch:
            wrongHost = true;
            break;
        default:
            untrusted = true;
            break;
        }
    }
    if (wrongHost) {
        *diagnosis = tr("The server's certificate is for another host, not %1 (wrong host).").arg(host);
        *fix = tr("Check the site: use the exact host name the certificate was issued for. A proxy that "
                  "inspects HTTPS can also cause this; ask your network administrator.");
    } else if (expired) {
        *diagnosis = tr("The server's certificate has expired (or is not valid yet).");
        *fix = tr("Ask the server's administrator to renew the certificate, and check this computer's clock.");
    } else if (selfSigned) {
        *diagnosis = tr("The server uses a self-signed certificate that this computer does not trust.");
        *fix = tr("Ask for the certificate of the authority that issued it (a PEM file) and add it as this "
                  "connection's CA file. Certificate errors are never ignored.");
    } else if (untrusted) {
        *diagnosis = tr("The server's certificate is not trusted: its chain does not lead to a trusted authority "
                        "(an intermediate certificate may be missing).");
        *fix = tr("Ask the server's administrator to install the full certificate chain, or add the issuing "
                  "authority's certificate as this connection's CA file.");
    } else {
        *diagnosis = tr("The secure connection failed.");
        *fix = tr("Check the site and the connection's CA file.");
    }
}

void TlsStep::run()
{
    if (!m_target.tls) {
        pass(tr("Not used: plain HTTP to a loopback address (simulator or local test server)"));
        return;
    }
    m_socket = new QSslSocket(this);
    m_socket->setProxy(m_target.proxy);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_target.extraCaCertificates.isEmpty()) {
        config.addCaCertificates(m_target.extraCaCertificates);
    }
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(m_target.host);
    auto* timer = new QTimer(m_socket);
    timer->setSingleShot(true);

    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) { m_errors = errors; });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        const QSslCertificate cert = m_socket->peerCertificate();
        const QString subject = cert.subjectInfo(QSslCertificate::CommonName).join(QLatin1String(", "));
        const QDateTime expiry = cert.expiryDate();
        const qint64 daysLeft = QDateTime::currentDateTimeUtc().daysTo(expiry);
        const QString protocol = m_socket->sessionCipher().protocolString();
        const QString details =
            tr("certificate %1, issued by %2, valid until %3; %4")
                .arg(subject, cert.issuerInfo(QSslCertificate::CommonName).join(QLatin1String(", ")),
                     expiry.toString(Qt::ISODate), protocol);
        if (daysLeft < 30) {
            warn(tr("Trusted certificate, but it expires in %n day(s)", nullptr, static_cast<int>(daysLeft)),
                 tr("The server's certificate expires soon."),
                 tr("Ask the server's administrator to renew the certificate."), details);
        } else if (m_target.usesManualProxy()) {
            warn(tr("Trusted certificate (through the proxy %1)").arg(proxyText(m_target.proxy)),
                 tr("A proxy is in use for this connection."),
                 tr("Nothing to do if this is intended; a failing proxy shows up here first."), details);
        } else {
            pass(tr("Trusted certificate for %1 (%2)").arg(subject, protocol), details);
        }
        m_socket->abort();
        m_socket->deleteLater();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        QString diagnosis;
        QString fix;
        if (!m_errors.isEmpty()) {
            describe(m_errors, m_target.host, &diagnosis, &fix);
            QStringList texts;
            for (const QSslError& e : std::as_const(m_errors)) {
                texts.append(e.errorString());
            }
            fail(diagnosis, fix, texts.join(QLatin1String("; ")), QStringLiteral("Tls"));
        } else {
            fail(tr("The secure connection to %1 failed: %2").arg(m_target.host, m_socket->errorString()),
                 tr("Check that the site speaks HTTPS on this port, and the connection's proxy settings."),
                 m_socket->errorString(), QStringLiteral("Tls"));
        }
        m_socket->deleteLater();
    });
    connect(timer, &QTimer::timeout, this, [this] {
        fail(tr("The secure handshake with %1 did not finish within %2 seconds.")
                 .arg(m_target.host)
                 .arg(m_timeoutMs / 1000),
             tr("Check that the site speaks HTTPS on this port."), QString(), QStringLiteral("Timeout"));
        m_socket->abort();
        m_socket->deleteLater();
    });
    timer->start(m_timeoutMs);
    m_socket->connectToHostEncrypted(m_target.host, m_target.port);
}

void TlsStep::abort()
{
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
    }
}

} // namespace Cw
