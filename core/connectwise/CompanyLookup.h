#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/ApiResult.h"
#include "core/connectwise/CompanyInfo.h"
#include "core/connectwise/Site.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Cw {

class ApiCall;
class ApiClient;

struct CompanyLookupResult
{
    CompanyInfo info;
    QUrl apiBaseUrl; // https://{SiteUrl}/{Codebase}apis/3.0
    ApiError error; // UnknownCompany for JSON null or 404; network, TLS, ... as for any call
    bool ok() const { return error.isOk(); }
};

// GET {site}/login/companyinfo/{companyId} (no authentication): whether the company exists, its codebase
// and API host. Made by ApiClient::lookupCompany(); emits finished() once, then deletes itself.
class CompanyLookup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompanyLookup)

public:
    void cancel();

    // The API base URL for an answer; a Configuration error if the site is plain http (loopback) but the
    // answer points at a host that is not loopback, which would send keys unencrypted.
    static ApiError apiBaseUrlFor(const Site& site, const CompanyInfo& info, QUrl* baseUrl);

signals:
    void finished(const Cw::CompanyLookupResult& result);

private:
    friend class ApiClient;
    explicit CompanyLookup(ApiClient* client);
    void start();
    void onCallFinished(const ApiResult& result);

    ApiClient* m_client;
    QPointer<ApiCall> m_call;
    bool m_finished = false;
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::CompanyLookupResult)
