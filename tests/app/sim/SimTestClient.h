#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

namespace CwTest {

// One finished HTTP exchange with cwconnector-sim.
struct SimReply
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;
    QList<QSslError> sslErrors;
    QSslCertificate peerCertificate;

    bool hasHeader(const QByteArray& name) const;
    QByteArray header(const QByteArray& name) const;
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    // Link header: rel -> URL
    QUrl link(const QByteArray& rel) const;
};

using Query = QList<QPair<QString, QString>>;

// Talks to the simulator's API like a ConnectWise client does (Basic auth, clientId), with a real
// QNetworkAccessManager over loopback. For the sim's own tests only.
class SimTestClient final
{
public:
    explicit SimTestClient(const QUrl& baseUrl);

    QString company = QStringLiteral("cwsim");
    QString publicKey = QStringLiteral("demopublickey0001");
    QString privateKey = QStringLiteral("demoprivatekey0001");
    QByteArray clientId = "4f0c2b6e-9a59-4c5e-8e1e-0d7c4c2a1b11";
    QString codebase = QStringLiteral("v2025_1/");
    bool sendAuth = true;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();

    QUrl api(const QString& path, const Query& query = {}) const; // base/{codebase}apis/3.0/{path}?query
    QUrl url(const QString& pathAndQuery) const; // base + raw path

    SimReply get(const QUrl& url, const QList<QPair<QByteArray, QByteArray>>& headers = {});
    SimReply send(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
                  const QList<QPair<QByteArray, QByteArray>>& headers = {});
    SimReply control(const QByteArray& verb, const QString& what, const QByteArray& body = {});

    QByteArray authorization() const;
    // All records of a list endpoint, following navigable pages of 1000.
    QJsonArray all(const QString& path, const Query& query = {});

    static QByteArray encodeQuery(const Query& query);

private:
    QUrl m_base;
    QNetworkAccessManager m_network;
};

} // namespace CwTest
