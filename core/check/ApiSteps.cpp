#include "core/check/ApiSteps.h"

#include "core/connectwise/ApiCall.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/CompanyLookup.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/Pager.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Cw {

// ---- input -----------------------------------------------------------------------------------

InputStep::InputStep(const Connection& connection, ApiClient* client, QObject* parent)
    : CheckStep(QStringLiteral("input"), tr("Settings"), {}, parent), m_connection(connection), m_client(client)
{ }

void InputStep::run()
{
    ApiError error = m_connection.validateForApi();
    if (error.isOk()) {
        error = m_client->caError();
    }
    if (!error.isOk()) {
        fail(error.message(), error.fix(), error.detail, ApiError::kindName(error.kind));
        return;
    }
    QString summary = tr("Company %1 on %2").arg(m_connection.companyId, m_connection.site.toString());
    if (m_connection.clientId.isEmpty()) {
        warn(summary, tr("No client ID is set; ConnectWise requires one for every call."),
             tr("Enter the integration's client ID (a GUID from developer.connectwise.com)."));
        return;
    }
    pass(summary);
}

// ---- company lookup --------------------------------------------------------------------------

CompanyStep::CompanyStep(ApiClient* client, const QStringList& dependsOn, QObject* parent)
    : CheckStep(QStringLiteral("company"), tr("Company lookup"), dependsOn, parent), m_client(client)
{ }

void CompanyStep::run()
{
    if (const auto known = m_client->companyInfo()) {
        // Found earlier by the same setup (the wizard's live lookup): not asked again.
        pass(tr("“%1” found: codebase %2, API at %3 (%4)")
                 .arg(known->companyName, known->codebase, m_client->baseUrl().host(),
                      known->isCloud ? tr("cloud") : tr("on premise")),
             tr("version %1, API base %2 (looked up during setup)")
                 .arg(known->versionCode, m_client->baseUrl().toString()));
        return;
    }
    m_lookup = m_client->lookupCompany();
    connect(m_lookup, &CompanyLookup::finished, this, [this](const CompanyLookupResult& result) {
        if (!result.ok()) {
            fail(result.error.message(), result.error.fix(), result.error.summary(),
                 ApiError::kindName(result.error.kind));
            return;
        }
        const CompanyInfo& info = result.info;
        pass(tr("“%1” found: codebase %2, API at %3 (%4)")
                 .arg(info.companyName, info.codebase, result.apiBaseUrl.host(),
                      info.isCloud ? tr("cloud") : tr("on premise")),
             tr("version %1, API base %2").arg(info.versionCode, result.apiBaseUrl.toString()));
    });
}

void CompanyStep::abort()
{
    if (m_lookup) {
        m_lookup->cancel();
    }
}

// ---- one authenticated call ------------------------------------------------------------------

ApiCallStep::ApiCallStep(const QString& id, const QString& title, const QStringList& dependsOn, ApiClient* client,
                         QObject* parent)
    : CheckStep(id, title, dependsOn, parent), m_client(client)
{ }

void ApiCallStep::abort()
{
    if (m_call) {
        m_call->cancel();
    }
}

void ApiCallStep::failWith(const ApiError& error)
{
    fail(error.message(), error.fix(), error.summary(), ApiError::kindName(error.kind));
}

AuthStep::AuthStep(ApiClient* client, QObject* parent)
    : ApiCallStep(QStringLiteral("auth"), tr("Authentication"), {QStringLiteral("company")}, client, parent)
{ }

void AuthStep::run()
{
    m_call = m_client->send(ApiRequest::get(Endpoints::systemInfo()));
    connect(m_call, &ApiCall::finished, this, [this](const ApiResult& result) {
        if (!result.ok()) {
            failWith(result.error);
            return;
        }
        const QJsonObject info = result.object();
        pass(tr("Keys and client ID accepted; ConnectWise %1").arg(info.value(QStringLiteral("version")).toString()),
             tr("cloud region %1, server time zone %2")
                 .arg(info.value(QStringLiteral("cloudRegion")).toString(),
                      info.value(QStringLiteral("serverTimeZone")).toString()));
    });
}

PermissionStep::PermissionStep(ApiClient* client, const QString& path, QObject* parent)
    : ApiCallStep(idFor(path),
                  tr("Permission: %1").arg(Endpoints::find(path) ? Endpoints::find(path)->permission() : path),
                  {QStringLiteral("auth")}, client, parent)
    , m_path(path)
{ }

void PermissionStep::run()
{
    ApiRequest request = ApiRequest::get(m_path);
    request.addQuery(QStringLiteral("pageSize"), QStringLiteral("1"));
    request.addQuery(QStringLiteral("fields"), QStringLiteral("id"));
    m_call = m_client->send(request);
    connect(m_call, &ApiCall::finished, this, [this](const ApiResult& result) {
        if (!result.ok()) {
            failWith(result.error);
            return;
        }
        const auto endpoint = Endpoints::find(m_path);
        pass(tr("%1 can be read (%2)").arg(m_path, endpoint ? endpoint->purpose() : QString()));
    });
}

ListNotEmptyStep::ListNotEmptyStep(ApiClient* client, const QString& path, const QString& listName,
                                   const QString& setupTable, QObject* parent)
    : ApiCallStep(QStringLiteral("list:") + path, tr("Lookup source: %1").arg(listName), {PermissionStep::idFor(path)},
                  client, parent)
    , m_path(path)
    , m_listName(listName)
    , m_setupTable(setupTable)
{ }

void ListNotEmptyStep::run()
{
    ApiRequest request = ApiRequest::get(m_path + QLatin1String("/count"));
    m_call = m_client->send(request);
    connect(m_call, &ApiCall::finished, this, [this](const ApiResult& result) {
        if (!result.ok()) {
            failWith(result.error);
            return;
        }
        const int count = result.object().value(QStringLiteral("count")).toInt();
        if (count == 0) {
            warn(tr("%1: the list is empty").arg(m_listName),
                 tr("ConnectWise has no %1 yet, so nothing can be mapped to them.").arg(m_listName),
                 tr("In ConnectWise, open System › Setup Tables › %1 and add the values you need.").arg(m_setupTable));
            return;
        }
        pass(tr("%n value(s)", nullptr, count));
    });
}

// ---- members ---------------------------------------------------------------------------------

MembersStep::MembersStep(ApiClient* client, const QStringList& dependsOn, QObject* parent)
    : CheckStep(QStringLiteral("members"), tr("Members for user mapping"), dependsOn, parent), m_client(client)
{ }

Member MembersStep::memberFromJson(const QJsonObject& json)
{
    Member m;
    m.id = json.value(QStringLiteral("id")).toInt();
    m.identifier = json.value(QStringLiteral("identifier")).toString();
    m.firstName = json.value(QStringLiteral("firstName")).toString();
    m.lastName = json.value(QStringLiteral("lastName")).toString();
    m.email = json.value(QStringLiteral("primaryEmail")).toString();
    if (m.email.isEmpty()) {
        m.email = json.value(QStringLiteral("officeEmail")).toString();
    }
    m.inactive = json.value(QStringLiteral("inactiveFlag")).toBool();
    m.licenseClass = json.value(QStringLiteral("licenseClass")).toString();
    return m;
}

void MembersStep::run()
{
    PageQuery query;
    query.path = Endpoints::members();
    query.fields =
        QStringList {QStringLiteral("id"),           QStringLiteral("identifier"),   QStringLiteral("firstName"),
                     QStringLiteral("lastName"),     QStringLiteral("primaryEmail"), QStringLiteral("officeEmail"),
                     QStringLiteral("inactiveFlag"), QStringLiteral("licenseClass")};
    m_members.clear();
    m_skipped = 0;
    m_pager = new Pager(m_client, query, this);
    connect(m_pager, &Pager::pageReady, this, [this](const Page& page) {
        for (const QJsonValue& v : page.records) {
            const Member m = memberFromJson(v.toObject());
            if (m.isMappable()) {
                m_members.append(m);
            } else {
                ++m_skipped;
            }
        }
    });
    connect(m_pager, &Pager::finished, this, [this](const PagerResult& result) {
        m_pager->deleteLater();
        if (!result.ok()) {
            fail(result.error.message(), result.error.fix(), result.error.summary(),
                 ApiError::kindName(result.error.kind));
            return;
        }
        if (m_members.isEmpty()) {
            warn(tr("No member can be mapped"), tr("ConnectWise returned no active member that is not an API member."),
                 tr("Check the API member's security role: it needs System › Members (Inquire level All)."));
            return;
        }
        pass(tr("%n member(s) available for user mapping", nullptr, static_cast<int>(m_members.size())) +
             QLatin1String("; ") + tr("%n API or inactive member(s) left out", nullptr, m_skipped));
    });
    m_pager->start();
}

void MembersStep::abort()
{
    if (m_pager) {
        m_pager->cancel();
    }
}

} // namespace Cw
