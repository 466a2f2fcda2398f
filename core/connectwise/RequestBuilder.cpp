#include "core/connectwise/RequestBuilder.h"

#include "core/CwVersion.h"

#include <QFile>
#include <QSslConfiguration>

namespace Cw {

RequestBuilder::RequestBuilder(const Connection& connection)
    : m_clientId(connection.clientId.trimmed().toUtf8()), m_timeoutMs(connection.transferTimeoutMs)
{
    if (connection.hasKeys()) {
        const QByteArray credentials = connection.companyId.trimmed().toUtf8() + '+' + connection.publicKey.toUtf8() +
            ':' + connection.privateKey.toUtf8();
        m_authorization = QByteArrayLiteral("Basic ") + credentials.toBase64();
    }
    if (!connection.caFile.isEmpty()) {
        QString error;
        m_extraCas = loadCaFile(connection.caFile, &error);
        if (m_extraCas.isEmpty()) {
            m_caError.kind = ApiError::Kind::Configuration;
            m_caError.host = connection.site.hostAndPort();
            m_caError.detail = error;
        }
    }
    m_tls = QSslConfiguration::defaultConfiguration();
    if (!m_extraCas.isEmpty()) {
        m_tls.addCaCertificates(m_extraCas); // added to, not replacing, the system CAs
    }
    m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

QList<QSslCertificate> RequestBuilder::loadCaFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = ApiError::tr("The CA file %1 cannot be read: %2.").arg(path, file.errorString());
        }
        return {};
    }
    QList<QSslCertificate> certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certs.isEmpty()) {
        file.seek(0);
        certs = QSslCertificate::fromData(file.readAll(), QSsl::Der);
    }
    if (certs.isEmpty() && error) {
        *error = ApiError::tr("The CA file %1 contains no certificate (PEM or DER expected).").arg(path);
    }
    return certs;
}

QNetworkRequest RequestBuilder::build(const QUrl& url, bool authenticated, bool followRedirects) const
{
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Accept"),
                         authenticated ? acceptHeader() : QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("cwconnector/%1").arg(QString::fromLatin1(kVersion)));
    if (authenticated) {
        if (!m_authorization.isEmpty()) {
            request.setRawHeader(QByteArrayLiteral("Authorization"), m_authorization);
        }
        if (!m_clientId.isEmpty()) {
            request.setRawHeader(QByteArrayLiteral("clientId"), m_clientId);
        }
    }
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         followRedirects ? QNetworkRequest::SameOriginRedirectPolicy
                                         : QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == QLatin1String("https")) {
        request.setSslConfiguration(m_tls);
    }
    return request;
}

} // namespace Cw
