#include "core/connectwise/Connection.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringList>

#include <array>

namespace Cw {

namespace {

// A key drawn once per process for the login digests of ProxySettings::key(). The keys only need to tell logins
// apart within one run (which network managers may be shared, whether a setting changed); a digest keyed with a
// random secret that never leaves the process cannot be used to guess a password from a log.
QByteArray loginDigestKey()
{
    static const QByteArray key = [] {
        std::array<quint32, 8> words {};
        QRandomGenerator::system()->generate(words.begin(), words.end());
        return QByteArray(reinterpret_cast<const char*>(words.data()), int(sizeof(words)));
    }();
    return key;
}

} // namespace

QString ProxySettings::key() const
{
    if (!hasLogin()) {
        return describe();
    }
    const QByteArray login = user.toUtf8() + '\0' + password.toUtf8();
    const QByteArray digest =
        QMessageAuthenticationCode::hash(login, loginDigestKey(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("manual:%1:%2:login-%3").arg(host).arg(port).arg(QString::fromLatin1(digest));
}

QString ProxySettings::describe() const
{
    switch (mode) {
    case Mode::System:
        return QStringLiteral("system");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Manual:
        return QStringLiteral("manual:%1:%2%3")
            .arg(host)
            .arg(port)
            .arg(hasLogin() ? QStringLiteral(" (with login)") : QString());
    }
    return QString();
}

QString Connection::effectiveCodebaseOverride() const
{
    const QString own = Site::normaliseCodebase(codebaseOverride);
    return own.isEmpty() ? site.codebaseOverride() : own;
}

ApiError Connection::validateForApi() const
{
    ApiError error;
    error.host = site.hostAndPort();
    error.companyId = companyId;
    QStringList missing;
    if (!site.isValid()) {
        missing << tr("site");
    }
    if (companyId.trimmed().isEmpty()) {
        missing << tr("company ID");
    }
    if (publicKey.isEmpty()) {
        missing << tr("public key");
    }
    if (privateKey.isEmpty()) {
        missing << tr("private key");
    }
    if (!missing.isEmpty()) {
        error.kind = ApiError::Kind::Configuration;
        error.detail = tr("The connection is missing: %1.").arg(missing.join(QStringLiteral(", ")));
        return error;
    }
    if (proxy.mode == ProxySettings::Mode::Manual && (proxy.host.isEmpty() || proxy.port == 0)) {
        error.kind = ApiError::Kind::Configuration;
        error.detail = tr("The manual proxy needs a host and a port.");
    }
    return error;
}

QString Connection::describe() const
{
    return QStringLiteral("site=%1 company=%2 clientId=%3 keys=%4 proxy=%5 caFile=%6 timeoutMs=%7 maxInFlight=%8")
        .arg(site.toString(), companyId, clientId, hasKeys() ? QStringLiteral("set") : QStringLiteral("missing"),
             proxy.describe(), caFile.isEmpty() ? QStringLiteral("-") : caFile)
        .arg(transferTimeoutMs)
        .arg(maxInFlight);
}

} // namespace Cw
