#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Cw {

// One call to describe: method, path under {base}/apis/3.0, query items, extra headers and body.
// Query values are percent-encoded when the URL is built (conditions need & " + % encoded).
struct ApiRequest
{
    enum class Method { Get, Post, Put, Patch, Delete };

    Method method = Method::Get;
    QString path; // "company/companies", "finance/invoices/12"
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers; // e.g. pagination-type: forward-only
    QByteArray body; // JSON for POST/PUT/PATCH
    // A 2xx body must be JSON (checked once, kept parsed in ApiResult::json). false: kept raw in ApiResult::body
    // for the caller to read, checked only for being whole (Content-Length; a [ or { closed, or a JSON scalar).
    bool expectJson = true;
    bool authenticated = true; // false only for the anonymous companyinfo lookup
    QUrl absoluteUrl; // when set, used instead of base + path (companyinfo)

    static ApiRequest get(const QString& path) { return make(Method::Get, path, {}); }
    static ApiRequest del(const QString& path) { return make(Method::Delete, path, {}); }
    static ApiRequest post(const QString& path, const QJsonDocument& body) { return make(Method::Post, path, body); }
    static ApiRequest put(const QString& path, const QJsonDocument& body) { return make(Method::Put, path, body); }
    static ApiRequest patch(const QString& path, const QJsonDocument& body) { return make(Method::Patch, path, body); }

    ApiRequest& addQuery(const QString& name, const QString& value);
    ApiRequest& setHeader(const QByteArray& name, const QByteArray& value);

    // GET, PUT, PATCH and DELETE may be sent again after a failure; POST may not (it could create twice).
    bool isIdempotent() const { return method != Method::Post; }
    QByteArray verb() const; // "GET", ...
    QString encodedQuery() const; // "pageSize=1000&conditions=name%20%3D%20%22A%26B%22"
    QUrl url(const QUrl& baseUrl) const; // base + "/" + path + "?" + query, or absoluteUrl

private:
    static ApiRequest make(Method method, const QString& path, const QJsonDocument& body);
};

} // namespace Cw
