#pragma once

#include "app/sim/HttpMessage.h"

#include <QString>

#include <optional>

namespace Sim {

// The API's authentication: `Authorization: Basic base64(companyId+publicKey:privateKey)` (the company
// id matched case-insensitively) and the mandatory clientId header. A failure gives the reply the real
// service sends; no detail on which part was wrong.
class Auth final
{
public:
    Auth(QString companyId, QString publicKey, QString privateKey, QString requiredClientId);

    // nullopt when the request may proceed.
    std::optional<HttpResponse> check(const HttpRequest& request) const;

    void setCompanyId(const QString& companyId) { m_companyId = companyId; }

private:
    bool credentialsMatch(const QByteArray& authorization) const;

    QString m_companyId;
    QString m_publicKey;
    QString m_privateKey;
    QString m_clientId;
};

} // namespace Sim
