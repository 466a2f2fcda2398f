#include "app/sim/Auth.h"

#include "app/sim/ApiError.h"

namespace Sim {

Auth::Auth(QString companyId, QString publicKey, QString privateKey, QString requiredClientId)
    : m_companyId(std::move(companyId))
    , m_publicKey(std::move(publicKey))
    , m_privateKey(std::move(privateKey))
    , m_clientId(std::move(requiredClientId))
{ }

bool Auth::credentialsMatch(const QByteArray& authorization) const
{
    const QByteArray scheme = authorization.left(6);
    if (scheme.compare("Basic ", Qt::CaseInsensitive) != 0) {
        return false;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return false;
    }
    const QString text = QString::fromUtf8(*decoded);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        return false;
    }
    const QString user = text.left(colon);
    const QString password = text.mid(colon + 1);
    const QString expectedUserTail = QLatin1Char('+') + m_publicKey;
    return user.size() == m_companyId.size() + expectedUserTail.size() &&
        user.left(m_companyId.size()).compare(m_companyId, Qt::CaseInsensitive) == 0 &&
        user.mid(m_companyId.size()) == expectedUserTail && password == m_privateKey;
}

std::optional<HttpResponse> Auth::check(const HttpRequest& request) const
{
    if (!request.hasHeader("clientId") || request.header("clientId").trimmed().isEmpty()) {
        return ApiError::plainText(400, "Cannot process request: clientId header is required");
    }
    if (!credentialsMatch(request.header("Authorization"))) {
        return ApiError::reply(401, QStringLiteral("Unauthorized"),
                               QStringLiteral("The supplied authentication is incorrect or has been disabled."));
    }
    if (!m_clientId.isEmpty() &&
        QString::fromUtf8(request.header("clientId").trimmed()).compare(m_clientId, Qt::CaseInsensitive) != 0) {
        return ApiError::reply(401, QStringLiteral("Unauthorized"),
                               QStringLiteral("The clientId supplied is not valid for this integration."));
    }
    return std::nullopt;
}

} // namespace Sim
