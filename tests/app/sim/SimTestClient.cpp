#include "tests/app/sim/SimTestClient.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>

namespace CwTest {

bool SimReply::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QByteArray SimReply::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

QUrl SimReply::link(const QByteArray& rel) const
{
    static const QRegularExpression entry(QStringLiteral("<([^>]*)>\\s*;\\s*rel=\"([a-z]+)\""));
    auto it = entry.globalMatch(QString::fromUtf8(header("Link")));
    while (it.hasNext()) {
        const auto match = it.next();
        if (match.captured(2) == QLatin1String(rel)) {
            return QUrl::fromEncoded(match.captured(1).toUtf8(), QUrl::StrictMode);
        }
    }
    return {};
}

SimTestClient::SimTestClient(const QUrl& baseUrl) : m_base(baseUrl) { }

QByteArray SimTestClient::encodeQuery(const Query& query)
{
    QByteArray encoded;
    for (const auto& item : query) {
        if (!encoded.isEmpty()) {
            encoded += '&';
        }
        encoded += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    return encoded;
}

QUrl SimTestClient::api(const QString& path, const Query& query) const
{
    QByteArray target = '/' + codebase.toUtf8() + "apis/3.0/" + path.toUtf8();
    if (!query.isEmpty()) {
        target += '?' + encodeQuery(query);
    }
    return url(QString::fromUtf8(target));
}

QUrl SimTestClient::url(const QString& pathAndQuery) const
{
    return QUrl::fromEncoded(m_base.toEncoded() + pathAndQuery.toUtf8(), QUrl::StrictMode);
}

QByteArray SimTestClient::authorization() const
{
    const QString user = company + QLatin1Char('+') + publicKey + QLatin1Char(':') + privateKey;
    return "Basic " + user.toUtf8().toBase64();
}

SimReply SimTestClient::get(const QUrl& target, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    return send("GET", target, {}, headers);
}

SimReply SimTestClient::send(const QByteArray& verb, const QUrl& target, const QByteArray& body,
                             const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(target);
    request.setSslConfiguration(ssl);
    request.setTransferTimeout(30000);
    if (sendAuth) {
        request.setRawHeader("Authorization", authorization());
    }
    if (!clientId.isEmpty()) {
        request.setRawHeader("clientId", clientId);
    }
    request.setRawHeader("Accept", "application/vnd.connectwise.com+json; version=2025.1");
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    for (const auto& h : headers) {
        request.setRawHeader(h.first, h.second);
    }
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    SimReply result;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&result](const QList<QSslError>& errors) { result.sslErrors += errors; });
    result.finished = reply->isFinished() || finished.wait(40000);
    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.peerCertificate = reply->sslConfiguration().peerCertificate();
    reply->deleteLater();
    return result;
}

SimReply SimTestClient::control(const QByteArray& verb, const QString& what, const QByteArray& body)
{
    const bool auth = sendAuth;
    sendAuth = false;
    SimReply reply = send(verb, url(QStringLiteral("/_sim/") + what), body);
    sendAuth = auth;
    return reply;
}

QJsonArray SimTestClient::all(const QString& path, const Query& query)
{
    QJsonArray records;
    for (int page = 1; page < 1000; ++page) {
        Query q = query;
        q.append({QStringLiteral("pageSize"), QStringLiteral("1000")});
        q.append({QStringLiteral("page"), QString::number(page)});
        const SimReply reply = get(api(path, q));
        const QJsonArray batch = reply.array();
        for (const QJsonValue& v : batch) {
            records.append(v);
        }
        if (reply.status != 200 || reply.link("next").isEmpty()) {
            break;
        }
    }
    return records;
}

} // namespace CwTest
