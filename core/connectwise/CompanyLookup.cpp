#include "core/connectwise/CompanyLookup.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/ConnectWiseLog.h"

namespace Cw {

CompanyLookup::CompanyLookup(ApiClient* client) : QObject(client), m_client(client) { }

ApiError CompanyLookup::apiBaseUrlFor(const Site& site, const CompanyInfo& info, QUrl* baseUrl)
{
    ApiError error;
    QString apiHost = info.siteUrl.trimmed();
    if (!site.isHttps() && !apiHost.isEmpty()) {
        const QUrl parsed(QStringLiteral("http://") + apiHost, QUrl::StrictMode);
        if (!parsed.isValid() || !Site::isLoopbackHost(parsed.host())) {
            error.kind = ApiError::Kind::Configuration;
            error.host = site.hostAndPort();
            error.detail = ApiError::tr("The local server sent its API host as %1, which would be reached over "
                                        "plain http; only loopback hosts may use http.")
                               .arg(apiHost);
            return error;
        }
    }
    if (baseUrl) {
        *baseUrl = site.apiBaseUrl(info.codebase, apiHost);
    }
    return error;
}

void CompanyLookup::start()
{
    const Connection& connection = m_client->connection();
    ApiRequest request;
    request.path = QStringLiteral("login/companyinfo");
    request.absoluteUrl = connection.site.companyInfoUrl(connection.companyId);
    request.authenticated = false;
    request.expectJson = false; // "null" is a valid answer here; CompanyInfo::parse reads it
    if (connection.companyId.trimmed().isEmpty() || !connection.site.isValid()) {
        CompanyLookupResult result;
        result.error.kind = ApiError::Kind::Configuration;
        result.error.detail = ApiError::tr("Enter the site and the company ID first.");
        m_finished = true;
        emit finished(result);
        deleteLater();
        return;
    }
    m_call = m_client->send(request);
    connect(m_call, &ApiCall::finished, this, &CompanyLookup::onCallFinished);
}

void CompanyLookup::onCallFinished(const ApiResult& call)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    CompanyLookupResult result;
    result.error = call.error;
    const QString companyId = m_client->connection().companyId.trimmed();
    if (call.error.kind == ApiError::Kind::NotFound) {
        result.error.kind = ApiError::Kind::UnknownCompany;
    } else if (call.ok()) {
        switch (CompanyInfo::parse(call.body, &result.info)) {
        case CompanyInfo::ParseResult::Ok:
            result.error = apiBaseUrlFor(m_client->connection().site, result.info, &result.apiBaseUrl);
            break;
        case CompanyInfo::ParseResult::UnknownCompany:
            result.error.kind = ApiError::Kind::UnknownCompany;
            break;
        case CompanyInfo::ParseResult::Malformed:
            result.error.kind = ApiError::Kind::MalformedResponse;
            result.error.detail = QString::fromUtf8(call.body.left(200));
            break;
        }
    }
    if (!result.error.isOk()) {
        result.error.companyId = companyId;
        if (result.error.host.isEmpty()) {
            result.error.host = m_client->connection().site.hostAndPort();
        }
        result.error.endpoint = QStringLiteral("login/companyinfo/") + companyId;
    } else {
        qCInfo(lcConnectWise).noquote() << "company" << companyId << "found: codebase" << result.info.codebase << "API"
                                        << result.apiBaseUrl.toString();
    }
    emit finished(result);
    deleteLater();
}

void CompanyLookup::cancel()
{
    if (m_call) {
        m_call->cancel();
    }
}

} // namespace Cw
