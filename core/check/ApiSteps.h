#pragma once

#include "core/check/CheckStep.h"
#include "core/connectwise/ApiError.h"
#include "core/connectwise/Connection.h"
#include "core/mapping/UserMatcher.h"

#include <QPointer>

namespace Cw {

class ApiCall;
class ApiClient;
class CompanyLookup;
class Pager;

// Input sanity: what an authenticated call needs is there and usable (site, company id, keys, proxy,
// a readable CA file) before any network traffic.
class InputStep final : public CheckStep
{
    Q_OBJECT

public:
    InputStep(const Connection& connection, ApiClient* client, QObject* parent = nullptr);

protected:
    void run() override;

private:
    Connection m_connection;
    ApiClient* m_client;
};

// Company lookup: GET /login/companyinfo/{id} knows the company, its codebase and API host.
class CompanyStep final : public CheckStep
{
    Q_OBJECT

public:
    CompanyStep(ApiClient* client, const QStringList& dependsOn, QObject* parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    ApiClient* m_client;
    QPointer<CompanyLookup> m_lookup;
};

// Base of the steps that make one authenticated call: turns a failed ApiResult into the step's
// diagnosis (the typed error's message) and fix.
class ApiCallStep : public CheckStep
{
    Q_OBJECT

public:
    ApiCallStep(const QString& id, const QString& title, const QStringList& dependsOn, ApiClient* client,
                QObject* parent = nullptr);

protected:
    void abort() override;
    void failWith(const ApiError& error);

    ApiClient* m_client;
    QPointer<ApiCall> m_call;
};

// Authentication: GET /system/info with the keys and the clientId.
class AuthStep final : public ApiCallStep
{
    Q_OBJECT

public:
    AuthStep(ApiClient* client, QObject* parent = nullptr);

protected:
    void run() override;
};

// Permission on one module: a one-record GET of an endpoint the connector uses; a 403 names the
// security-role entry to grant.
class PermissionStep final : public ApiCallStep
{
    Q_OBJECT

public:
    PermissionStep(ApiClient* client, const QString& path, QObject* parent = nullptr);

    static QString idFor(const QString& path) { return QStringLiteral("permission:") + path; }

protected:
    void run() override;

private:
    QString m_path;
};

// Lookup source: a ConnectWise list the connector maps to must not be empty (otherwise a Table Setup
// entry has to be customised in ConnectWise first).
class ListNotEmptyStep final : public ApiCallStep
{
    Q_OBJECT

public:
    ListNotEmptyStep(ApiClient* client, const QString& path, const QString& listName, const QString& setupTable,
                     QObject* parent = nullptr);

protected:
    void run() override;

private:
    QString m_path;
    QString m_listName;
    QString m_setupTable;
};

// Members pull: every member, page by page, for user mapping; API and inactive members left out.
class MembersStep final : public CheckStep
{
    Q_OBJECT

public:
    MembersStep(ApiClient* client, const QStringList& dependsOn, QObject* parent = nullptr);

    const QList<Member>& members() const { return m_members; } // mappable members, after the step passed

    static Member memberFromJson(const QJsonObject& json);

protected:
    void run() override;
    void abort() override;

private:
    ApiClient* m_client;
    QPointer<Pager> m_pager;
    QList<Member> m_members;
    int m_skipped = 0;
};

} // namespace Cw
