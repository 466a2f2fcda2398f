#include "core/connectwise/ApiRequest.h"

namespace Cw {

ApiRequest ApiRequest::make(Method method, const QString& path, const QJsonDocument& body)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    if (!body.isNull()) {
        request.body = body.toJson(QJsonDocument::Compact);
    }
    return request;
}

ApiRequest& ApiRequest::addQuery(const QString& name, const QString& value)
{
    query.append({name, value});
    return *this;
}

ApiRequest& ApiRequest::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray ApiRequest::verb() const
{
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return QByteArrayLiteral("GET");
}

QString ApiRequest::encodedQuery() const
{
    QByteArray out;
    for (const auto& item : query) {
        if (!out.isEmpty()) {
            out += '&';
        }
        // Everything but unreserved characters (and the harmless , / : ( ) kept for readable logs) is
        // encoded, so & = + " % * ' [ ] in conditions reach the server intact.
        static const QByteArray keep = QByteArrayLiteral(",/:()");
        out += QUrl::toPercentEncoding(item.first, keep) + '=' + QUrl::toPercentEncoding(item.second, keep);
    }
    return QString::fromLatin1(out);
}

QUrl ApiRequest::url(const QUrl& baseUrl) const
{
    QUrl result = absoluteUrl;
    if (result.isEmpty()) {
        QString base = baseUrl.toString(QUrl::FullyEncoded);
        while (base.endsWith(QLatin1Char('/'))) {
            base.chop(1);
        }
        QString relative = path;
        while (relative.startsWith(QLatin1Char('/'))) {
            relative.remove(0, 1);
        }
        result = QUrl(base + QLatin1Char('/') + relative, QUrl::StrictMode);
    }
    if (!query.isEmpty()) {
        result.setQuery(encodedQuery(), QUrl::StrictMode);
    }
    return result;
}

} // namespace Cw
