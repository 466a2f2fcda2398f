#pragma once

#include "app/sim/HttpMessage.h"

#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Sim {

// A small HTTP/1.1 server over QTcpServer (or QSslServer when given a certificate): keep-alive,
// Content-Length bodies, TCP_NODELAY, and the deliberate faults an HttpResponse asks for.
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
    bool isTls() const { return !m_chain.isEmpty(); }

    bool listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const HttpRequest& request, const HttpResponse& response);

    Handler m_handler;
    QTcpServer* m_server = nullptr;
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

} // namespace Sim
