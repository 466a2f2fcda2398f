#include "core/connectwise/Connection.h"

#include <QStringList>

namespace Cw {

QString ProxySettings::key() const
{
    switch (mode) {
    case Mode::System:
        return QStringLiteral("system");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Manual:
        return QStringLiteral("manual:%1:%2").arg(host).arg(port);
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
             proxy.key(), caFile.isEmpty() ? QStringLiteral("-") : caFile)
        .arg(transferTimeoutMs)
        .arg(maxInFlight);
}

} // namespace Cw
