#pragma once

#include "app/sim/HttpMessage.h"
#include "app/sim/Link.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Sim {

// A small HTTP/1.1 server over QTcpServer (or QSslServer when given a certificate): keep-alive,
// Content-Length bodies, TCP_NODELAY, and the deliberate faults an HttpResponse asks for. Every byte it writes
// passes its Link (the modelled bandwidth shared by all connections).
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;

    explicit HttpServer(Handler handler, QObject* parent = nullptr);
    ~HttpServer() override;

    // Serve HTTPS with this certificate chain and key; call before listen().
    void setTls(const QList<QSslCertificate>& chain, const QSslKey& key);
    // Loads a PEM certificate (+ optional PEM chain) and PEM key (RSA or EC) and calls setTls().
    bool loadTls(const QString& certFile, const QString& keyFile, const QString& chainFile, QString* error);
    bool isTls() const { return !m_chain.isEmpty(); }
    // The link's bandwidth in Mbit/s, asked before each write (0 = unlimited).
    void setLinkRate(Link::Rate mbps) { m_link.setRate(std::move(mbps)); }

    bool listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void processBuffered(QTcpSocket* socket);
    // Writes the reply; false when the connection is closed afterwards.
    bool respond(QTcpSocket* socket, const HttpRequest& request, const HttpResponse& response);

    struct Connection
    {
        QByteArray buffer; // received bytes not yet parsed into a request
        bool busy = false; // a delayed reply is pending: later (pipelined) requests wait for it
        bool closing = false;
        bool continueSent = false; // "100 Continue" answered for the request being received
        int serial = 0; // 1 for the first connection accepted, 2 for the next, ...
    };
    QHash<QTcpSocket*, Connection> m_connections;
    int m_accepted = 0;

    Handler m_handler;
    Link m_link;
    QTcpServer* m_server = nullptr;
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

} // namespace Sim
