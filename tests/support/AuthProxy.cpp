#include "tests/support/AuthProxy.h"

#include <QTcpSocket>

namespace CwTest {

namespace {

const char kBuffer[] = "cwtest.head"; // what a client sent before its head was complete

QByteArray headerValue(const QByteArray& head, const QByteArray& name)
{
    for (const QByteArray& line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name) {
            return line.mid(colon + 1).trimmed();
        }
    }
    return QByteArray();
}

void pipe(QTcpSocket* from, QTcpSocket* to)
{
    QObject::connect(from, &QTcpSocket::readyRead, to, [from, to] { to->write(from->readAll()); });
    QObject::connect(from, &QTcpSocket::disconnected, to, [to] { to->disconnectFromHost(); });
}

} // namespace

AuthProxy::AuthProxy(const QString& user, const QString& password)
    : m_expected("Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64())
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &AuthProxy::accept);
}

void AuthProxy::accept()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        client->setParent(this);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QTcpSocket::readyRead, this, [this, client] { readHead(client); });
    }
}

void AuthProxy::readHead(QTcpSocket* client)
{
    QByteArray received = client->property(kBuffer).toByteArray() + client->readAll();
    const int end = received.indexOf("\r\n\r\n");
    if (end < 0) {
        client->setProperty(kBuffer, received);
        return;
    }
    disconnect(client, &QTcpSocket::readyRead, this, nullptr); // the rest is the tunnel's
    const QByteArray head = received.left(end);
    m_heads.append(head);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (headerValue(head, "proxy-authorization") != m_expected) {
        ++m_rejected;
        client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                      "Proxy-Authenticate: Basic realm=\"cwtest\"\r\n"
                      "Content-Length: 0\r\nProxy-Connection: close\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
    } else if (requestLine.size() != 3 || requestLine.first() != "CONNECT") {
        client->write("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
    } else {
        tunnel(client, requestLine.at(1));
    }
}

void AuthProxy::tunnel(QTcpSocket* client, const QByteArray& target)
{
    const int colon = target.lastIndexOf(':');
    auto* upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::connected, client, [this, client, upstream] {
        ++m_tunnels;
        pipe(client, upstream);
        pipe(upstream, client);
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
    });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream](QAbstractSocket::SocketError) {
        if (upstream->state() != QAbstractSocket::ConnectedState) {
            client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            client->disconnectFromHost();
        }
    });
    upstream->connectToHost(QString::fromLatin1(target.left(colon)), target.mid(colon + 1).toUShort());
}

} // namespace CwTest
